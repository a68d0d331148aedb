package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fulfiller reports every shipment of the fulfillment sent (SPOD {@code sent}); shipments come as
 * {@link ShipmentDispatched}.
 *
 * <p>{@code externalOrderId}: which submission of the fulfillment this is about, when the fulfiller
 * has had more than one ({@link io.fulfillmenthub.contracts.commands.SubmitPrintOrder}); null for the first.
 */
public record FulfillmentShipped(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        Instant shippedAt,
        @Nullable String externalOrderId) implements Fact {

    /** About the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public FulfillmentShipped(String hubOrderId, String fulfillmentId, Fulfiller fulfiller, Instant shippedAt) {
        this(hubOrderId, fulfillmentId, fulfiller, shippedAt, null);
    }

    public FulfillmentShipped {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(shippedAt, "shippedAt");
    }
}
