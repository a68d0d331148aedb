package io.fulfillmenthub.sandbox.lightspeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.config.HubEndpoints;
import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.fulfillmenthub.sandbox.faults.WebhookDelivery;
import io.fulfillmenthub.sandbox.faults.WebhookFaults;
import io.fulfillmenthub.sandbox.faults.WebhookTransport;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends {@code sale.update} on every change of a sale, as documented: {@code POST}
 * {@code application/x-www-form-urlencoded} with {@code payload} (the sale, API 1.0 shape, as JSON), {@code type},
 * {@code domain_prefix}, {@code environment} and {@code retailer_id}. [unknown] The signature, as VENDOR-FACTS.md
 * assumes it: {@code X-Signature: signature=<hex HMAC-SHA256 of the raw body>,algorithm=HMAC-SHA256} keyed with the
 * UTF-8 bytes of the client secret. Each delivery goes through the webhook faults; none is sent without a webhook
 * URL or a client secret.
 */
@ApplicationScoped
public class LightspeedWebhooks {

    public static final String SIGNATURE_HEADER = "X-Signature";
    static final String SALE_UPDATE = "sale.update";

    private final LightspeedSaleBook sales;
    private final HubEndpoints hub;
    private final SandboxConfig config;
    private final ObjectMapper json;
    private final WebhookFaults faults;
    private final WebhookTransport transport;
    private final LightspeedVendor vendor;
    /** Sends the webhooks an API call causes, so the call is answered without waiting for the hub. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lightspeed-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    LightspeedWebhooks(LightspeedSaleBook sales, HubEndpoints hub, SandboxConfig config, ObjectMapper json, WebhookFaults faults,
            WebhookTransport transport, LightspeedVendor vendor) {
        this.sales = sales;
        this.hub = hub;
        this.config = config;
        this.json = json;
        this.faults = faults;
        this.transport = transport;
        this.vendor = vendor;
    }

    /** The webhook of the sale as it is now, sent once, in the background. */
    void notifyLater(LightspeedSale sale) {
        Snapshot snapshot = snapshot(sale);
        background.execute(() -> send(sale, snapshot, 1));
    }

    /** The webhook of the sale as it is now, delivered {@code times} times (0: recorded as not sent); blocking. */
    void notify(LightspeedSale sale, int times) {
        send(sale, snapshot(sale), times);
    }

    private record Snapshot(String status, long version, Map<String, Object> payload) {}

    private Snapshot snapshot(LightspeedSale sale) {
        return sales.read(sale, s -> new Snapshot(s.status, s.version, s.v1()));
    }

    private void send(LightspeedSale sale, Snapshot snapshot, int times) {
        Optional<URI> url = hub.lightspeedWebhookUrl();
        Optional<String> secret = config.lightspeed().clientSecret().filter(text -> !text.isBlank());
        int index = sales.recordWebhook(sale, snapshot.status(), snapshot.version());
        if (url.isEmpty() || secret.isEmpty()) {
            sales.recordDelivery(sale, index, new LightspeedSale.Delivery(0, null,
                    url.isEmpty() ? "no webhook URL (sandbox.hub.lightspeed-webhook-url)" : "no client secret to sign with", null));
            return;
        }
        if (times == 0) {
            sales.recordDelivery(sale, index, new LightspeedSale.Delivery(0, null, null, "not sent (notify: false)"));
            return;
        }
        byte[] body = body(snapshot.payload());
        String signature = signature(body, secret.get());
        for (int attempt = 1; attempt <= times; attempt++) {
            int thisAttempt = attempt;
            faults.deliver(vendor, new WebhookDelivery() {
                @Override
                public void send(String faultEffect) {
                    WebhookTransport.Answer answer = transport.post(url.get(), body,
                            Map.of("Content-Type", "application/x-www-form-urlencoded", SIGNATURE_HEADER, signature));
                    sales.recordDelivery(sale, index, new LightspeedSale.Delivery(thisAttempt, answer.status(), answer.error(), faultEffect));
                }

                @Override
                public void withhold(String faultEffect) {
                    sales.recordDelivery(sale, index, new LightspeedSale.Delivery(thisAttempt, null, null, faultEffect));
                }
            });
        }
    }

    private byte[] body(Map<String, Object> payload) {
        String sale;
        try {
            sale = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the sale", e);
        }
        return ("payload=" + encode(sale) + "&type=" + encode(SALE_UPDATE) + "&domain_prefix=" + encode(config.lightspeed().domainPrefix())
                + "&environment=prod&retailer_id=" + encode(config.lightspeed().retailerId())).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code signature=<hex HMAC-SHA256 of the body>,algorithm=HMAC-SHA256}, keyed with the secret's UTF-8 bytes. */
    public static String signature(byte[] body, String clientSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "signature=" + HexFormat.of().formatHex(mac.doFinal(body)) + ",algorithm=HMAC-SHA256";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
