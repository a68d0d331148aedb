package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.SourceFulfillment;
import org.jspecify.annotations.Nullable;

/**
 * A fulfillment the hub formed from an order's lines by its routing rules (for a storefront that sends none).
 *
 * @param holdReason null when a rule sends it to a fulfiller; else why no fulfiller takes its lines
 * @param outlet the store outlet the rule names (its {@code method} is the fulfillment's), null for any other
 *        fulfiller
 */
public record FormedFulfillment(SourceFulfillment fulfillment, @Nullable String holdReason, @Nullable String outlet) {

    public FormedFulfillment(SourceFulfillment fulfillment, @Nullable String holdReason) {
        this(fulfillment, holdReason, null);
    }
}
