package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Squarespace orders through the whole hub. Squarespace tells the hub of an order the moment it is created,
 * so the orchestrator decides when it may go to SPOD: paid, its grace period passed ({@link SystemStack}
 * shortens Squarespace's to {@link SystemStack#SQUARESPACE_GRACE}), not cancelled. What Squarespace received
 * is read from its orders in the sandbox (every shipment a fulfillments call added, also one whose answer was
 * lost); what SPOD received from the sandbox's call records. The same with a service killed:
 * {@link SquarespaceCrashSystemTest}.
 */
class SquarespaceSystemTest extends OnTheSharedHub {

    static final Duration FLOW = Duration.ofSeconds(90);
    static final List<Map<String, Object>> ONE_PRINT = List.of(Map.of("sku", "TEE-BLK-M", "quantity", 2));

    static SquarespaceSandbox squarespace;

    @BeforeAll
    static void squarespace() {
        squarespace = new SquarespaceSandbox(hub.url(HubService.SANDBOX));
    }

    @Test
    void anOrderWaitsOutItsGracePeriodAndThenReachesSpodOnce() {
        String orderId = squarespace.createOrder(ONE_PRINT, true);
        String hubOrderId = SquarespaceSandbox.hubOrderId(orderId);

        JsonPath waiting = await().atMost(FLOW).pollInterval(Duration.ofMillis(500))
                .until(() -> hubOrderOrNull(hubOrderId), order -> order != null);
        assertThat(waiting.getString("status")).isEqualTo("AWAITING_FULFILLABLE");
        Instant graceEnds = Instant.parse(waiting.getString("waiting.until"));
        assertThat(waiting.getString("waiting.reason")).isEqualTo("in grace period until " + graceEnds);
        assertThat(waiting.getList("timeline.note", String.class)).as("the order's timeline")
                .anySatisfy(note -> assertThat(note).contains("in grace period until"));

        String fulfillment = awaitSpodFulfillment(hubOrderId);
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        List<Sandbox.VendorCall> submissions = sandbox.calls("spod").stream()
                .filter(call -> call.accepted() && call.isSubmitOf(fulfillment)).toList();
        assertThat(submissions).hasSize(1);
        assertThat(hubOrder(hubOrderId).getList("timeline.findAll { it.to == 'IN_FULFILLMENT' }.at", String.class))
                .as("when the order went to its fulfiller").isNotEmpty()
                .allSatisfy(at -> assertThat(Instant.parse(at)).isAfterOrEqualTo(graceEnds));
    }

    @Test
    void anOrderCancelledInsideItsGracePeriodNeverReachesSpod() {
        String orderId = squarespace.createOrder(ONE_PRINT, true);
        String hubOrderId = SquarespaceSandbox.hubOrderId(orderId);
        await().atMost(FLOW).until(() -> hubOrderOrNull(hubOrderId), order -> order != null);
        squarespace.cancel(orderId);

        await().atMost(FLOW).untilAsserted(() -> assertThat(hubOrder(hubOrderId).getString("status")).isEqualTo("CANCELLED"));
        // past the end of the grace period, still nothing at SPOD
        Ledger.throughQuietPeriod("nothing at SPOD").during(SystemStack.SQUARESPACE_GRACE.plusSeconds(5))
                .atMost(SystemStack.SQUARESPACE_GRACE.plusSeconds(30)).untilAsserted(() -> {
                    assertThat(spodSubmissionsOf(hubOrderId)).as("SPOD orders of " + hubOrderId).isEmpty();
                    assertThat(hubOrder(hubOrderId).getString("status")).isEqualTo("CANCELLED");
                });
    }

    @Test
    void anOrderWhoseNotificationWasDroppedIsFoundByThePollerAndSentOnce() {
        String orderId = squarespace.createOrder(ONE_PRINT, false);
        String hubOrderId = SquarespaceSandbox.hubOrderId(orderId);

        String fulfillment = awaitSpodFulfillment(hubOrderId);
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        assertThat(hubOrder(hubOrderId).<String>getList("timeline.findAll { it.cause.type.contains('order-placed') }.cause.id")
                .stream().distinct()).as("order-placed facts applied").hasSize(1);
    }

    @Test
    void aNotificationDeliveredThreeTimesAndOutOfOrderGivesOneFulfillment() {
        // order.create delivered three times, each held until the order's next notification: an order.update,
        // delivered three times too, overtakes it
        String orderId = squarespace.createOrder(Map.of("lines", ONE_PRINT, "times", 3, "hold", true));
        squarespace.update(orderId, Map.of("update", "EMAIL_UPDATED", "times", 3));
        String hubOrderId = SquarespaceSandbox.hubOrderId(orderId);

        String fulfillment = awaitSpodFulfillment(hubOrderId);
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        JsonPath notified = squarespace.order(orderId);
        for (String topic : List.of("order.create", "order.update")) {
            assertThat(notified.getList("notifications.find { it.topic == '" + topic + "' }.deliveries.findAll { it.status != null }"))
                    .as("deliveries of " + topic).hasSize(3);
        }
        assertThat(hubOrder(hubOrderId).getList("fulfillments")).as("fulfillments of " + hubOrderId).hasSize(1);
        assertThat(spodSubmissionsOf(hubOrderId)).containsExactly(fulfillment);
    }

    @Test
    void aStormOf429sDelaysShipmentsButLosesNone() {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orderIds.add(squarespace.createOrder(ONE_PRINT, true));
        }
        Map<String, String> fulfillments = new LinkedHashMap<>();
        for (String orderId : orderIds) {
            String fulfillment = awaitSpodFulfillment(SquarespaceSandbox.hubOrderId(orderId));
            Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
            fulfillments.put(orderId, fulfillment);
        }
        long before = sandbox.latestCallSequence();
        squarespace.rateLimitStorm(Duration.ofSeconds(15));
        Map<String, String> tracking = new LinkedHashMap<>();
        fulfillments.forEach((orderId, fulfillment) -> {
            String number = "1Z" + UUID.randomUUID().toString().substring(0, 8);
            tracking.put(orderId, number);
            sandbox.sendSpodOrder(fulfillment, List.of(Map.of("carrier", "UPS", "trackingNumber", number, "items",
                    List.of(Map.of("stockKeepingUnit", "812-4-2", "quantity", 2)))));
        });

        Ledger.awaitExactlyOnce("shipments at Squarespace", Duration.ofMinutes(3), () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            tracking.forEach((orderId, number) -> counts.putAll(squarespace.shipments(orderId, List.of(number))));
            return counts;
        });
        // the storm refused the connector's calls, and Squarespace took every shipment only once it was over
        List<Sandbox.VendorCall> since = sandbox.calls("squarespace").stream().filter(call -> call.sequence() > before).toList();
        long lastRefused = since.stream().filter(call -> Integer.valueOf(429).equals(call.status()))
                .mapToLong(Sandbox.VendorCall::sequence).max().orElseThrow(() -> new AssertionError("no call was refused 429"));
        assertThat(since.stream().filter(call -> call.accepted() && "POST".equals(call.method())
                && call.path().endsWith("/fulfillments"))).as("fulfillments calls Squarespace took")
                .hasSize(tracking.size()).allSatisfy(call -> assertThat(call.sequence()).isGreaterThan(lastRefused));
    }

    /** The first fulfillment the hub formed for the order, once it went to SPOD. */
    static String awaitSpodFulfillment(String hubOrderId) {
        return await().atMost(FLOW.plus(SystemStack.SQUARESPACE_GRACE)).pollInterval(Duration.ofMillis(500))
                .until(() -> spodSubmissionsOf(hubOrderId), ids -> !ids.isEmpty()).get(0);
    }

    /** The hub fulfillment ids of the order's SPOD orders: SPOD's external order ids that name it. */
    static List<String> spodSubmissionsOf(String hubOrderId) {
        return sandbox.spodOrderStates().keySet().stream().filter(id -> id.startsWith(hubOrderId + ":")).sorted().toList();
    }

    static JsonPath hubOrderOrNull(String hubOrderId) {
        var response = operations().get("/orders/{id}", hubOrderId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
