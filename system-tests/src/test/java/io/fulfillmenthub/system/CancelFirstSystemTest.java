package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A vendor's retry can deliver {@code order_cancelled} before {@code order_fulfillable}: the sandbox's
 * {@code reorder-webhooks} fault holds the order's webhook and sends the cancellation first. The
 * cancellation wins: the order ends CANCELLED and nothing reaches SPOD.
 */
class CancelFirstSystemTest extends OnTheSharedHub {

    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final List<Map<String, Object>> ONE_PRODUCT = List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1));

    @Test
    void aCancellationDeliveredBeforeItsOrderEndsTheOrderCancelledAndNothingReachesSpod() {
        // the next webhook (order_fulfillable) is held; the one after (order_cancelled) goes, then the held one
        sandbox.startFault(Map.of("vendor", "spresso", "kind", "reorder-webhooks", "count", 2));
        Sandbox.PlacedOrder order = sandbox.placeOrder(ONE_PRODUCT, List.of(List.of(0)), 1);
        sandbox.cancelOrder(order.orderId());

        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath hubOrder = hubOrder(order.hubOrderId());
            assertThat(hubOrder.getString("status")).isEqualTo("CANCELLED");
            assertThat(hubOrder.getList("fulfillments.status", String.class)).containsOnly("CANCELLED");
        });
        Ledger.throughQuietPeriod("nothing at SPOD").untilAsserted(() -> {
            assertThat(sandbox.spodAcceptedSubmissions(order.hubFulfillmentIds()).values()).as("SPOD orders").containsOnly(0L);
            assertThat(hubOrder(order.hubOrderId()).getString("status")).isEqualTo("CANCELLED");
        });
    }
}
