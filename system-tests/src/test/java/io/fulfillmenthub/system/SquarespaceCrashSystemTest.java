package io.fulfillmenthub.system;

import static io.fulfillmenthub.system.SquarespaceSystemTest.FLOW;
import static io.fulfillmenthub.system.SquarespaceSystemTest.ONE_PRINT;
import static io.fulfillmenthub.system.SquarespaceSystemTest.awaitSpodFulfillment;
import static io.fulfillmenthub.system.SquarespaceSystemTest.hubOrderOrNull;
import static io.fulfillmenthub.system.SquarespaceSystemTest.spodSubmissionsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Squarespace orders through the whole hub with a service killed outright ({@code kill -9}) at the worst moment:
 * the orchestrator during an order's grace period, the storefront-connector while Squarespace acts on its
 * non-idempotent fulfillments call. Nothing is lost and nothing is done twice, as the vendors' records show.
 */
@Tag("reliability") // runs with -Preliability: see the module README
class SquarespaceCrashSystemTest extends OnTheSharedHub {

    private static SquarespaceSandbox squarespace;

    @BeforeAll
    static void squarespace() {
        squarespace = new SquarespaceSandbox(hub.url(HubService.SANDBOX));
    }

    @Test
    void theOrchestratorRestartedDuringTheGracePeriodStillSendsTheOrderOnce() throws Exception {
        String orderId = squarespace.createOrder(ONE_PRINT, true);
        String hubOrderId = SquarespaceSandbox.hubOrderId(orderId);
        await().atMost(FLOW).until(() -> hubOrderOrNull(hubOrderId),
                order -> order != null && "AWAITING_FULFILLABLE".equals(order.getString("status")));
        hub.kill(HubService.ORCHESTRATOR);
        hub.restart(HubService.ORCHESTRATOR);

        String fulfillment = awaitSpodFulfillment(hubOrderId);
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        assertThat(spodSubmissionsOf(hubOrderId)).containsExactly(fulfillment);
    }

    @Test
    void everyShipmentSpodReportsIsOnTheSquarespaceOrderOnceAlsoWhenTheConnectorDiesRightAfterPosting() throws Exception {
        String orderId = squarespace.createOrder(List.of(Map.of("sku", "TEE-BLK-M", "quantity", 2),
                Map.of("sku", "MUG-WHT", "quantity", 1)), true);
        String hubOrderId = SquarespaceSandbox.hubOrderId(orderId);
        String fulfillment = awaitSpodFulfillment(hubOrderId);
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));

        // the first fulfillments call stays in progress at Squarespace; the connector dies while it waits for the
        // answer, and only then does Squarespace act on it: the shipment is posted, its answer never seen
        squarespace.holdNextFulfillmentsCall(orderId);
        String first = "1Z" + UUID.randomUUID().toString().substring(0, 8);
        String second = "1Z" + UUID.randomUUID().toString().substring(0, 8);
        sandbox.sendSpodOrder(fulfillment, List.of(
                Map.of("carrier", "UPS", "trackingNumber", first, "items",
                        List.of(Map.of("stockKeepingUnit", "812-4-2", "quantity", 2))),
                Map.of("carrier", "UPS", "trackingNumber", second, "items",
                        List.of(Map.of("stockKeepingUnit", "1109-0-1", "quantity", 1)))));
        await().atMost(FLOW).until(() -> squarespace.order(orderId).getBoolean("fulfillmentCallInProgress"));
        hub.kill(HubService.STOREFRONT_CONNECTOR);
        squarespace.releaseFulfillmentsCall(orderId);
        await().atMost(FLOW).until(() -> squarespace.shipments(orderId, List.of(first, second)).values().stream()
                .mapToLong(Long::longValue).sum() > 0);
        hub.restart(HubService.STOREFRONT_CONNECTOR);

        Ledger.awaitExactlyOnce("shipments at Squarespace", FLOW, () -> squarespace.shipments(orderId, List.of(first, second)));
        await().atMost(FLOW).untilAsserted(() -> assertThat(hubOrder(hubOrderId).getString("status")).isEqualTo("SHIPPED"));
    }
}
