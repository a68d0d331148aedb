package io.fulfillmenthub.orchestrator.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Why an order awaiting fulfillable waits: {@code awaiting payment}, {@code refunded: not sent},
 * {@code in grace period until T}, or {@code fulfillable at T} (due, its timer about to fire).
 *
 * @param until when the wait ends by itself; null when it takes the storefront to say more (a payment)
 */
public record Waiting(String reason, @Nullable Instant until) {
}
