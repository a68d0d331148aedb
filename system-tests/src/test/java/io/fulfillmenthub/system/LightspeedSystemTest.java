package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Store fulfillments through the whole hub: a storefront order collected at, or delivered by, a Lightspeed X-Series
 * outlet. The hub creates the sale awaiting pickup or dispatch at the outlet its location maps to; staff hand it
 * over at the till (the sandbox's control, which sends {@code sale.update}) or through the hub's operations API;
 * the storefront learns it. What the store holds is read from the sandbox's sales (every sale a create made, also
 * one whose answer was lost), what the storefronts received from their orders. With the connector killed:
 * {@link LightspeedCrashSystemTest}.
 */
class LightspeedSystemTest extends OnTheSharedHub {

    static final Duration FLOW = Duration.ofSeconds(90);
    /** Spresso's opaque location id that the hub's sample routing maps to the main-street outlet. */
    static final String MAIN_STREET = "5f1e3b2a9c8d7e6f5a4b3c2d";
    static final Map<String, Object> CANDLE = Map.of("sku", "CANDLE-SOY", "quantity", 1);

    static LightspeedSandbox lightspeed;

    @BeforeAll
    static void lightspeed() {
        lightspeed = new LightspeedSandbox(hub.url(HubService.SANDBOX));
    }

    @Test
    void clickAndCollectFromSpressoEndsDeliveredAtSpresso() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(List.of(CANDLE), List.of(atMainStreet("pickup", 0)), 1);
        String fulfillment = order.hubFulfillmentId(0);

        Map<String, Object> sale = awaitSale(fulfillment);
        assertThat(sale.get("status")).isEqualTo("AWAITING_PICKUP");
        JsonPath ready = awaitFulfillmentStatus(order.hubOrderId(), fulfillment, "READY_FOR_PICKUP");
        assertThat(sale.get("fulfillment_outlet_id")).as("the outlet of the sale")
                .isEqualTo(ready.getString(fulfillmentPath(fulfillment) + ".outletId"));
        assertThat(ready.getString(fulfillmentPath(fulfillment) + ".saleId")).isEqualTo(sale.get("id"));

        lightspeed.handOverAtTheTill((String) sale.get("id"), 1);

