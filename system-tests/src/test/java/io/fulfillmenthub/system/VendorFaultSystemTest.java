package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults are routine: a vendor that stops answering, answers 503 or 429, or a connector stopped while
 * its vendor moves on. Each test injects the fault with the sandbox's fault controls and proves the
 * outcome with the sandbox's call records as the ledger: every fulfillment accepted by SPOD exactly
 * once, every shipment accepted by Spresso exactly once, nothing dead-lettered. Each run's figures go
 * to {@link FaultRunReport} for docs/reliability.md.
 */
class VendorFaultSystemTest {

    private static final List<Map<String, Object>> TWO_PRODUCTS = List.of(
            Map.of("sku", "TEE-BLK-M", "quantity", 2),
            Map.of("sku", "MUG-WHT", "quantity", 3));
    private static final List<List<Integer>> TWO_FULFILLMENTS = List.of(List.of(0), List.of(1));
    private static final List<List<Integer>> ONE_FULFILLMENT = List.of(List.of(0, 1));
    /** How long the hub may take to drain after a fault ends: its back-off is capped at 30 s, the SPOD client's 10 s. */
    private static final Duration DRAIN = Duration.ofSeconds(120);
    private static final Duration FLOW = Duration.ofSeconds(90);

    private static HubStack hub;
    private static Sandbox sandbox;
    private static Broker broker;

    @BeforeAll
    static void startTheHub() {
        hub = SystemStack.get();
        sandbox = new Sandbox(hub.url(HubService.SANDBOX));
        broker = new Broker(hub.kafkaBootstrapServers());
    }

    @AfterEach
    void endFaults() {
        if (sandbox != null) {
            sandbox.endAllFaults();
        }
    }

    @Test
    void ordersPlacedBeforeDuringAndAfterSpodIsFrozenReachSpodOnceAndSpressoGetsEachShipmentOnce() {
        Duration freezeFor = Duration.ofSeconds(90);
        List<Sandbox.PlacedOrder> before = place(3);
        Sandbox.Fault freeze = sandbox.startFault(Map.of("vendor", "spod", "kind", "freeze", "durationMs", freezeFor.toMillis()));
        List<Sandbox.PlacedOrder> during = place(3);
        awaitOver(freeze, freezeFor);
        List<Sandbox.PlacedOrder> after = place(3);

        assertMetTheFault(during, freeze);
        FaultRun run = new FaultRun("SPOD frozen", "SPOD frozen (no answer to any call)", freezeFor, freeze,
                Stream.of(before, during, after).flatMap(List::stream).toList());
        run.prove(fulfillments(Stream.of(before, during).flatMap(List::stream).toList()), freeze.until());
    }

    @Test
    @Tag("reliability") // with -Preliability (CI runs it after the suite): keeps the suite under 25 minutes
    void ordersPlacedWhileSpodAnswers503AndThen429WithRetryAfterReachSpodOnce() {
        Duration unavailableFor = Duration.ofSeconds(30);
        Sandbox.Fault unavailable = sandbox.startFault(Map.of("vendor", "spod", "kind", "error", "status", 503,
                "durationMs", unavailableFor.toMillis()));
        List<Sandbox.PlacedOrder> duringUnavailable = place(3);
        awaitOver(unavailable, unavailableFor);
        assertMetTheFault(duringUnavailable, unavailable);
        FaultRun unavailableRun = new FaultRun("SPOD 503", "SPOD answers every call 503", unavailableFor, unavailable,
                duringUnavailable);
        unavailableRun.awaitDrained(fulfillments(duringUnavailable), unavailable.until());

        Duration limitedFor = Duration.ofSeconds(20);
        Sandbox.Fault limited = sandbox.startFault(Map.of("vendor", "spod", "kind", "error", "status", 429,
                "retryAfterSeconds", 10, "durationMs", limitedFor.toMillis()));
        List<Sandbox.PlacedOrder> duringLimited = place(3);
        awaitOver(limited, limitedFor);
        assertMetTheFault(duringLimited, limited);
        FaultRun limitedRun = new FaultRun("SPOD 429", "SPOD answers every call 429, Retry-After 10 s", limitedFor, limited,
                duringLimited);
        limitedRun.awaitDrained(fulfillments(duringLimited), limited.until());

        unavailableRun.prove(fulfillments(duringUnavailable), unavailable.until());
        limitedRun.prove(fulfillments(duringLimited), limited.until());
    }

