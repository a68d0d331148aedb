package io.fulfillmenthub.system;

import static io.fulfillmenthub.system.LightspeedSystemTest.CANDLE;
import static io.fulfillmenthub.system.LightspeedSystemTest.FLOW;
import static io.fulfillmenthub.system.LightspeedSystemTest.atMainStreet;
import static io.fulfillmenthub.system.LightspeedSystemTest.awaitFulfillmentStatus;
import static io.fulfillmenthub.system.LightspeedSystemTest.spressoStatuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pos-connector killed outright ({@code kill -9}) right after Lightspeed created a sale, before the answer
 * reached it: creating a sale is not idempotent, so the connector, started again, must find the sale by its
 * {@code source_id} rather than create a second one. The store's own sales are the ledger.
 */
@Tag("reliability") // runs with -Preliability: see the module README
class LightspeedCrashSystemTest extends OnTheSharedHub {

    private static LightspeedSandbox lightspeed;

    @BeforeAll
    static void lightspeed() {
        lightspeed = new LightspeedSandbox(hub.url(HubService.SANDBOX));
        LightspeedSystemTest.lightspeed = lightspeed;
    }

    @Test
    void thePosConnectorKilledRightAfterCreatingASaleStillLeavesExactlyOneSale() throws Exception {
        // the next order's fulfillment id is not known before it is placed: hold every create until released
        lightspeed.holdNextCreate();
        Sandbox.PlacedOrder order = sandbox.placeOrder(List.of(CANDLE), List.of(atMainStreet("pickup", 0)), 1);
        String fulfillment = order.hubFulfillmentId(0);

        // the sale exists at the store, its answer held: the connector waits for it, and dies
        await().atMost(FLOW).until(() -> lightspeed.salesOf(fulfillment), sales -> !sales.isEmpty());
        hub.kill(HubService.POS_CONNECTOR);
        lightspeed.releaseCreates();
        hub.restart(HubService.POS_CONNECTOR);

        awaitFulfillmentStatus(order.hubOrderId(), fulfillment, "READY_FOR_PICKUP");
        Ledger.awaitExactlyOnce("sales at Lightspeed", FLOW, () -> lightspeed.saleCounts(List.of(fulfillment)));
        Map<String, Object> sale = lightspeed.salesOf(fulfillment).get(0);

        // and the one sale carries the order to its end
        lightspeed.handOverAtTheTill((String) sale.get("id"), 1);
        await().atMost(FLOW).untilAsserted(() -> assertThat(spressoStatuses(order.orderId(), order.fulfillmentIds().get(0)))
                .last().isEqualTo("delivered"));
    }
}
