package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import java.util.Objects;

/**
 * A cancellation at source that came before its order (a storefront's retry can reorder its webhooks),
 * kept until the order arrives: the order is then cancelled at once and never sent to a fulfiller.
 *
 * @param cause the cancellation's own fact, which the order's timeline names
 */
public record EarlyCancellation(OrderCancelledAtSource fact, Cause cause) {

    public EarlyCancellation {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(cause, "cause");
    }
}
