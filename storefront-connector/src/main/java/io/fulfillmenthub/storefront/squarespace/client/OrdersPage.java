package io.fulfillmenthub.storefront.squarespace.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of {@code GET /1.0/commerce/orders}: its orders as JSON (read by the mapper, tolerantly) and
 * the cursor of the next page, null on the last.
 */
public record OrdersPage(List<JsonNode> orders, String nextPageCursor) {

    public OrdersPage {
        orders = List.copyOf(orders);
    }
}
