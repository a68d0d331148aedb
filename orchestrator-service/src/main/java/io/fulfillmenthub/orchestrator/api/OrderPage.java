package io.fulfillmenthub.orchestrator.api;

import java.time.Instant;
import java.util.List;

/** One page of orders by hub order id; {@code next} is the {@code after} of the next page, null on the last. */
public record OrderPage(List<Summary> orders, String next) {

    public record Summary(String hubOrderId, String storefront, String orderNumber, String status, Instant updatedAt) {
    }
}
