package io.fulfillmenthub.sandbox.squarespace;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /_sandbox/squarespace/orders/{id}/update}: a change in the store's admin, notified as
 * {@code order.update} with this {@code update} (one of the documented values). [unknown] Which update a payment
 * change is reported as is not documented: the scenario chooses, and may set the order's {@code paymentState}
 * (see {@link NewSquarespaceOrder}) and {@code refundedTotal} with it; {@code REFUNDED} without an amount
 * refunds the grand total.
 */
public record UpdateSquarespaceOrder(String update, String paymentState, String refundedTotal,
        @JsonProperty("notify") Boolean sendNotification, Integer times, Boolean hold) {

    static final List<String> UPDATES = List.of("REFUNDED", "MARKED_PENDING", "EMAIL_UPDATED");

    NotificationOptions notification() {
        return new NotificationOptions(sendNotification, times, hold);
    }
}
