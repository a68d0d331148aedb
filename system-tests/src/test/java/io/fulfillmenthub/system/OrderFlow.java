package io.fulfillmenthub.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A stream of Spresso orders placed at a steady pace while a fault is played, and SPOD's production
 * floor: every second, each of these orders that SPOD has acknowledged is sent (one UPS parcel), or, for
 * an order picked for cancellation, cancelled at Spresso instead, as a customer would once the fulfiller
 * has it. Each order has one fulfillment of two lines (2 tees and 3 mugs).
 */
final class OrderFlow implements AutoCloseable {

    private static final List<Map<String, Object>> TWO_PRODUCTS = List.of(
            Map.of("sku", "TEE-BLK-M", "quantity", 2),
            Map.of("sku", "MUG-WHT", "quantity", 3));

    /** An order placed; {@code cancelled}: the customer cancels it once SPOD has it. */
    record Placed(String orderId, String fulfillmentId, String hubFulfillmentId, boolean cancelled, Instant at) {
    }

    private final Sandbox sandbox;
    private final String sandboxUrl;
    private final List<Placed> placed = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger finished = new AtomicInteger();
    // several at once: a webhook the hub answers late (a 503 after 8 s) must not hold up the pace
    private final ScheduledExecutorService placing = Executors.newScheduledThreadPool(4, daemon("order-flow"));
    private final ScheduledExecutorService production = Executors.newSingleThreadScheduledExecutor(daemon("spod-production"));
    private int total;

    OrderFlow(ChaosHub hub) {
        this.sandbox = hub.sandbox;
        this.sandboxUrl = hub.sandboxUrl;
        production.scheduleWithFixedDelay(this::produce, 1, 1, TimeUnit.SECONDS);
    }

    /** Places {@code orders} orders, one each {@code every}; order {@code i} (from 0) is cancelled when {@code cancel} says so. */
    void place(int orders, Duration every, IntPredicate cancel) {
        total += orders;
        for (int i = 0; i < orders; i++) {
            int index = i;
            placing.schedule(() -> placeOne(cancel.test(index)), every.toMillis() * i, TimeUnit.MILLISECONDS);
        }
    }

    private void placeOne(boolean cancelled) {
        try {
            Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, List.of(List.of(0, 1)), 1);
            placed.add(new Placed(order.orderId(), order.fulfillmentIds().get(0), order.hubFulfillmentId(0), cancelled,
                    Instant.now()));
        } catch (RuntimeException | AssertionError e) {
            failures.add(e.toString());
        } finally {
            finished.incrementAndGet();
        }
    }

    /** Orders whose placing has finished so far (placed, or failed to be placed). */
    int placedSoFar() {
        return finished.get();
    }

    boolean allPlaced() {
        return finished.get() == total;
    }

    List<Placed> orders() {
        return List.copyOf(placed);
    }

    /** Orders the sandbox could not place (not the hub's answers: those the webhook retries take care of). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void produce() {
        try {
            JsonPath spod = given().baseUri(sandboxUrl).get("/_sandbox/spod/orders").then().extract().jsonPath();
            List<String> ids = spod.getList("'external-order-id'", String.class);
            List<String> states = spod.getList("state", String.class);
            Map<String, Placed> ours = new java.util.HashMap<>();
            placed.forEach(order -> ours.put(order.hubFulfillmentId(), order));
            for (int i = 0; i < ids.size(); i++) {
                Placed order = ours.get(ids.get(i));
                if (order == null || !"acknowledged".equals(states.get(i)) || handled.contains(order.hubFulfillmentId())) {
                    continue;
                }
                int status = order.cancelled()
                        ? given().baseUri(sandboxUrl).contentType(ContentType.JSON).body("{}")
                                .post("/_sandbox/spresso/orders/{id}/cancel", order.orderId()).statusCode()
                        : given().baseUri(sandboxUrl).contentType(ContentType.JSON).body(Map.of("state", "sent"))
                                .post("/_sandbox/spod/orders/" + order.hubFulfillmentId() + "/advance").statusCode();
                if (status == 200) {
                    handled.add(order.hubFulfillmentId());
                }
            }
        } catch (RuntimeException e) {
            // the next round tries again: the sandbox is not what is under test
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        placing.shutdownNow();
        production.shutdownNow();
    }
}
