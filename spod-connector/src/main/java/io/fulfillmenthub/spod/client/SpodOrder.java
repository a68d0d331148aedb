package io.fulfillmenthub.spod.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An order as SPOD reports it ({@code GET /orders}, {@code GET /orders/{id}}). [unknown] Only the
 * request fields are documented; the state, timestamps and shipments follow the shape VENDOR-FACTS.md
 * assumes, read tolerantly (unknown fields ignored, missing lists empty).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpodOrder(
        @JsonProperty("external-order-id") String externalOrderId,
        String state,
        Instant created,
        Instant updated,
        List<Shipment> shipments) {

    public SpodOrder {
        shipments = shipments == null ? List.of() : List.copyOf(shipments);
    }

    /**
     * One parcel. [unknown] {@code service}, the carrier's level of service, is not documented: read when a
     * shipment carries it as {@code service} or {@code shipping-method}, else null (blank reads as null).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shipment(
            String carrier,
            @JsonProperty("tracking-number") String trackingNumber,
            @JsonProperty("tracking-url") String trackingUrl,
            @JsonProperty("sent-at") Instant sentAt,
            List<ShipmentItem> items,
            @JsonAlias("shipping-method") String service) {

        public Shipment {
            items = items == null ? List.of() : List.copyOf(items);
            service = service == null || service.isBlank() ? null : service.strip();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShipmentItem(@JsonProperty("stock-keeping-unit") String stockKeepingUnit, int quantity) {
    }
}
