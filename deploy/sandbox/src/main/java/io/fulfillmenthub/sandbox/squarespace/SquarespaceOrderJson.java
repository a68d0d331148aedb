package io.fulfillmenthub.sandbox.squarespace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON the simulated Squarespace answers with, as its documentation shows it: every field present (null
 * when it has no value), except the payment field, which an order carries only when a scenario asks for it.
 */
public final class SquarespaceOrderJson {

    private SquarespaceOrderJson() {}

    public record Money(String value, String currency) {}

    public record Address(String firstName, String lastName, String address1, String address2, String city,
            String state, String countryCode, String postalCode, String phone) {}

    public record LineItem(String id, String variantId, String sku, String productName, int quantity,
            Money unitPricePaid, String lineItemType) {}

    /** One shipment as the fulfillments call gave it ({@code trackingUrl} may be null). */
    public record Shipment(String shipDate, String carrierName, String service, String trackingNumber,
            String trackingUrl) {}

    /** An order as {@code GET /1.0/commerce/orders/{id}} answers it. */
    @JsonPropertyOrder({"id", "orderNumber", "createdOn", "modifiedOn", "channel", "testmode", "customerEmail",
            "billingAddress", "shippingAddress", "fulfillmentStatus", "lineItems", "fulfillments", "subtotal",
            "shippingTotal", "discountTotal", "taxTotal", "refundedTotal", "grandTotal", "fulfilledOn"})
    public record Order(String id, String orderNumber, String createdOn, String modifiedOn, String channel,
            boolean testmode, String customerEmail, Address billingAddress, Address shippingAddress,
            String fulfillmentStatus, List<LineItem> lineItems, List<Shipment> fulfillments, Money subtotal,
            Money shippingTotal, Money discountTotal, Money taxTotal, Money refundedTotal, Money grandTotal,
            String fulfilledOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) String paymentState) {}

    public record Pagination(boolean hasNextPage, String nextPageCursor, String nextPageUrl) {}

    /** {@code GET /1.0/commerce/orders}. */
    public record Page(List<Order> result, Pagination pagination) {}

    /** A notification's body: {@code {id, websiteId, subscriptionId, topic, createdOn, data}}. */
    @JsonPropertyOrder({"id", "websiteId", "subscriptionId", "topic", "createdOn", "data"})
    public record Notification(String id, String websiteId, String subscriptionId, String topic, String createdOn,
            Map<String, String> data) {}

    /** One delivery of a notification: what the receiver answered, and what a fault did to it. */
    public record Delivery(int attempt, Integer status, String error, String fault) {}

    /** A notification the sandbox sent (or withheld), with its deliveries, for the control API. */
    public record NotificationSent(String id, String subscriptionId, String topic, String update, String createdOn,
            String url, List<Delivery> deliveries) {}

    /** The control API's view: the order as the API shows it, and what it received and sent. */
    public record OrderState(Order order, List<Shipment> shipments, int fulfillmentCalls,
            boolean fulfillmentCallInProgress, List<NotificationSent> notifications) {}
}
