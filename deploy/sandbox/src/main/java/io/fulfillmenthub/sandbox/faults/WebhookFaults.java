package io.fulfillmenthub.sandbox.faults;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The one way a vendor's webhook deliveries go out: through the vendor's webhook faults. Each
 * delivery counts once against the oldest active fault: dropped, sent twice, or held and sent in
 * reverse order with the ones around it. Blocking, like the sending.
 */
@ApplicationScoped
public class WebhookFaults {

    public static final String DROPPED = "dropped";
    public static final String DUPLICATED = "duplicated";
    public static final String HELD = "held";
    public static final String REORDERED = "reordered";

    private final FaultBook book;

    WebhookFaults(FaultBook book) {
        this.book = book;
    }

    public void deliver(SimulatedVendor vendor, WebhookDelivery delivery) {
        for (Fault fault : book.activeWebhookFaults(vendor)) {
            if (fault.kind() == FaultKind.REORDER_WEBHOOKS) {
                List<WebhookDelivery> sendNow = fault.reorder(delivery, book.now());
                if (sendNow != null) {
                    sendNow.forEach(d -> d.send(REORDERED));
                    return;
                }
            } else if (fault.claim(book.now())) {
                if (fault.kind() == FaultKind.DROP_WEBHOOKS) {
                    delivery.withhold(DROPPED);
                } else {
                    delivery.send(DUPLICATED);
                    delivery.send(DUPLICATED);
                }
                return;
            }
        }
        delivery.send(null);
    }
}