        String spressoFulfillment = order.fulfillmentIds().get(0);
        await().atMost(FLOW).untilAsserted(() -> assertThat(spressoStatuses(order.orderId(), spressoFulfillment))
                .as("Spresso's status history of the collected fulfillment").containsSubsequence("in_transit", "delivered")
                .last().isEqualTo("delivered"));
        await().atMost(FLOW).untilAsserted(() -> {
            JsonPath done = hubOrder(order.hubOrderId());
            assertThat(done.getString(fulfillmentPath(fulfillment) + ".status")).isEqualTo("PICKED_UP");
            assertThat(done.getString("status")).isEqualTo("COMPLETED");
        });
        assertThat(lightspeed.salesOf(fulfillment)).as("sales for " + fulfillment).hasSize(1);
    }

    @Test
    void clickAndCollectFromSquarespaceEndsFulfilledAtSquarespaceThroughTheOperationsApi() {
        SquarespaceSandbox squarespace = new SquarespaceSandbox(hub.url(HubService.SANDBOX));
        String orderId = squarespace.createOrder(List.of(CANDLE), true);
        String hubOrderId = SquarespaceSandbox.hubOrderId(orderId);

        String fulfillment = await().atMost(FLOW.plus(SystemStack.SQUARESPACE_GRACE)).pollInterval(Duration.ofMillis(500))
                .until(() -> storeFulfillments(hubOrderId), ids -> !ids.isEmpty()).get(0);
        Map<String, Object> sale = awaitSale(fulfillment);
        assertThat(sale.get("status")).isEqualTo("AWAITING_PICKUP");
        awaitFulfillmentStatus(hubOrderId, fulfillment, "READY_FOR_PICKUP");

        // the store reports the pickup through the hub, not at the till
        operations().contentType(ContentType.JSON).body("{}")
                .post("/orders/{orderId}/fulfillments/{fulfillmentId}/handover", hubOrderId, fulfillment)
                .then().statusCode(202);

        await().atMost(FLOW).untilAsserted(() -> assertThat(lightspeed.sale((String) sale.get("id")).getString("sale.status"))
                .isEqualTo("PICKED_UP_CLOSED"));
        await().atMost(FLOW).untilAsserted(() -> assertThat(squarespace.order(orderId).getString("order.fulfillmentStatus"))
                .isEqualTo("FULFILLED"));
        await().atMost(FLOW).untilAsserted(() -> assertThat(hubOrder(hubOrderId).getString("status")).isEqualTo("COMPLETED"));
        assertThat(squarespace.order(orderId).getList("shipments")).as("shipments of a collected order").isEmpty();
        // a second hand-over of the same fulfillment is refused: it is no longer open
        operations().contentType(ContentType.JSON).body("{}")
                .post("/orders/{orderId}/fulfillments/{fulfillmentId}/handover", hubOrderId, fulfillment)
                .then().statusCode(409);
    }

    @Test
    void localDeliveryEndsInTransit() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(List.of(CANDLE), List.of(atMainStreet("local_delivery", 0)), 1);
        String fulfillment = order.hubFulfillmentId(0);
        Map<String, Object> sale = awaitSale(fulfillment);
        assertThat(sale.get("status")).isEqualTo("AWAITING_DISPATCH");

        lightspeed.handOverAtTheTill((String) sale.get("id"), 1);

        await().atMost(FLOW).untilAsserted(() -> assertThat(spressoStatuses(order.orderId(), order.fulfillmentIds().get(0)))
                .last().isEqualTo("in_transit"));
        await().atMost(FLOW).untilAsserted(() -> assertThat(hubOrder(order.hubOrderId())
                .getString(fulfillmentPath(fulfillment) + ".status")).isEqualTo("SHIPPED"));
        assertThat(lightspeed.sale((String) sale.get("id")).getString("sale.status")).isEqualTo("DISPATCHED_CLOSED");
    }

    @Test
    void aMixedOrderCompletesItsPrintedAndItsStorePartIndependently() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1), CANDLE),
                List.of(List.of(0), atMainStreet("pickup", 1)), 1);
        String printed = order.hubFulfillmentId(0);
        String store = order.hubFulfillmentId(1);

        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(printed)));
        Map<String, Object> sale = awaitSale(store);
        // the store part is collected while the printed part is still being made
        lightspeed.handOverAtTheTill((String) sale.get("id"), 1);
        await().atMost(FLOW).untilAsserted(() -> assertThat(spressoStatuses(order.orderId(), order.fulfillmentIds().get(1)))
                .last().isEqualTo("delivered"));
        JsonPath halfway = hubOrder(order.hubOrderId());
        assertThat(halfway.getString(fulfillmentPath(store) + ".status")).isEqualTo("PICKED_UP");
        assertThat(halfway.getString(fulfillmentPath(printed) + ".status")).isNotIn("SHIPPED", "DELIVERED", "PICKED_UP");
        assertThat(halfway.getString("status")).isNotIn("COMPLETED", "SHIPPED");
        assertThat(spressoStatuses(order.orderId(), order.fulfillmentIds().get(0))).doesNotContain("in_transit");

        sandbox.sendSpodOrder(printed, List.of(Map.of("carrier", "UPS", "trackingNumber", "1Z" + System.nanoTime(),
                "items", List.of(Map.of("stockKeepingUnit", "812-4-2", "quantity", 1)))));
        await().atMost(FLOW).untilAsserted(() -> {
            JsonPath both = hubOrder(order.hubOrderId());
            assertThat(both.getString(fulfillmentPath(printed) + ".status")).isEqualTo("SHIPPED");
            assertThat(both.getString(fulfillmentPath(store) + ".status")).isEqualTo("PICKED_UP");
            assertThat(both.getString("status")).isEqualTo("SHIPPED");
        });
        assertThat(spressoStatuses(order.orderId(), order.fulfillmentIds().get(0))).last().isEqualTo("in_transit");
        assertThat(lightspeed.salesOf(printed)).as("no sale for the printed part").isEmpty();
    }

    @Test
    void aDuplicatedSaleUpdateChangesNothingAndALostOneIsRecoveredByThePoller() {
        Sandbox.PlacedOrder twice = sandbox.placeOrder(List.of(CANDLE), List.of(atMainStreet("pickup", 0)), 1);
        Sandbox.PlacedOrder never = sandbox.placeOrder(List.of(CANDLE), List.of(atMainStreet("pickup", 0)), 1);
        Map<String, Object> twiceSale = awaitSale(twice.hubFulfillmentId(0));
        Map<String, Object> neverSale = awaitSale(never.hubFulfillmentId(0));
        awaitFulfillmentStatus(twice.hubOrderId(), twice.hubFulfillmentId(0), "READY_FOR_PICKUP");
        awaitFulfillmentStatus(never.hubOrderId(), never.hubFulfillmentId(0), "READY_FOR_PICKUP");

        lightspeed.handOverAtTheTill((String) twiceSale.get("id"), 2);
        lightspeed.handOverAtTheTill((String) neverSale.get("id"), 0);

        for (Sandbox.PlacedOrder order : List.of(twice, never)) {
            await().atMost(FLOW).untilAsserted(() -> assertThat(spressoStatuses(order.orderId(), order.fulfillmentIds().get(0)))
                    .last().isEqualTo("delivered"));
        }
        assertThat(lightspeed.sale((String) twiceSale.get("id")).getList("webhooks")).as("sale.update deliveries")
                .hasSizeGreaterThanOrEqualTo(2);
        Ledger.throughQuietPeriod("one hand-over each").untilAsserted(() -> {
            for (Sandbox.PlacedOrder order : List.of(twice, never)) {
                List<String> statuses = spressoStatuses(order.orderId(), order.fulfillmentIds().get(0));
                assertThat(statuses.stream().filter("in_transit"::equals)).as("in_transit at Spresso").hasSize(1);
                assertThat(statuses.stream().filter("delivered"::equals)).as("delivered at Spresso").hasSize(1);
                assertThat(hubOrder(order.hubOrderId()).getList("timeline.findAll { it.to == 'PICKED_UP' }"))
                        .as("pickups on the timeline of " + order.hubOrderId()).hasSize(1);
            }
        });
    }

    @Test
    void aStormOf429sDelaysSalesButLosesNone() {
        long before = sandbox.latestCallSequence();
        lightspeed.rateLimitStorm(Duration.ofSeconds(15));
        List<Sandbox.PlacedOrder> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(sandbox.placeOrder(List.of(CANDLE), List.of(atMainStreet("pickup", 0)), 1));
        }
        List<String> fulfillments = orders.stream().map(order -> order.hubFulfillmentId(0)).toList();
        Ledger.awaitExactlyOnce("sales at Lightspeed", FLOW.plusSeconds(15), () -> lightspeed.saleCounts(fulfillments));
        for (Sandbox.PlacedOrder order : orders) {
            awaitFulfillmentStatus(order.hubOrderId(), order.hubFulfillmentId(0), "READY_FOR_PICKUP");
        }
        // the storm refused the connector's calls, and the store made every sale only once it was over
        List<Sandbox.VendorCall> since = sandbox.calls("lightspeed").stream().filter(call -> call.sequence() > before).toList();
        long lastRefused = since.stream().filter(call -> Integer.valueOf(429).equals(call.status()))
                .mapToLong(Sandbox.VendorCall::sequence).max().orElseThrow(() -> new AssertionError("no call was refused 429"));
        assertThat(since.stream().filter(call -> call.accepted() && "POST".equals(call.method())
                && call.path().endsWith("/api/register_sales"))).as("sales Lightspeed made")
                .hasSize(fulfillments.size()).allSatisfy(call -> assertThat(call.sequence()).isGreaterThan(lastRefused));
    }

    // ---- helpers

    static Map<String, Object> atMainStreet(String method, int... lines) {
        return Map.of("lines", java.util.Arrays.stream(lines).boxed().toList(), "fulfillmentMethod", method,
                "fulfillerLocation", MAIN_STREET);
    }

    /** The one sale the store holds for this fulfillment, once it was created. */
    static Map<String, Object> awaitSale(String hubFulfillmentId) {
        return await().atMost(FLOW).pollInterval(Duration.ofMillis(500))
                .until(() -> lightspeed.salesOf(hubFulfillmentId), sales -> !sales.isEmpty()).get(0);
    }

    static JsonPath awaitFulfillmentStatus(String hubOrderId, String fulfillmentId, String status) {
        return await().atMost(FLOW).pollInterval(Duration.ofMillis(500)).until(() -> hubOrder(hubOrderId),
                order -> status.equals(order.getString(fulfillmentPath(fulfillmentId) + ".status")));
    }

    static String fulfillmentPath(String fulfillmentId) {
        return "fulfillments.find { it.fulfillmentId == '" + fulfillmentId + "' }";
    }

    /** The hub fulfillment ids of the order's store fulfillments. */
    static List<String> storeFulfillments(String hubOrderId) {
        var response = operations().get("/orders/{id}", hubOrderId);
        if (response.statusCode() != 200) {
            return List.of();
        }
        return response.jsonPath().getList("fulfillments.findAll { it.fulfiller == 'LIGHTSPEED' }.fulfillmentId", String.class);
    }

    static List<String> spressoStatuses(String orderId, String spressoFulfillmentId) {
        return sandbox.spressoOrder(orderId).getList("fulfillments.find { it.id == '" + spressoFulfillmentId
                + "' }.statusHistory.status", String.class);
    }
}
