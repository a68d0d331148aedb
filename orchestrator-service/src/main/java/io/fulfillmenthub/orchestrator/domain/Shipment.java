package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.LineQuantity;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One parcel: one carrier and tracking number, some quantity of some lines of one fulfillment. */
public record Shipment(
        String shipmentId,
        String fulfillmentId,
        String carrier,
        String trackingNumber,
        @Nullable String trackingUrl,
        Instant dispatchedAt,
        List<LineQuantity> lines) {

    public Shipment {
        lines = List.copyOf(lines);
    }

    /** {@code <fulfillment id>/<tracking number>} (docs/first-channel.md). */
    public static String idOf(String fulfillmentId, String trackingNumber) {
        return fulfillmentId + "/" + trackingNumber;
    }
}
