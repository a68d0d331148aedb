package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.orchestrator.domain.Order;
import java.time.Instant;
import java.util.Map;

/**
 * An order as {@link OrderRows} loads it: the domain order, and what only its rows carry, the order's
 * and each fulfillment's version and last change, which the writer checks and operators see.
 *
 * @param fulfillments by fulfillment id
 */
public record LoadedOrder(Order order, RowVersion row, Map<String, RowVersion> fulfillments) {

    public LoadedOrder {
        fulfillments = Map.copyOf(fulfillments);
    }

    public RowVersion fulfillment(String fulfillmentId) {
        return fulfillments.get(fulfillmentId);
    }

    /** A row's {@code version} and {@code updated_at}. */
    public record RowVersion(long version, Instant updatedAt) {
    }
}
