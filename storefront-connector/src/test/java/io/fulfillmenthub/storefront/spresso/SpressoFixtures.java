package io.fulfillmenthub.storefront.spresso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The hub's own Spresso webhook bodies from {@code src/test/resources/spresso} (the documented order
 * model inside the assumed envelope), and the facts they must become. The vendor's own example is
 * {@link VendorFixtures#spressoOrder()}.
 */
public final class SpressoFixtures {

    public static final String ORDER_FULFILLABLE = "order-fulfillable.json";
    public static final String ORDER_CANCELLED = "order-cancelled.json";

    private SpressoFixtures() {
    }

    /** A fixture as a JSON tree, to change before sending. */
    public static ObjectNode tree(String fixture) {
        try (InputStream in = SpressoFixtures.class.getResourceAsStream("/spresso/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return (ObjectNode) HubJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture with another Spresso order id, so tests sharing a broker never mix their orders. */
    public static byte[] withOrderId(String fixture, String orderId) {
        ObjectNode webhook = tree(fixture);
        ((ObjectNode) webhook.get("order")).put("id", orderId);
        return bytes(webhook);
    }

    public static byte[] bytes(JsonNode webhook) {
        return HubJson.write(webhook);
    }

    /** What {@link #ORDER_FULFILLABLE} means, field by field. */
    public static OrderPlaced expectedOrderPlaced(String orderId) {
        return new OrderPlaced("spresso:" + orderId, Storefront.SPRESSO, orderId, "1001", Instant.parse("2026-11-23T10:05:12.481Z"),
                null, PaymentStatus.PAID, true, "ada@example.com",
                new Address("Ada", "Lovelace", null, "12 Crescent Road", "Flat 3", "London", "NW1 4NP", null, "GB",
                        "+44 20 7946 0000"),
                List.of(new OrderLine("var-1", "var-1", "TEE-BLK-M", "Black tee M", 2, null),
                        new OrderLine("var-2", "var-2", "MUG-WHT", "White mug", 3, null),
                        new OrderLine("var-3", "var-3", "CAP-RED", "Red cap", 4, null)),
                List.of(new SourceFulfillment("f-1", "carrier_delivery", "60d56d8e7c88cefd11e7dfc6",
                                List.of(new LineQuantity("var-1", 2), new LineQuantity("var-2", 3))),
                        new SourceFulfillment("f-2", "store_pickup", "60d56d8e7c88cefd11e7dfc7", List.of(new LineQuantity("var-3", 4)))));
    }
}
