package io.fulfillmenthub.contracts.model;

import static io.fulfillmenthub.contracts.Fields.nonEmpty;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A fulfillment the storefront formed itself (Spresso does; for Squarespace the hub forms them). */
public record SourceFulfillment(
        String sourceFulfillmentId,
        @Nullable String method,
        @Nullable String location,
        List<LineQuantity> lines) {

    public SourceFulfillment {
        requiredText(sourceFulfillmentId, "sourceFulfillmentId");
        lines = nonEmpty(lines, "lines");
    }
}
