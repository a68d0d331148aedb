package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.await;
import static io.fulfillmenthub.orchestrator.FactFixtures.awaitOutboxEmpty;
import static io.fulfillmenthub.orchestrator.FactFixtures.isOf;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.FactFixtures.squarespaceOrderPlaced;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.messaging.GracePeriodTimerPoller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Squarespace orders under the hub's own fulfillable rule, against the real broker and database: the grace
 * period (10 minutes, from the order's {@code placedAt}, so a test places an order as old as it needs), its
 * durable timer, the routing rules' split, and what the order's view says while it waits.
 */
@QuarkusTest
class GracePeriodTest {

    static final Duration GRACE = Duration.ofMinutes(10);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    @Inject
    GracePeriodTimerPoller poller;

    /** TEE-BLK-M and CAP-RED: printed by SPOD by the test's rules; CANDLE-XL: no fulfiller yet. */
    static List<OrderLine> mixedLines() {
        return List.of(line("l-1", "TEE-BLK-M", 2), line("l-2", "CANDLE-XL", 1), line("l-3", "CAP-RED", 1));
    }

    /** Placed so long ago that its grace period ends {@code in} from now. */
    static Instant placedSoThatGraceEndsIn(Duration in) {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(GRACE).plus(in);
    }

    static String sourceId(String order) {
        return order.substring(order.indexOf(':') + 1);
    }

    JsonPath view(String order) {
        return given().get("/orders/{id}", order).then().statusCode(200).extract().jsonPath();
    }

    JsonPath awaitStatus(String order, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/orders/{id}", order).then().extract().jsonPath(),
                        json -> status.equals(json.getString("status")));
    }

    long timers(String order) {
        return database.preparedQuery("SELECT count(*) AS n FROM grace_period_timer WHERE hub_order_id = $1")
                .execute(Tuple.of(order)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }

    List<SubmitPrintOrder> printOrdersSoFar(String order) {
        return FactFixtures.publishedSoFar(kafka, Topics.COMMANDS_SPOD).stream()
                .filter(r -> isOf(r, MessageTypes.SUBMIT_PRINT_ORDER, order))
                .map(r -> io.fulfillmenthub.contracts.HubJson.read(r.value(), SubmitPrintOrder.class)).toList();
    }

    static long count(List<String> notes, String prefix) {
        return notes.stream().filter(note -> note.startsWith(prefix)).count();
    }

    @Test
    void insideItsGracePeriodAPaidOrderWaitsSendsNothingAndSaysUntilWhen() {
        String order = FactFixtures.newSquarespaceOrderId();
        Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(kafka, squarespaceOrderPlaced(order, placedAt, PaymentStatus.PAID, mixedLines()));

        JsonPath json = awaitStatus(order, "AWAITING_FULFILLABLE");
        Instant until = placedAt.plus(GRACE);
        assertThat(json.getString("payment")).isEqualTo("PAID");
        assertThat(json.getString("waiting.reason")).isEqualTo("in grace period until " + until);
        assertThat(Instant.parse(json.getString("waiting.until"))).isEqualTo(until);
        assertThat(json.getList("timeline.note", String.class)).contains("in grace period until " + until);
        assertThat(json.getList("fulfillments")).isEmpty();
        assertThat(timers(order)).isEqualTo(1);
        awaitOutboxEmpty(database, order);
        assertThat(printOrdersSoFar(order)).isEmpty();
    }

    @Test
    void whenItsGracePeriodEndsTheOrderSplitsIntoAPrintOrderAndAFulfillmentOnHoldWithTheReason() {
        String order = FactFixtures.newSquarespaceOrderId();
        send(kafka, squarespaceOrderPlaced(order, placedSoThatGraceEndsIn(Duration.ofSeconds(2)), PaymentStatus.PAID,
                mixedLines()));

        SubmitPrintOrder submit = await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, any -> true);

        assertThat(submit.fulfillmentId()).isEqualTo(order + ":" + sourceId(order) + "-1");
        assertThat(submit.items()).extracting(SubmitPrintOrder.Item::lineId, SubmitPrintOrder.Item::stockKeepingUnit,
                SubmitPrintOrder.Item::quantity).containsExactly(tuple("l-1", "812-4-2", 2), tuple("l-3", "77-1-3", 1));
        JsonPath json = awaitStatus(order, "IN_FULFILLMENT");
        assertThat(json.getString("waiting")).isNull();
        assertThat(json.getList("fulfillments.status", String.class)).containsExactly("PENDING", "ON_HOLD");
        assertThat(json.getList("holdReasons", String.class)).containsExactly(order + ":" + sourceId(order)
                + "-2: no routing rule lists SKU 'CANDLE-XL' (line l-2)");
        assertThat(count(json.getList("timeline.note", String.class), "fulfillable at ")).isEqualTo(1);
        assertThat(timers(order)).isZero();
    }

    @Test
    void cancelledInsideItsGracePeriodItNeverReachesSpod() {
        String order = FactFixtures.newSquarespaceOrderId();
        Instant placedAt = placedSoThatGraceEndsIn(Duration.ofSeconds(4));
        send(kafka, squarespaceOrderPlaced(order, placedAt, PaymentStatus.PAID, mixedLines()));
        send(kafka, new OrderCancelledAtSource(order, Storefront.SQUARESPACE, sourceId(order), "customer changed mind", AT));

        awaitStatus(order, "CANCELLED");
        assertThat(timers(order)).isZero();
        // past the end of the grace period, and a poll after it
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(placedAt.plus(GRACE)));
        poller.fireDue().await().atMost(Duration.ofSeconds(10));

        awaitOutboxEmpty(database, order);
        assertThat(printOrdersSoFar(order)).isEmpty();
        assertThat(view(order).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void pollersRunningAtOnceFireEachTimerOnce() {
        List<String> orders = new ArrayList<>();
        Instant placedAt = placedSoThatGraceEndsIn(Duration.ofSeconds(3));
        for (int i = 0; i < 20; i++) {
            String order = FactFixtures.newSquarespaceOrderId();
            orders.add(order);
            send(kafka, squarespaceOrderPlaced(order, placedAt, PaymentStatus.PAID, List.of(line("l-1", "TEE-BLK-M", 1))));
        }
        orders.forEach(order -> Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/orders/{id}", order).then().extract().statusCode() == 200));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(placedAt.plus(GRACE)));

        // four pollers at once, besides the scheduled one, as replicas would
        Uni.join().all(poller.fireDue(), poller.fireDue(), poller.fireDue(), poller.fireDue()).andCollectFailures()
                .await().atMost(Duration.ofSeconds(30));

        for (String order : orders) {
            JsonPath json = awaitStatus(order, "IN_FULFILLMENT");
            assertThat(count(json.getList("timeline.note", String.class), "fulfillable at ")).isEqualTo(1);
            awaitOutboxEmpty(database, order);
        }
        List<String> submitted = FactFixtures.publishedSoFar(kafka, Topics.COMMANDS_SPOD).stream()
                .filter(r -> orders.contains(r.key()) && isOf(r, MessageTypes.SUBMIT_PRINT_ORDER, r.key()))
                .map(r -> r.key()).toList();
        assertThat(submitted).containsExactlyInAnyOrderElementsOf(orders);
    }

    @Test
    void aTimerThatFellDueWhileNoPollerRanFiresOnceWhenOneRuns() {
        String order = FactFixtures.newSquarespaceOrderId();
        send(kafka, squarespaceOrderPlaced(order, Instant.now(), PaymentStatus.PAID, mixedLines()));
        awaitStatus(order, "AWAITING_FULFILLABLE");
        // what a service stopped during the grace period leaves behind: its rows, and the grace period gone by
        database.preparedQuery("UPDATE orders SET fulfillable_after = fulfillable_after - interval '11 minutes' "
                + "WHERE hub_order_id = $1").execute(Tuple.of(order)).await().atMost(Duration.ofSeconds(10));
        database.preparedQuery("UPDATE grace_period_timer SET due_at = due_at - interval '11 minutes' WHERE hub_order_id = $1")
                .execute(Tuple.of(order)).await().atMost(Duration.ofSeconds(10));

        await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, any -> true);

        JsonPath json = awaitStatus(order, "IN_FULFILLMENT");
        assertThat(count(json.getList("timeline.note", String.class), "fulfillable at ")).isEqualTo(1);
        poller.fireDue().await().atMost(Duration.ofSeconds(10));
        awaitOutboxEmpty(database, order);
        assertThat(printOrdersSoFar(order)).hasSize(1);
        assertThat(timers(order)).isZero();
    }

    @Test
    void aTimerWhoseOrderCannotBeReadHoldsBackNoOtherTimer() {
        // an order row no code path could have written: its transition fails every time it is tried
        String poison = "squarespace:poison-" + java.util.UUID.randomUUID();
        database.preparedQuery("INSERT INTO orders (hub_order_id, storefront, source_order_id, order_number, "
                + "shipping_address, placed_at, status, payment) VALUES ($1, 'SQUARESPACE', 'x', '1', '{}', now(), "
                + "'AWAITING_FULFILLABLE', 'BOGUS')").execute(Tuple.of(poison)).await().atMost(Duration.ofSeconds(10));
        database.preparedQuery("INSERT INTO grace_period_timer (hub_order_id, due_at) VALUES ($1, now() - interval '1 second')")
                .execute(Tuple.of(poison)).await().atMost(Duration.ofSeconds(10));
        try {
            String order = FactFixtures.newSquarespaceOrderId();
            send(kafka, squarespaceOrderPlaced(order, placedSoThatGraceEndsIn(Duration.ofSeconds(2)), PaymentStatus.PAID,
                    List.of(line("l-1", "TEE-BLK-M", 1))));

            await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, any -> true);
            awaitStatus(order, "IN_FULFILLMENT");
            assertThat(timers(poison)).isEqualTo(1);
        } finally {
            database.preparedQuery("DELETE FROM grace_period_timer WHERE hub_order_id = $1").execute(Tuple.of(poison))
                    .chain(() -> database.preparedQuery("DELETE FROM orders WHERE hub_order_id = $1").execute(Tuple.of(poison)))
                    .await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void anUnpaidOrderWaitsForItsPaymentAndALaterOrderPlacedThatSaysPaidSendsIt() {
        String order = FactFixtures.newSquarespaceOrderId();
        Instant placedAt = Instant.now().minus(Duration.ofHours(1));
        OrderPlaced pending = squarespaceOrderPlaced(order, placedAt, PaymentStatus.PENDING, mixedLines());
        send(kafka, pending);

        JsonPath waiting = awaitStatus(order, "AWAITING_FULFILLABLE");
        assertThat(waiting.getString("waiting.reason")).isEqualTo("awaiting payment");
        assertThat(waiting.getString("waiting.until")).isNull();
        assertThat(timers(order)).isZero();

        send(kafka, squarespaceOrderPlaced(order, placedAt, PaymentStatus.PAID, mixedLines()));

        await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, any -> true);
        JsonPath json = awaitStatus(order, "IN_FULFILLMENT");
        assertThat(json.getString("payment")).isEqualTo("PAID");
        assertThat(json.getList("timeline.note", String.class)).contains("awaiting payment", "payment PENDING → PAID");
    }

    @Test
    void aShipmentOfAHubFormedFulfillmentGoesToSquarespaceWithItsServiceAndNoFulfillmentStatus() {
        String order = FactFixtures.newSquarespaceOrderId();
        send(kafka, squarespaceOrderPlaced(order, Instant.now().minus(Duration.ofHours(1)), PaymentStatus.PAID,
                List.of(line("l-1", "TEE-BLK-M", 2))));
        SubmitPrintOrder submit = await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, any -> true);
        String fulfillment = submit.fulfillmentId();

        send(kafka, new FulfillmentSubmitted(order, fulfillment, Fulfiller.SPOD, "spod-1", AT));
        send(kafka, new ShipmentDispatched(order, fulfillment, Fulfiller.SPOD, "USPS", "9400-77", null,
                List.of(quantity("l-1", 2)), AT, null, "Priority Mail"));
        send(kafka, new FulfillmentShipped(order, fulfillment, Fulfiller.SPOD, AT));

        AddShipment added = await(kafka, MessageTypes.ADD_SHIPMENT, order, any -> true);
        assertThat(added.storefront()).isEqualTo(Storefront.SQUARESPACE);
        assertThat(added.sourceOrderId()).isEqualTo(sourceId(order));
        assertThat(added.sourceFulfillmentId()).isNull();
        assertThat(added.shipmentId()).isEqualTo(fulfillment + "/9400-77");
        assertThat(added.service()).isEqualTo("Priority Mail");
        awaitStatus(order, "SHIPPED");
        awaitOutboxEmpty(database, order);
        assertThat(FactFixtures.storefrontUpdatesSoFar(kafka, order)).isEmpty();
        given().get("/orders/{id}", order).then().body("waiting", nullValue()).body("status", equalTo("SHIPPED"));
    }
}
