package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fulfiller confirmed it will fulfil (SPOD {@code confirmed}).
 *
 * <p>{@code externalOrderId}: which submission of the fulfillment this is about, when the fulfiller
 * has had more than one ({@link io.fulfillmenthub.contracts.commands.SubmitPrintOrder}); null for the first.
 */
public record FulfillmentAccepted(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        @Nullable String vendorReference,
        @Nullable String vendorStatus,
        Instant acceptedAt,
        @Nullable String externalOrderId) implements Fact {

    /** About the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public FulfillmentAccepted(String hubOrderId, String fulfillmentId, Fulfiller fulfiller,
            @Nullable String vendorReference, @Nullable String vendorStatus, Instant acceptedAt) {
        this(hubOrderId, fulfillmentId, fulfiller, vendorReference, vendorStatus, acceptedAt, null);
    }

    public FulfillmentAccepted {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(acceptedAt, "acceptedAt");
    }
}
