package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fulfiller cancelled the fulfillment, at the hub's request or on its own. */
public record FulfillmentCancelled(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        @Nullable String reason,
        Instant cancelledAt) implements Fact {

    public FulfillmentCancelled {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(cancelledAt, "cancelledAt");
    }
}
