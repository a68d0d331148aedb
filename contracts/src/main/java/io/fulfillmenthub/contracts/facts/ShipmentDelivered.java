package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A parcel reached the customer. This is the one fact services outside the hub may publish (to
 * {@code fulfillment.facts.v1}, keyed by {@code hubOrderId}, as CloudEvent type
 * {@code hub.fact.shipment-delivered.v1}): a tracking service that follows carriers reports delivery
 * by the tracking number the hub published. The operations API records the same fact by hand. Once
 * every parcel of a fulfillment is delivered, the fulfillment is.
 *
 * @param carrier the carrier as the hub published it; only a hint, the tracking number decides
 * @param source who says so, e.g. {@code tracking-service} or {@code operations-api}
 */
public record ShipmentDelivered(
        String hubOrderId,
        String trackingNumber,
        @Nullable String carrier,
        Instant deliveredAt,
        @Nullable String source) implements Fact {

    public ShipmentDelivered {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(trackingNumber, "trackingNumber");
        required(deliveredAt, "deliveredAt");
    }
}
