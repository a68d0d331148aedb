package io.fulfillmenthub.sandbox.spod;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An order as {@code GET /orders/{external-order-id}} answers it. [unknown] The shape beyond the
 * request fields is VENDOR-FACTS.md's assumption; the submitted items and shipping are echoed.
 */
@JsonPropertyOrder({"external-order-id", "state", "created", "updated", "currency", "items", "shipping", "shipments"})
public record SpodOrderDetail(
        @JsonProperty("external-order-id") String externalOrderId,
        String state,
        String created,
        String updated,
        String currency,
        JsonNode items,
        JsonNode shipping,
        List<Shipment> shipments) {

    @JsonPropertyOrder({"carrier", "tracking-number", "tracking-url", "sent-at", "items"})
    public record Shipment(
            String carrier,
            @JsonProperty("tracking-number") String trackingNumber,
            @JsonProperty("tracking-url") String trackingUrl,
            @JsonProperty("sent-at") String sentAt,
            List<Item> items) {}

    @JsonPropertyOrder({"stock-keeping-unit", "quantity"})
    public record Item(@JsonProperty("stock-keeping-unit") String stockKeepingUnit, int quantity) {}
}
