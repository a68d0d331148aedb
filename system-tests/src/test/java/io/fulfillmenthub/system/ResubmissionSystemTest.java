package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPOD fails a print order; an operator resubmits the fulfillment ({@code POST
 * /orders/{id}/fulfillments/{fid}/resubmit}): SPOD gets a second order under {@code <fid>-r2}, the failed one
 * stays as it was, and the new one's progress ships the order to Spresso once. Needs the spod-connector's side
 * of resubmission (the external id at SPOD is the command's {@code externalIdAtFulfiller()}, facts carry it).
 */
class ResubmissionSystemTest extends OnTheSharedHub {

    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final List<Map<String, Object>> ONE_PRODUCT = List.of(Map.of("sku", "TEE-BLK-M", "quantity", 2));

    @Test
    void aFulfillmentSpodFailedIsResubmittedUnderANewExternalIdAndShipsOnce() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(ONE_PRODUCT, List.of(List.of(0)), 1);
        String fulfillment = order.hubFulfillmentId(0);
        String resubmitted = fulfillment + "-r2";
        Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        sandbox.advanceSpodOrder(fulfillment, "failed");
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath hubOrder = hubOrder(order.hubOrderId());
            assertThat(hubOrder.getString("status")).isEqualTo("FAILED");
            assertThat(hubOrder.getString("fulfillments[0].status")).isEqualTo("REJECTED");
        });

        JsonPath afterResubmit = operations()
                .post("/orders/{id}/fulfillments/{f}/resubmit", order.hubOrderId(), order.fulfillmentIds().get(0))
                .then().statusCode(200).extract().jsonPath();
        assertThat(afterResubmit.getString("fulfillments[0].externalOrderId")).isEqualTo(resubmitted);
        assertThat(afterResubmit.getInt("fulfillments[0].submissions")).isEqualTo(2);
        // pending: asked again, the hub refuses and SPOD gets no third order
        operations()
                .post("/orders/{id}/fulfillments/{f}/resubmit", order.hubOrderId(), order.fulfillmentIds().get(0))
                .then().statusCode(409);

        Ledger.awaitExactlyOnce("SPOD orders", FLOW,
                () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment, resubmitted)));
        assertThat(sandbox.spodOrderStates()).containsEntry(fulfillment, "failed");
        sandbox.advanceSpodOrder(resubmitted, "sent");

        Ledger.awaitExactlyOnce("Spresso shipments", FLOW, () -> sandbox.spressoShipmentLedger(order.fulfillmentIds()));
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath hubOrder = hubOrder(order.hubOrderId());
            assertThat(hubOrder.getString("status")).isEqualTo("SHIPPED");
            assertThat(hubOrder.getString("fulfillments[0].status")).isEqualTo("SHIPPED");
            assertThat(hubOrder.getList("timeline.note", String.class)).as("the order's timeline")
                    .anySatisfy(note -> assertThat(note).startsWith("resubmitted to SPOD by operator local-operator as "
                            + resubmitted));
        });
    }
}
