package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.SourceFulfillment;
import org.jspecify.annotations.Nullable;

/**
 * A fulfillment the hub formed from an order's lines by its routing rules (for a storefront that sends none).
 *
 * @param holdReason null when a rule sends it to a fulfiller; else why no fulfiller takes its lines
 */
public record FormedFulfillment(SourceFulfillment fulfillment, @Nullable String holdReason) {
}
