package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fulfiller refused or failed the fulfillment permanently; its message and trace id are kept for operators. */
public record FulfillmentRejected(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        String reason,
        @Nullable String vendorMessage,
        @Nullable String vendorTraceId,
        Instant rejectedAt) implements Fact {

    public FulfillmentRejected {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        requiredText(reason, "reason");
        required(rejectedAt, "rejectedAt");
    }
}
