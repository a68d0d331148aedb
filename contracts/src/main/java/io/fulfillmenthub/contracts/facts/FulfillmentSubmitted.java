package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;

/** The fulfiller received the fulfillment; {@code vendorReference} is its id there (SPOD order, Lightspeed sale). */
public record FulfillmentSubmitted(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        String vendorReference,
        Instant submittedAt) implements Fact {

    public FulfillmentSubmitted {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        requiredText(vendorReference, "vendorReference");
        required(submittedAt, "submittedAt");
    }
}
