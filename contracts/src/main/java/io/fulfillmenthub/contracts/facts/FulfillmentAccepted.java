package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The fulfiller confirmed it will fulfil (SPOD {@code confirmed}). */
public record FulfillmentAccepted(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        @Nullable String vendorReference,
        @Nullable String vendorStatus,
        Instant acceptedAt) implements Fact {

    public FulfillmentAccepted {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(acceptedAt, "acceptedAt");
    }
}
