package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.LineQuantity;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One parcel: one carrier and tracking number, some quantity of some lines of one fulfillment.
 *
 * @param deliveredAt when it reached the customer ({@code ShipmentDelivered}); null until then
 */
public record Shipment(
        String shipmentId,
        String fulfillmentId,
        String carrier,
        String trackingNumber,
        @Nullable String trackingUrl,
        Instant dispatchedAt,
        List<LineQuantity> lines,
        @Nullable Instant deliveredAt) {

    public Shipment {
        lines = List.copyOf(lines);
    }

    Shipment delivered(Instant at) {
        return new Shipment(shipmentId, fulfillmentId, carrier, trackingNumber, trackingUrl, dispatchedAt, lines, at);
    }

    /** {@code <fulfillment id>/<tracking number>} (docs/first-channel.md). */
    public static String idOf(String fulfillmentId, String trackingNumber) {
        return fulfillmentId + "/" + trackingNumber;
    }
}
