package io.fulfillmenthub.orchestrator.api;

import java.time.Instant;
import java.util.List;

/** One page of orders by hub order id; {@code next} is the {@code after} of the next page, null on the last. */
public record OrderPage(List<Summary> orders, String next) {

    /** @param blocked whether a dead letter of the order is not replayed yet */
    public record Summary(String hubOrderId, String storefront, String orderNumber, String status, Instant updatedAt,
            boolean blocked) {
    }
}
