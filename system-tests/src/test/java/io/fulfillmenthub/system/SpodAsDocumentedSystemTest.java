package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPOD as its documents leave it open, through the whole hub: an order sent in parcels with a carrier Spresso's
 * enum lacks, and SPOD's order list in each shape (bare array, wrapper object) and each sort order (by
 * {@code updated}, by {@code created}, newest first), chosen with {@code /_sandbox/spod/behaviour}. One shared
 * hub ({@link SystemStack}); a few orders per case.
 */
class SpodAsDocumentedSystemTest extends OnTheSharedHub {

    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final List<Map<String, Object>> TWO_PRODUCTS = List.of(Map.of("sku", "TEE-BLK-M", "quantity", 2),
            Map.of("sku", "MUG-WHT", "quantity", 3));
    private static final List<Map<String, Object>> ONE_PRODUCT = List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1));

    @AfterAll
    static void restoreSpod() {
        if (sandbox != null) {
            sandbox.resetSpodBehaviour();
        }
    }

    /**
     * SPOD sends one fulfillment in two parcels, one by a carrier Spresso's enum lacks ({@code Hermes}): Spresso
     * gets each parcel once, the unmapped one with the configured fallback carrier ({@code ups} in the
     * storefront-connector's sample configuration), and the order's timeline says so.
     */
    @Test
    void splitParcelsWithAnUnmappedCarrierReachSpressoOnceEachWithTheFallbackCarrierAndATimelineNote() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0, 1)), 1);
        String fulfillment = order.hubFulfillmentId(0);
        Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        List<String> skus = sandbox.spodOrderSkus(fulfillment);
        assertThat(skus).as("SPOD's items").hasSize(2);
        String ups = "1Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        String hermes = "H" + UUID.randomUUID().toString().replace("-", "").substring(0, 13).toUpperCase();
        sandbox.sendSpodOrder(fulfillment, List.of(
                Map.of("carrier", "UPS", "trackingNumber", ups,
                        "items", List.of(Map.of("stockKeepingUnit", skus.get(0), "quantity", 2))),
                Map.of("carrier", "Hermes", "trackingNumber", hermes,
                        "items", List.of(Map.of("stockKeepingUnit", skus.get(1), "quantity", 3)))));

        String spressoFulfillment = order.fulfillmentIds().get(0);
        Ledger.awaitExactlyOnce("Spresso shipments per parcel", FLOW, () -> parcelsAtSpresso(spressoFulfillment, ups, hermes));
        Map<String, String> carriers = sandbox.spressoAcceptedShipmentCalls(spressoFulfillment).stream()
                .collect(Collectors.toMap(call -> call.bodyField("trackingNumber"), call -> call.bodyField("carrier"),
                        (first, again) -> first));
        assertThat(carriers).containsEntry(ups, "ups").containsEntry(hermes, "ups");
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath hubOrder = hubOrder(order.hubOrderId());
            assertThat(hubOrder.getString("status")).isEqualTo("SHIPPED");
            assertThat(hubOrder.getList("shipments.carrier", String.class)).containsExactlyInAnyOrder("UPS", "Hermes");
            assertThat(hubOrder.getList("timeline.note", String.class)).as("the order's timeline")
                    .anySatisfy(note -> assertThat(note).contains("'Hermes'", hermes, "fallback"));
        });
        JsonPath spresso = sandbox.spressoOrder(order.orderId());
        assertThat(spresso.getList("fulfillments.fulfilledVariants.fulfilledQuantity.flatten()", Integer.class))
                .containsExactly(2, 3);
    }

    static Stream<Arguments> listShapesAndOrders() {
        return Stream.of("array", "object").flatMap(shape -> Stream.of("updated", "created", "newest-first")
                .map(order -> Arguments.of(shape, order)));
    }

    /**
     * Whatever shape and sort order SPOD's list has, the poller reads every order's progress: each order is
     * SHIPPED at the hub and each shipment reaches Spresso once.
     */
    @ParameterizedTest(name = "list {0}, sorted by {1}")
    @MethodSource("listShapesAndOrders")
    void everyOrdersProgressIsReadWhateverTheListsShapeAndOrder(String shape, String listOrder) {
        sandbox.spodBehaviour(Map.of("listShape", shape, "listOrder", listOrder));
        List<Sandbox.PlacedOrder> orders = Stream.generate(() -> sandbox.placeOrder(ONE_PRODUCT, List.of(List.of(0)), 1))
                .limit(3).toList();
        List<String> fulfillments = orders.stream().map(order -> order.hubFulfillmentId(0)).toList();
        Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(fulfillments));
        // one confirmed first, so the list's orders by created and by updated differ
        sandbox.advanceSpodOrder(fulfillments.get(2), "confirmed");
        fulfillments.forEach(fulfillment -> sandbox.advanceSpodOrder(fulfillment, "sent"));

        List<String> spressoFulfillments = orders.stream().map(order -> order.fulfillmentIds().get(0)).toList();
        Ledger.awaitExactlyOnce("Spresso shipments", FLOW, () -> sandbox.spressoShipmentLedger(spressoFulfillments));
        for (Sandbox.PlacedOrder order : orders) {
            assertThat(hubOrder(order.hubOrderId()).getString("status")).as(order.hubOrderId()).isEqualTo("SHIPPED");
        }
    }

    private static Map<String, Long> parcelsAtSpresso(String spressoFulfillment, String... trackingNumbers) {
        Map<String, Long> accepted = sandbox.spressoAcceptedShipmentCalls(spressoFulfillment).stream()
                .collect(Collectors.groupingBy(call -> String.valueOf(call.bodyField("trackingNumber")), Collectors.counting()));
        return Stream.of(trackingNumbers).collect(Collectors.toMap(Function.identity(),
                number -> accepted.getOrDefault(number, 0L), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
