package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Storefront;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The storefront cancelled the order (for Spresso: in its admin console, after fulfillable). */
public record OrderCancelledAtSource(
        String hubOrderId,
        Storefront storefront,
        String sourceOrderId,
        @Nullable String reason,
        Instant cancelledAt) implements Fact {

    public OrderCancelledAtSource {
        requiredText(hubOrderId, "hubOrderId");
        required(storefront, "storefront");
        requiredText(sourceOrderId, "sourceOrderId");
        required(cancelledAt, "cancelledAt");
    }
}
