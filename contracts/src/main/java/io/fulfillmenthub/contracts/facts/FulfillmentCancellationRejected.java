package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fulfiller refused to cancel, e.g. because production started or it was already sent.
 *
 * <p>{@code externalOrderId}: which submission of the fulfillment this is about, when the fulfiller
 * has had more than one ({@link io.fulfillmenthub.contracts.commands.SubmitPrintOrder}); null for the first.
 */
public record FulfillmentCancellationRejected(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        String reason,
        @Nullable String vendorMessage,
        Instant rejectedAt,
        @Nullable String externalOrderId) implements Fact {

    /** About the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public FulfillmentCancellationRejected(String hubOrderId, String fulfillmentId, Fulfiller fulfiller, String reason,
            @Nullable String vendorMessage, Instant rejectedAt) {
        this(hubOrderId, fulfillmentId, fulfiller, reason, vendorMessage, rejectedAt, null);
    }

    public FulfillmentCancellationRejected {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        requiredText(reason, "reason");
        required(rejectedAt, "rejectedAt");
    }
}
