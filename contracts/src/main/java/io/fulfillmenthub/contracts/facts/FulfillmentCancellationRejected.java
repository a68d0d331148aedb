package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fulfiller refused to cancel, e.g. because production started or it was already sent. */
public record FulfillmentCancellationRejected(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        String reason,
        @Nullable String vendorMessage,
        Instant rejectedAt) implements Fact {

    public FulfillmentCancellationRejected {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        requiredText(reason, "reason");
        required(rejectedAt, "rejectedAt");
    }
}
