package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fulfillmenthub.sandbox.config.HubEndpoints;
import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.faults.WebhookDelivery;
import io.fulfillmenthub.sandbox.faults.WebhookFaults;
import io.fulfillmenthub.sandbox.faults.WebhookTransport;
import io.fulfillmenthub.sandbox.timing.ScenarioTimings;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Sends Spresso's webhooks to the hub: the body serialised once, signed over those exact bytes, and
 * delivered as many times as asked with the same eventId, as a vendor retry would, each delivery
 * through the webhook faults. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class SpressoWebhooks {

    public static final String ORDER_FULFILLABLE = "order_fulfillable";
    public static final String ORDER_CANCELLED = "order_cancelled";

    static final String USER_AGENT = "Spresso-Webhooks/1.0 (fulfillment-hub sandbox)";

    private final SandboxConfig config;
    private final HubEndpoints hub;
    private final ObjectMapper json;
    private final ScenarioTimings timings;
    private final WebhookFaults faults;
    private final SpressoVendor vendor;
    private final WebhookTransport transport;

    SpressoWebhooks(SandboxConfig config, HubEndpoints hub, ObjectMapper json, ScenarioTimings timings,
            WebhookFaults faults, SpressoVendor vendor, WebhookTransport transport) {
        this.vendor = vendor;
        this.transport = transport;
        this.config = config;
        this.hub = hub;
        this.json = json;
        this.timings = timings;
        this.faults = faults;
    }

    /**
     * @param eventId null for a new one
     * @throws IllegalStateException when no client secret is configured to sign with
     */
    public SpressoOrderJson.WebhookSent send(SpressoOrder order, String event, String eventId, int times,
            String createdAt) {
        String secret = config.spresso().clientSecret().orElseThrow(() -> new IllegalStateException(
                "sandbox.spresso.client-secret is not configured: webhooks cannot be signed"));
        String id = eventId == null || eventId.isBlank() ? "evt_" + UUID.randomUUID().toString().replace("-", "") : eventId;
        byte[] body;
        try {
            body = json.writeValueAsBytes(new SpressoOrderJson.WebhookBody(event, id, createdAt, order.webhookOrder()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the webhook", e);
        }
        String signature = SpressoSignature.sign(body, secret);
        URI url = hub.spressoWebhookUrl();
        int webhook = order.recordWebhook(event, id, createdAt, url.toString());
        for (int attempt = 1; attempt <= times; attempt++) {
            int thisAttempt = attempt;
            faults.deliver(vendor, new WebhookDelivery() {
                @Override
                public void send(String faultEffect) {
                    SpressoOrderJson.Delivery delivery = deliver(url, body, signature, thisAttempt, faultEffect);
                    if (ORDER_FULFILLABLE.equals(event) && delivery.status() != null && delivery.status() / 100 == 2) {
                        timings.record(ScenarioTimings.Mark.WEBHOOK_ACCEPTED, order.id());
                    }
                    order.recordDelivery(webhook, delivery);
                }

                @Override
                public void withhold(String faultEffect) {
                    order.recordDelivery(webhook, new SpressoOrderJson.Delivery(thisAttempt, null, null, faultEffect));
                }
            });
        }
        return order.webhook(webhook);
    }

    private SpressoOrderJson.Delivery deliver(URI url, byte[] body, String signature, int attempt, String fault) {
        WebhookTransport.Answer answer = transport.post(url, body, Map.of("Content-Type", "application/json",
                "User-Agent", USER_AGENT, SpressoSignature.HEADER, signature));
        return new SpressoOrderJson.Delivery(attempt, answer.status(), answer.error(), fault);
    }
}