    @Test
    @Tag("reliability") // with -Preliability (CI runs it after the suite): keeps the suite under 25 minutes
    void shipmentsFlowingBackWhileSpressoIsFrozenReachSpressoOnceEach() {
        Duration freezeFor = Duration.ofSeconds(45);
        List<Sandbox.PlacedOrder> orders = place(3);
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(fulfillments(orders)));

        Sandbox.Fault freeze = sandbox.startFault(Map.of("vendor", "spresso", "kind", "freeze", "durationMs", freezeFor.toMillis()));
        fulfillments(orders).forEach(fulfillment -> sandbox.advanceSpodOrder(fulfillment, "sent"));
        awaitOver(freeze, freezeFor);

        // the fault met the hub: each order's shipments were held at Spresso at least once
        List<Sandbox.VendorCall> spressoCalls = sandbox.calls("spresso");
        for (Sandbox.PlacedOrder order : orders) {
            assertThat(spressoCalls).as("Spresso calls for %s held by the freeze", order.orderId())
                    .anyMatch(call -> call.touchedBy(freeze) && order.fulfillmentIds().stream().anyMatch(call.path()::contains));
        }
        FaultRun run = new FaultRun("Spresso frozen", "Spresso frozen while shipments flow back", freezeFor, freeze, orders);
        run.proveShipments(freeze.until(), false);
    }

    @Test
    void everySpodProgressMadeWhileTheSpodConnectorIsStoppedReachesSpressoOnce() throws Exception {
        List<Sandbox.PlacedOrder> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(sandbox.placeOrder(TWO_PRODUCTS, ONE_FULFILLMENT, 1));
        }
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(fulfillments(orders)));
        String sentBefore = orders.get(0).hubFulfillmentId(0);
        String confirmedBefore = orders.get(1).hubFulfillmentId(0);
        String progressedWhileStopped = orders.get(2).hubFulfillmentId(0);
        String sentAfter = orders.get(3).hubFulfillmentId(0);
        sandbox.advanceSpodOrder(sentBefore, "sent");
        sandbox.advanceSpodOrder(confirmedBefore, "confirmed");
        await().atMost(FLOW).untilAsserted(() -> {
            assertThat(hubFulfillmentStatus(orders.get(0))).isEqualTo("SHIPPED");
            assertThat(hubFulfillmentStatus(orders.get(1))).isEqualTo("ACCEPTED");
        });

        hub.stop(HubService.SPOD_CONNECTOR);
        Instant stopped = Instant.now();
        Instant restarted;
        try {
            sandbox.advanceSpodOrder(confirmedBefore, "sent");
            sandbox.advanceSpodOrder(progressedWhileStopped, "confirmed");
            sandbox.advanceSpodOrder(progressedWhileStopped, "sent");
            sandbox.advanceSpodOrder(sentAfter, "confirmed");
        } finally {
            hub.start(HubService.SPOD_CONNECTOR);
            restarted = Instant.now();
        }
        sandbox.advanceSpodOrder(sentAfter, "sent");

        FaultRun run = new FaultRun("poller restart",
                "spod-connector stopped (SIGTERM) while SPOD confirms and sends, then started", FaultRunReport.between(stopped,
                        restarted), null, orders);
        run.proveShipments(restarted, true);
        for (Sandbox.PlacedOrder order : orders) {
            assertThat(hubFulfillmentStatus(order)).as("the hub's fulfillment of %s", order.orderId()).isEqualTo("SHIPPED");
        }
    }

    /** One fault run over some orders: proves the ledger and reports its figures, even when the proof fails. */
    private static final class FaultRun {

        private final String name;
        private final String fault;
        private final Duration lasted;
        private final Sandbox.Fault injected;
        private final List<Sandbox.PlacedOrder> orders;
        private Duration drained;

        FaultRun(String name, String fault, Duration lasted, Sandbox.Fault injected, List<Sandbox.PlacedOrder> orders) {
            this.name = name;
            this.fault = fault;
            this.lasted = lasted;
            this.injected = injected;
            this.orders = orders;
        }

        /** Waits until SPOD has every one of {@code owed} and notes how long after the fault's end that was. */
        void awaitDrained(List<String> owed, Instant faultEnded) {
            if (drained == null) {
                drained = FaultRunReport.between(faultEnded, Ledger.awaitReached("SPOD orders", DRAIN,
                        () -> sandbox.spodAcceptedSubmissions(owed)));
            }
        }

        /**
         * SPOD accepted each fulfillment exactly once ({@code owed} the ones placed before the fault ended,
         * for the drain time); then SPOD sends them all and Spresso accepts each shipment exactly once.
         */
        void prove(List<String> owed, Instant faultEnded) {
            try {
                awaitDrained(owed, faultEnded);
                Ledger.awaitExactlyOnce("SPOD orders", DRAIN, () -> sandbox.spodAcceptedSubmissions(fulfillments(orders)));
                fulfillments(orders).forEach(fulfillment -> sandbox.advanceSpodOrder(fulfillment, "sent"));
                Ledger.awaitExactlyOnce("Spresso shipments", FLOW, () -> sandbox.spressoShipmentLedger(spressoFulfillments()));
                assertThat(broker.deadLetters(hubOrderIds())).as("dead letters").isEmpty();
            } finally {
                report(true);
            }
        }

        /** Spresso accepted each shipment exactly once, the drain timed from {@code from}; nothing dead-lettered. */
        void proveShipments(Instant from, boolean spodFaulted) {
            try {
                drained = FaultRunReport.between(from, Ledger.awaitReached("Spresso shipments", DRAIN,
                        () -> sandbox.spressoShipmentLedger(spressoFulfillments())));
                Ledger.awaitExactlyOnce("Spresso shipments", DRAIN, () -> sandbox.spressoShipmentLedger(spressoFulfillments()));
                assertThat(broker.deadLetters(hubOrderIds())).as("dead letters").isEmpty();
            } finally {
                report(spodFaulted);
            }
        }

        private void report(boolean spodFaulted) {
            Map<String, Long> atSpod = sandbox.spodAcceptedSubmissions(fulfillments(orders));
            Map<String, Long> atSpresso = sandbox.spressoAcceptedShipments(spressoFulfillments());
            Map<String, Long> shipmentLedger = sandbox.spressoShipmentLedger(spressoFulfillments());
            boolean sent = atSpresso.values().stream().anyMatch(count -> count > 0);
            Long faultedCalls = injected == null ? null
                    : sandbox.calls(spodFaulted ? "spod" : "spresso").stream().filter(call -> call.touchedBy(injected)).count();
            FaultRunReport.append(name, fault, lasted, orders.size(), fulfillments(orders).size(), Ledger.exactlyOnce(atSpod),
                    sent ? Ledger.exactlyOnce(atSpresso) : null, Ledger.duplicates(atSpod) + Ledger.duplicates(shipmentLedger),
                    faultedCalls, broker.deadLetters(hubOrderIds()).size(), drained);
        }

        private List<String> spressoFulfillments() {
            return orders.stream().flatMap(order -> order.fulfillmentIds().stream()).toList();
        }

        private List<String> hubOrderIds() {
            return orders.stream().map(Sandbox.PlacedOrder::hubOrderId).toList();
        }
    }

    private static List<Sandbox.PlacedOrder> place(int count) {
        List<Sandbox.PlacedOrder> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, TWO_FULFILLMENTS, 1);
            assertThat(order.deliveryStatuses()).as("ingest's answer to the webhook").containsExactly(200);
            orders.add(order);
        }
        return orders;
    }

    private static List<String> fulfillments(List<Sandbox.PlacedOrder> orders) {
        return orders.stream().flatMap(order -> order.hubFulfillmentIds().stream()).toList();
    }

    /** Waits for the fault to end by itself (its duration), so the test knows it is over. */
    private static void awaitOver(Sandbox.Fault fault, Duration lasts) {
        await("fault " + fault.id() + " over").atMost(lasts.plus(FLOW)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !sandbox.inForce(fault));
    }

    /**
     * The fault met the hub: a submission of each order was held or refused by it. Only the first of an
     * order's fulfillments is tried while SPOD is away: the second waits behind it in the order's lane.
     */
    private static void assertMetTheFault(List<Sandbox.PlacedOrder> orders, Sandbox.Fault fault) {
        List<Sandbox.VendorCall> spodCalls = sandbox.calls("spod");
        for (Sandbox.PlacedOrder order : orders) {
            assertThat(spodCalls).as("submissions of %s met by %s", order.hubOrderId(), fault.id())
                    .anyMatch(call -> call.touchedBy(fault)
                            && order.hubFulfillmentIds().stream().anyMatch(call::isSubmitOf));
        }
    }

    private static String hubFulfillmentStatus(Sandbox.PlacedOrder order) {
        return RestAssured.given().baseUri(hub.url(HubService.ORCHESTRATOR)).auth().oauth2(hub.operations().operatorToken())
                .get("/orders/{id}", order.hubOrderId())
                .then().statusCode(200).extract().jsonPath().getString("fulfillments[0].status");
    }
}
