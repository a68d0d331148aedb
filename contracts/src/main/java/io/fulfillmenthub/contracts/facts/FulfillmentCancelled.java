package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The fulfiller cancelled the fulfillment, at the hub's request or on its own.
 *
 * <p>{@code externalOrderId}: which submission of the fulfillment this is about, when the fulfiller
 * has had more than one ({@link io.fulfillmenthub.contracts.commands.SubmitPrintOrder}); null for the first.
 */
public record FulfillmentCancelled(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        @Nullable String reason,
        Instant cancelledAt,
        @Nullable String externalOrderId) implements Fact {

    /** About the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public FulfillmentCancelled(String hubOrderId, String fulfillmentId, Fulfiller fulfiller, @Nullable String reason,
            Instant cancelledAt) {
        this(hubOrderId, fulfillmentId, fulfiller, reason, cancelledAt, null);
    }

    public FulfillmentCancelled {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(cancelledAt, "cancelledAt");
    }
}
