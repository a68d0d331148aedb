package io.fulfillmenthub.storefront.squarespace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The hub's own Squarespace order ({@code src/test/resources/squarespace/order.json}, the documented order fields;
 * Squarespace's documents show no order example), its notifications, and the fact the order must become.
 */
public final class SquarespaceFixtures {

    private SquarespaceFixtures() {
    }

    /** The order with another id, so tests sharing a broker never mix their orders. */
    public static ObjectNode order(String orderId) {
        try (InputStream in = SquarespaceFixtures.class.getResourceAsStream("/squarespace/order.json")) {
            ObjectNode order = (ObjectNode) HubJson.mapper().readTree(in);
            order.put("id", orderId);
            return order;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A notification as documented: {@code {id, websiteId, subscriptionId, topic, createdOn, data{orderId[, update]}}}. */
    public static byte[] notification(String id, String topic, String orderId, String update) {
        ObjectNode body = HubJson.mapper().createObjectNode().put("id", id).put("websiteId", "website-1")
                .put("subscriptionId", "subscription-1").put("topic", topic).put("createdOn", "2026-11-23T10:06:01.000Z");
        ObjectNode data = body.putObject("data").put("orderId", orderId);
        if (update != null) {
            data.put("update", update);
        }
        return HubJson.write(body);
    }

    /** What {@link #order} means: the physical lines only, paid (the order carries no payment field). */
    public static OrderPlaced expectedOrderPlaced(String orderId) {
        return new OrderPlaced("squarespace:" + orderId, Storefront.SQUARESPACE, orderId, "1002",
                Instant.parse("2026-11-23T10:05:12.481Z"), "GBP", PaymentStatus.PAID, false, "ada@example.com",
                new Address("Ada", "Lovelace", null, "12 Crescent Road", "Flat 3", "London", "NW1 4NP", null, "GB",
                        "+44 20 7946 0000"),
                List.of(new OrderLine("line-1", "var-tee-m", "TEE-BLK-M", "Black tee M", 2, new BigDecimal("19.00")),
                        new OrderLine("line-2", "line-2", "MUG-WHT", "White mug", 1, new BigDecimal("9.50"))),
                List.of());
    }
}
