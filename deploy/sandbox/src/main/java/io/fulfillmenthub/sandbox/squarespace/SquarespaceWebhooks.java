package io.fulfillmenthub.sandbox.squarespace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.config.HubEndpoints;
import io.fulfillmenthub.sandbox.faults.WebhookDelivery;
import io.fulfillmenthub.sandbox.faults.WebhookFaults;
import io.fulfillmenthub.sandbox.faults.WebhookTransport;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.Delivery;
import io.fulfillmenthub.sandbox.squarespace.SquarespaceOrderJson.NotificationSent;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends Squarespace's order notifications to every subscription of the topic, as documented: {@code POST} of
 * {@code {id, websiteId, subscriptionId, topic, createdOn, data{orderId[, update]}}} with
 * {@code User-Agent: Squarespace/1.0}, {@code Content-Type: application/json} and {@code Squarespace-Signature}
 * = hex(HMAC-SHA256(exact body bytes, hex-decoded subscription secret)). A redelivery is the same bytes. Each
 * delivery goes through the webhook faults. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class SquarespaceWebhooks {

    public static final String SIGNATURE_HEADER = "Squarespace-Signature";
    static final String ORDER_CREATE = "order.create";
    static final String ORDER_UPDATE = "order.update";
    static final String USER_AGENT = "Squarespace/1.0";

    private final SquarespaceSubscriptions subscriptions;
    private final HubEndpoints hub;
    private final ObjectMapper json;
    private final WebhookFaults faults;
    private final SquarespaceVendor vendor;
    private final Clock clock;
    private final String websiteId = SquarespaceOrderBook.objectId();
    private final WebhookTransport transport;
    /** Sends the notifications an API call causes, so the call is answered without waiting for the hub. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "squarespace-notifications");
        thread.setDaemon(true);
        return thread;
    });

    SquarespaceWebhooks(SquarespaceSubscriptions subscriptions, HubEndpoints hub, ObjectMapper json, WebhookFaults faults,
            SquarespaceVendor vendor, Clock clock, WebhookTransport transport) {
        this.transport = transport;
        this.subscriptions = subscriptions;
        this.hub = hub;
        this.json = json;
        this.faults = faults;
        this.vendor = vendor;
        this.clock = clock;
    }

    /**
     * Notifies every subscription of the topic about the order, as the options say, then sends the order's
     * notifications held before (so they arrive after this one). Answers what was sent, one per subscription.
     *
     * @param update null for {@code order.create}
     */
    public List<NotificationSent> notify(SquarespaceOrder order, String topic, String update, NotificationOptions options) {
        List<NotificationSent> sent = new ArrayList<>();
        List<Runnable> heldBefore = options.held() ? List.of() : order.takeHeldNotifications();
        for (SquarespaceSubscriptions.Subscription subscription : subscriptions.to(topic)) {
            sent.add(notify(order, subscription, topic, update, options));
        }
        heldBefore.forEach(Runnable::run);
        return sent;
    }

    /** The notification an API call causes (the order fulfilled), sent once, in the background. */
    void notifyLater(SquarespaceOrder order, String topic, String update) {
        background.execute(() -> notify(order, topic, update, NotificationOptions.once()));
    }

    private NotificationSent notify(SquarespaceOrder order, SquarespaceSubscriptions.Subscription subscription,
            String topic, String update, NotificationOptions options) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("orderId", order.id());
        if (update != null) {
            data.put("update", update);
        }
        String createdOn = clock.instant().toString();
        String id = SquarespaceOrderBook.objectId();
        byte[] body;
        try {
            body = json.writeValueAsBytes(new SquarespaceOrderJson.Notification(id, websiteId, subscription.id(), topic,
                    createdOn, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the notification", e);
        }
        String signature = sign(body, subscription.secret());
        URI url = subscription.endpoint(hub);
        int index = order.recordNotification(new NotificationSent(id, subscription.id(), topic, update, createdOn,
                url.toString(), List.of()));
        for (int attempt = 1; attempt <= options.deliveries(); attempt++) {
            int thisAttempt = attempt;
            WebhookDelivery delivery = new WebhookDelivery() {
                @Override
                public void send(String faultEffect) {
                    order.recordDelivery(index, deliver(url, body, signature, thisAttempt, faultEffect));
                }

                @Override
                public void withhold(String faultEffect) {
                    order.recordDelivery(index, new Delivery(thisAttempt, null, null, faultEffect));
                }
            };
            if (!options.sent()) {
                delivery.withhold(WebhookFaults.DROPPED);
            } else if (options.held()) {
                delivery.withhold(WebhookFaults.HELD);
                order.holdNotification(() -> faults.deliver(vendor, reordered(delivery)));
            } else {
                faults.deliver(vendor, delivery);
            }
        }
        return order.notification(index);
    }

    /** A held delivery, sent later: reported as reordered unless a fault did something else to it. */
    private static WebhookDelivery reordered(WebhookDelivery delivery) {
        return new WebhookDelivery() {
            @Override
            public void send(String faultEffect) {
                delivery.send(faultEffect == null ? WebhookFaults.REORDERED : faultEffect);
            }

            @Override
            public void withhold(String faultEffect) {
                delivery.withhold(faultEffect);
            }
        };
    }

    /** hex(HMAC-SHA256(body)) keyed with the hex-decoded secret. */
    public static String sign(byte[] body, String hexSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexSecret.toLowerCase()), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Delivery deliver(URI url, byte[] body, String signature, int attempt, String fault) {
        WebhookTransport.Answer answer = transport.post(url, body, Map.of("Content-Type", "application/json",
                "User-Agent", USER_AGENT, SIGNATURE_HEADER, signature));
        return new Delivery(attempt, answer.status(), answer.error(), fault);
    }
}
