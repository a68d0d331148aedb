package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;

/** The fulfiller reports every shipment of the fulfillment sent (SPOD {@code sent}); shipments come as {@link ShipmentDispatched}. */
public record FulfillmentShipped(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        Instant shippedAt) implements Fact {

    public FulfillmentShipped {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(shippedAt, "shippedAt");
    }
}
