package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fulfiller received the fulfillment; {@code vendorReference} is its id there (SPOD order, Lightspeed sale).
 *
 * <p>{@code externalOrderId}: which submission of the fulfillment this is about, when the fulfiller
 * has had more than one ({@link io.fulfillmenthub.contracts.commands.SubmitPrintOrder}); null for the first.
 */
public record FulfillmentSubmitted(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        String vendorReference,
        Instant submittedAt,
        @Nullable String externalOrderId) implements Fact {

    /** About the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public FulfillmentSubmitted(String hubOrderId, String fulfillmentId, Fulfiller fulfiller, String vendorReference,
            Instant submittedAt) {
        this(hubOrderId, fulfillmentId, fulfiller, vendorReference, submittedAt, null);
    }

    public FulfillmentSubmitted {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        requiredText(vendorReference, "vendorReference");
        required(submittedAt, "submittedAt");
    }
}
