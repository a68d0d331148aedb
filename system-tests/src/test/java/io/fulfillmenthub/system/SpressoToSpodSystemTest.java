package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first channel end to end, with all five services as processes against the sandbox, observed
 * only where a user would look: the vendors' records (the sandbox) and the hub's operations API.
 */
class SpressoToSpodSystemTest {

    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final List<Map<String, Object>> TWO_PRODUCTS = List.of(
            Map.of("sku", "TEE-BLK-M", "quantity", 2),
            Map.of("sku", "MUG-WHT", "quantity", 3));

    private static HubStack hub;
    private static Sandbox sandbox;

    @BeforeAll
    static void startTheHub() {
        hub = SystemStack.get();
        sandbox = new Sandbox(hub.url(HubService.SANDBOX));
    }

    @Test
    void aBatchOfOrdersReachesSpodOnceEachAndTheirShipmentsReachSpresso() {
        List<Sandbox.PlacedOrder> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0), List.of(1)), 1));
        }
        List<String> fulfillments = orders.stream()
                .flatMap(order -> List.of(order.hubFulfillmentId(0), order.hubFulfillmentId(1)).stream()).toList();

        await().atMost(FLOW).until(() -> sandbox.spodOrderStates().keySet().containsAll(fulfillments));
        for (String fulfillment : fulfillments) {
            assertThat(sandbox.spodSubmissions(fulfillment)).as("submissions of %s", fulfillment).isEqualTo(1);
            sandbox.advanceSpodOrder(fulfillment, "sent");
        }

        for (Sandbox.PlacedOrder order : orders) {
            await().atMost(FLOW).untilAsserted(() -> {
                JsonPath spresso = sandbox.spressoOrder(order.orderId());
                assertThat(spresso.getList("fulfillments.status", String.class)).containsOnly("in_transit");
                assertThat(spresso.getList("fulfillments.shipments", List.class)).allSatisfy(s -> assertThat(s).hasSize(1));
                // every variant fulfilled in full: 2 tees in the first fulfillment, 3 mugs in the second
                assertThat(spresso.getList("fulfillments.fulfilledVariants.fulfilledQuantity.flatten()", Integer.class))
                        .containsExactly(2, 3);
            });
        }
    }

    @Test
    void theSameWebhookDeliveredThreeTimesGivesOneSpodOrder() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0, 1)), 3);
        assertThat(order.deliveryStatuses()).containsExactly(200, 200, 200);

        await().atMost(FLOW).until(() -> sandbox.spodOrderStates().containsKey(order.hubFulfillmentId(0)));
        // a later order reaching SPOD shows the hub has moved past the repeats
        Sandbox.PlacedOrder marker = sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0, 1)), 1);
        await().atMost(FLOW).until(() -> sandbox.spodOrderStates().containsKey(marker.hubFulfillmentId(0)));
        assertThat(sandbox.spodSubmissions(order.hubFulfillmentId(0))).isEqualTo(1);
    }

    @Test
    void aCancellationBeforeProductionCancelsAtSpod() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0, 1)), 1);
        await().atMost(FLOW).until(() -> sandbox.spodOrderStates().containsKey(order.hubFulfillmentId(0)));

        sandbox.cancelOrder(order.orderId());

        await().atMost(FLOW).until(() -> "canceled".equals(sandbox.spodOrderStates().get(order.hubFulfillmentId(0))));
    }

    @Test
    void aCancellationAfterSpodSentTheOrderIsRecordedAsRejected() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0, 1)), 1);
        String fulfillment = order.hubFulfillmentId(0);
        await().atMost(FLOW).until(() -> sandbox.spodOrderStates().containsKey(fulfillment));
        sandbox.advanceSpodOrder(fulfillment, "sent");
        await().atMost(FLOW).until(() -> sandbox.spressoOrder(order.orderId())
                .getList("fulfillments.status", String.class).contains("in_transit"));

        sandbox.cancelOrder(order.orderId());

        await().atMost(FLOW).untilAsserted(() -> {
            JsonPath hubOrder = operations().get("/orders/{id}", order.hubOrderId()).then().statusCode(200)
                    .extract().jsonPath();
            // the hub knows SPOD sent it, so the cancellation is refused for that fulfillment, with its reason
            assertThat(hubOrder.getList("timeline.findAll { it.cause.type == 'hub.fact.order-cancelled-at-source.v1' "
                    + "&& it.fulfillmentId == '" + fulfillment + "' }.note", String.class))
                    .singleElement().asString().contains("not cancelled");
            assertThat(hubOrder.getString("fulfillments[0].status")).isEqualTo("SHIPPED");
        });
        assertThat(sandbox.spodOrderStates().get(fulfillment)).isEqualTo("sent");
    }

    @Test
    void theSpodConnectorKilledMidBatchLosesAndDuplicatesNothing() throws Exception {
        List<String> fulfillments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0), List.of(1)), 1);
            fulfillments.add(order.hubFulfillmentId(0));
            fulfillments.add(order.hubFulfillmentId(1));
            if (i == 3) {
                hub.kill(HubService.SPOD_CONNECTOR);
            }
        }
        hub.restart(HubService.SPOD_CONNECTOR);

        await().atMost(FLOW).until(() -> sandbox.spodOrderStates().keySet().containsAll(fulfillments));
        for (String fulfillment : fulfillments) {
            // a submit cut off by the kill may be sent again; SPOD's unique id and the read-back keep it one order
            assertThat(sandbox.spodSubmissions(fulfillment)).as("submissions of %s", fulfillment).isLessThanOrEqualTo(2);
        }
        // and the hub knows each fulfillment as submitted exactly once
        for (String fulfillment : fulfillments) {
            String hubOrderId = fulfillment.substring(0, fulfillment.lastIndexOf(':'));
            await().atMost(FLOW).untilAsserted(() -> {
                JsonPath hubOrder = operations().get("/orders/{id}", hubOrderId).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(hubOrder.getInt("timeline.findAll { it.cause.type == 'hub.fact.fulfillment-submitted.v1' "
                        + "&& it.fulfillmentId == '" + fulfillment + "' }.size()")).isEqualTo(1);
            });
        }
    }

    private static io.restassured.specification.RequestSpecification operations() {
        return io.restassured.RestAssured.given().baseUri(hub.url(HubService.ORCHESTRATOR));
    }
}
