package io.fulfillmenthub.storefront.spresso.translate;

import io.fulfillmenthub.contracts.Fact;
import java.time.Instant;

/**
 * What one Spresso webhook means for the hub.
 *
 * @param name what the fact is, the part that derives its {@code ce_id} from the webhook's
 * @param occurredAt when it happened at Spresso, the fact's CloudEvent time
 */
public record SpressoWebhookFact(String name, Instant occurredAt, Fact fact) {
}
