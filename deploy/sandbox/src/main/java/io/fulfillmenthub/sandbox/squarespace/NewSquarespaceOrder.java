package io.fulfillmenthub.sandbox.squarespace;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /_sandbox/squarespace/orders}: a customer's checkout, and how its {@code order.create} notification
 * goes. Only {@code lines} is required.
 *
 * @param paymentState [unknown] Squarespace's order has no payment field; when given, the order carries
 *     {@code paymentState} with this value, so a test can play a payment field either way
 * @param refundedTotal the order's {@code refundedTotal.value} (default {@code "0.00"})
 * @param notify false: the notification is not sent (a dropped notification the poller must find)
 * @param times how many times the notification is delivered (1..20), the same bytes each time
 * @param hold true: the notification is held and sent only after the order's next one (out of order)
 */
public record NewSquarespaceOrder(List<Line> lines, String orderNumber, String customerEmail,
        SquarespaceOrderJson.Address shippingAddress, String currency, String paymentState, String refundedTotal,
        @JsonProperty("notify") Boolean sendNotification, Integer times, Boolean hold) {

    /** A line: {@code sku} and {@code quantity} required; the price a decimal string such as "19.00". */
    public record Line(String sku, Integer quantity, String productName, String unitPrice, String variantId,
            String lineItemType) {}

    NotificationOptions notification() {
        return new NotificationOptions(sendNotification, times, hold);
    }
}
