package io.fulfillmenthub.sandbox.spresso;

import java.util.List;

/** How Spresso orders look on the wire: in its webhooks, and in the sandbox's control view. */
public final class SpressoOrderJson {

    private SpressoOrderJson() {}

    /** [unknown] The webhook envelope VENDOR-FACTS.md assumes, around the documented order. */
    public record WebhookBody(String event, String eventId, String createdAt, Order order) {}

    /** Spresso's documented order model ("Data Model" page; shared/vendor-fixtures/spresso/order.json). */
    public record Order(
            String id,
            long orderNo,
            String createdAt,
            String status,
            List<StatusChange> statusHistory,
            String financialStatus,
            User user,
            SpressoAddress shippingAddress,
            List<OrderVariant> orderVariants,
            List<Fulfillment> fulfillments) {}

    public record User(String id, String email, String telephoneNumber) {}

    public record OrderVariant(String id, int quantity, int fulfilledQuantity, Variant variant) {}

    public record Variant(String id, String sku, String upc, String name) {}

    public record Fulfillment(
            String id,
            String createdAt,
            String fulfillmentMethod,
            String fulfillerLocation,
            List<FulfillmentVariant> fulfillmentVariants,
            String status,
            List<StatusChange> statusHistory) {}

    public record FulfillmentVariant(int quantity, String variant) {}

    /** The order as Spresso's admin would see it: statuses, histories, shipments, webhooks sent. */
    public record OrderState(
            String id,
            long orderNo,
            String createdAt,
            String status,
            List<StatusChange> statusHistory,
            String financialStatus,
            User user,
            SpressoAddress shippingAddress,
            List<OrderVariant> orderVariants,
            List<FulfillmentState> fulfillments,
            List<WebhookSent> webhooks) {}

    public record FulfillmentState(
            String id,
            String createdAt,
            String fulfillmentMethod,
            String fulfillerLocation,
            List<FulfillmentVariant> fulfillmentVariants,
            String status,
            List<StatusChange> statusHistory,
            List<FulfilledVariant> fulfilledVariants,
            String externalOrderId,
            String externalOrderStatus,
            List<SpressoShipment> shipments) {}

    public record FulfilledVariant(String variant, int fulfilledQuantity) {}

    public record StatusChange(String status, String updatedAt) {}

    /** One webhook event and each delivery of it (a vendor retry repeats the same eventId). */
    public record WebhookSent(String event, String eventId, String createdAt, String url, List<Delivery> deliveries) {}

    /**
     * @param status the HTTP status the hub answered, null when no answer came ({@code error} says why)
     *     or nothing was sent ({@code fault} says why)
     * @param fault what a webhook fault did to this delivery, null when none: {@code dropped} (not
     *     sent), {@code duplicated} (sent twice, one entry each), {@code held} (not sent yet: a later
     *     entry of the same attempt says when it went), {@code reordered} (sent out of order)
     */
    public record Delivery(int attempt, Integer status, String error, String fault) {}
}
