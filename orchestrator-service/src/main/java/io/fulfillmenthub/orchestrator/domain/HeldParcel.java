package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parcel a fulfiller's connector could not match to the fulfillment's lines ({@code FulfillmentHeld}
 * {@code unmatched-shipment}), kept whole until an operator says which lines it holds.
 *
 * @param items as the fulfiller named them
 * @param assignedShipmentId the shipment an operator made of it; null while it waits
 */
public record HeldParcel(
        String fulfillmentId,
        String carrier,
        String trackingNumber,
        @Nullable String trackingUrl,
        List<FulfillmentHeld.Item> items,
        @Nullable Instant dispatchedAt,
        Instant heldAt,
        @Nullable String assignedShipmentId) {

    public HeldParcel {
        items = List.copyOf(items);
    }

    HeldParcel assigned(String shipmentId) {
        return new HeldParcel(fulfillmentId, carrier, trackingNumber, trackingUrl, items, dispatchedAt, heldAt, shipmentId);
    }
}
