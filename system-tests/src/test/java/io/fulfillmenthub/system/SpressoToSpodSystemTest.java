package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first channel end to end, with all five services as processes against the sandbox, observed
 * only where a user would look: the vendors' records (the sandbox), the hub's topics and the hub's
 * operations API. What a vendor received is counted from the sandbox's call records, and every
 * exactly-once count is taken again after a quiet period ({@link Ledger}).
 */
class SpressoToSpodSystemTest {

    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final List<Map<String, Object>> TWO_PRODUCTS = List.of(
            Map.of("sku", "TEE-BLK-M", "quantity", 2),
            Map.of("sku", "MUG-WHT", "quantity", 3));
    private static final List<List<Integer>> ONE_FULFILLMENT = List.of(List.of(0, 1));
    private static final List<List<Integer>> TWO_FULFILLMENTS = List.of(List.of(0), List.of(1));

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
    void aBatchOfOrdersReachesSpodOnceEachAndTheirShipmentsReachSpresso() {
        List<Sandbox.PlacedOrder> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orders.add(sandbox.placeOrder(TWO_PRODUCTS, TWO_FULFILLMENTS, 1));
        }
        List<String> fulfillments = orders.stream().flatMap(order -> order.hubFulfillmentIds().stream()).toList();

        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(fulfillments));
        fulfillments.forEach(fulfillment -> sandbox.advanceSpodOrder(fulfillment, "sent"));

        List<String> spressoFulfillments = orders.stream().flatMap(order -> order.fulfillmentIds().stream()).toList();
        Ledger.awaitExactlyOnce("Spresso shipments", FLOW, () -> sandbox.spressoShipmentLedger(spressoFulfillments));
        for (Sandbox.PlacedOrder order : orders) {
            JsonPath spresso = sandbox.spressoOrder(order.orderId());
            assertThat(spresso.getList("fulfillments.status", String.class)).containsOnly("in_transit");
            assertThat(spresso.getList("fulfillments.shipments", List.class)).allSatisfy(s -> assertThat(s).hasSize(1));
            assertThat(spresso.getList("fulfillments.shipments.shippedEmails", List.class))
                    .as("shipped e-mails per shipment").allSatisfy(emails -> assertThat(emails).containsOnly(1));
            // every variant fulfilled in full: 2 tees in the first fulfillment, 3 mugs in the second
            assertThat(spresso.getList("fulfillments.fulfilledVariants.fulfilledQuantity.flatten()", Integer.class))
                    .containsExactly(2, 3);
        }
    }

    @Test
    void theSameWebhookDeliveredThreeTimesGivesOneSpodOrder() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, ONE_FULFILLMENT, 3);
        assertThat(order.deliveryStatuses()).containsExactly(200, 200, 200);

        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(order.hubFulfillmentIds()));
    }

    /**
     * Ingest's memory of accepted deliveries stops a vendor's retry before the broker. A duplicate that
     * gets past it (a producer retry, a relay re-run, a replay) is each consumer's inbox's to stop: every
     * record of a shipped order is published again, twice, with its own {@code ce_id}, on the inbound,
     * facts and both command topics. SPOD hears nothing more, the order's history does not move, and
     * Spresso hears only repeats of what it already has (storefront commands are not deduped).
     */
    @Test
    void theSameRecordsPublishedAgainOnEveryTopicChangeNothing() throws Exception {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, TWO_FULFILLMENTS, 1);
        Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(order.hubFulfillmentIds()));
        order.hubFulfillmentIds().forEach(fulfillment -> sandbox.advanceSpodOrder(fulfillment, "sent"));
        Ledger.awaitExactlyOnce("Spresso shipments", FLOW, () -> sandbox.spressoShipmentLedger(order.fulfillmentIds()));
        await().atMost(FLOW).untilAsserted(() -> assertThat(hubOrder(order).getList("fulfillments.status", String.class))
                .containsOnly("SHIPPED"));

        Map<String, String> groups = Map.of(
                Topics.INBOUND, "storefront-connector",
                Topics.FACTS, "orchestrator",
                Topics.COMMANDS_SPOD, "spod-connector",
                Topics.COMMANDS_STOREFRONT, "storefront-connector");
        List<ConsumerRecord<String, byte[]>> originals = new ArrayList<>();
        for (String topic : groups.keySet()) {
            List<ConsumerRecord<String, byte[]>> records = broker.records(topic, order.hubOrderId());
            assertThat(records).as("records of %s on %s", order.hubOrderId(), topic).isNotEmpty();
            originals.addAll(records);
        }
        JsonPath before = hubOrder(order);
        long lastCallBefore = sandbox.latestCallSequence();

        List<Broker.Position> copies = broker.publishAgain(originals, 2);

        // each consumer has read past the copies...
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, String> topicAndGroup : groups.entrySet()) {
                assertThat(broker.committedPast(topicAndGroup.getValue(), topicAndGroup.getKey(), copies))
                        .as("%s read past the copies on %s", topicAndGroup.getValue(), topicAndGroup.getKey()).isTrue();
            }
        });
        // ...and for a quiet period after, no vendor heard of the order again and its history did not move
        Ledger.throughQuietPeriod("nothing happened again")
                .untilAsserted(() -> assertNothingHappenedAgain(order, lastCallBefore, before));
        assertNothingHappenedAgain(order, lastCallBefore, before);
        assertThat(broker.deadLetters(List.of(order.hubOrderId()))).as("dead letters").isEmpty();
    }

    /**
     * Two deliveries of the same webhook at the same moment can both pass ingest's memory of accepted
     * deliveries (neither is accepted yet when the other looks), so both reach the broker: the inboxes
     * must make them one order. When ingest happened to stop the second, the test publishes the one
     * ingest published once more, at once, so a duplicate reaches the consumers in every run.
     */
    @Test
    void twoIdenticalWebhooksAtOnceGiveOneSpodOrder() throws Exception {
        // the sandbox makes the order but does not send its webhook: the test sends it, twice at once
        sandbox.startFault(Map.of("vendor", "spresso", "kind", "drop-webhooks", "count", 1));
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, TWO_FULFILLMENTS, 1);
        assertThat(order.deliveryStatuses()).containsExactly((Integer) null);
        byte[] body = SpressoWebhook.orderFulfillable(order);
        HttpRequest delivery = HttpRequest.newBuilder(URI.create(hub.url(HubService.INGEST) + "/webhooks/spresso"))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Spresso-Webhooks/1.0 (system test)")
                .header(SpressoWebhook.SIGNATURE_HEADER, SpressoWebhook.sign(body, SystemStack.secrets().spressoClientSecret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(delivery, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(delivery, HttpResponse.BodyHandlers.ofString());
        assertThat(List.of(first.get().statusCode(), second.get().statusCode())).containsOnly(200);

        String webhookId = MessageIds.derive("spresso", order.eventId());
        List<ConsumerRecord<String, byte[]>> byIngest = broker.records(Topics.INBOUND, order.hubOrderId()).stream()
                .filter(record -> webhookId.equals(Broker.ceId(record))).toList();
        assertThat(byIngest).as("the webhook on %s", Topics.INBOUND).isNotEmpty();
        List<Broker.Position> onTheBroker = new ArrayList<>(byIngest.stream().map(Broker.Position::of).toList());
        if (byIngest.size() < 2) {
            onTheBroker.addAll(broker.publishAgain(byIngest, 2 - byIngest.size()));
        }
        System.out.printf("two identical webhooks at once: %d of 2 published by ingest, %d more straight onto %s%n",
                byIngest.size(), onTheBroker.size() - byIngest.size(), Topics.INBOUND);

        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).until(
                () -> broker.committedPast("storefront-connector", Topics.INBOUND, onTheBroker));
        Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(order.hubFulfillmentIds()));
        assertThat(hubOrder(order).getList("timeline.note", String.class)).as("the order's timeline")
                .noneMatch(note -> note != null && note.contains("repeated"));
        assertThat(broker.deadLetters(List.of(order.hubOrderId()))).as("dead letters").isEmpty();
    }

    @Test
    void aCancellationBeforeProductionCancelsAtSpod() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, ONE_FULFILLMENT, 1);
        String fulfillment = order.hubFulfillmentId(0);
        Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));

        sandbox.cancelOrder(order.orderId());

        Ledger.awaitExactlyOnce("SPOD cancellations", FLOW, () -> Map.of(fulfillment,
                sandbox.spodCancelCalls(fulfillment).stream().filter(Sandbox.VendorCall::accepted).count()));
        assertThat(sandbox.spodOrderStates().get(fulfillment)).isEqualTo("canceled");
    }

    /**
     * The storefront cancels after SPOD sent the order but before the hub has heard (its poll is held):
     * the hub asks SPOD, SPOD refuses, and the refusal is on the order's timeline.
     */
    @Test
    void aCancellationThatMeetsAnOrderSpodHasSentIsAskedOfSpodAndRefused() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, ONE_FULFILLMENT, 1);
        String fulfillment = order.hubFulfillmentId(0);
        Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        // SPOD's list (the poll) gets no answer, so the hub does not learn that SPOD sent the order
        Sandbox.Fault blindPoll = sandbox.startFault(Map.of("vendor", "spod", "kind", "freeze",
                "method", "GET", "path", "/spod/orders", "durationMs", 180_000));
        sandbox.advanceSpodOrder(fulfillment, "sent");

        sandbox.cancelOrder(order.orderId());

        await().atMost(FLOW).untilAsserted(() -> assertThat(sandbox.spodCancelCalls(fulfillment))
                .as("cancellations asked of SPOD").isNotEmpty());
        sandbox.endFault(blindPoll);
        await().atMost(FLOW).untilAsserted(() -> {
            JsonPath hubOrder = hubOrder(order);
            assertThat(hubOrder.getList("timeline.findAll { it.cause.type == '"
                    + MessageTypes.FULFILLMENT_CANCELLATION_REJECTED.ceType() + "' && it.fulfillmentId == '" + fulfillment
                    + "' }.note", String.class)).singleElement().asString().contains("cancellation rejected by");
            assertThat(hubOrder.getString("fulfillments[0].status")).isEqualTo("SHIPPED");
        });
        Ledger.awaitExactlyOnce("SPOD cancellations refused", FLOW, () -> Map.of(fulfillment,
                sandbox.spodCancelCalls(fulfillment).stream()
                        .filter(call -> call.reachedVendor() && Integer.valueOf(400).equals(call.status())).count()));
        assertThat(sandbox.spodCancelCalls(fulfillment)).as("every cancellation asked of SPOD was refused")
                .allSatisfy(call -> assertThat(call.accepted()).isFalse());
        assertThat(sandbox.spodOrderStates().get(fulfillment)).isEqualTo("sent");
    }

    /** Once the hub knows SPOD sent the order, a cancellation is refused by the hub itself and SPOD is not asked. */
    @Test
    void aCancellationAfterTheHubKnowsSpodSentTheOrderIsNotAskedOfSpod() {
        Sandbox.PlacedOrder order = sandbox.placeOrder(TWO_PRODUCTS, ONE_FULFILLMENT, 1);
        String fulfillment = order.hubFulfillmentId(0);
        Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(List.of(fulfillment)));
        sandbox.advanceSpodOrder(fulfillment, "sent");
        await().atMost(FLOW).untilAsserted(() -> assertThat(hubOrder(order).getString("fulfillments[0].status"))
                .isEqualTo("SHIPPED"));

        sandbox.cancelOrder(order.orderId());

        await().atMost(FLOW).untilAsserted(() -> assertThat(hubOrder(order).getList(
                "timeline.findAll { it.cause.type == '" + MessageTypes.ORDER_CANCELLED_AT_SOURCE.ceType()
                        + "' && it.fulfillmentId == '" + fulfillment + "' }.note", String.class))
                .singleElement().asString().contains("not cancelled"));
        Ledger.throughQuietPeriod("SPOD not asked").untilAsserted(() -> {
            assertThat(sandbox.spodCancelCalls(fulfillment)).as("cancellations asked of SPOD").isEmpty();
            assertThat(hubOrder(order).getString("fulfillments[0].status")).isEqualTo("SHIPPED");
        });
        assertThat(sandbox.spodOrderStates().get(fulfillment)).isEqualTo("sent");
    }

    @Test
    void theSpodConnectorKilledMidBatchLosesAndDuplicatesNothing() throws Exception {
        List<Sandbox.PlacedOrder> orders = new ArrayList<>();
        Instant killed = null;
        for (int i = 0; i < 10; i++) {
            orders.add(sandbox.placeOrder(TWO_PRODUCTS, TWO_FULFILLMENTS, 1));
            if (i == 3) {
                hub.kill(HubService.SPOD_CONNECTOR);
                killed = Instant.now();
            }
        }
        hub.restart(HubService.SPOD_CONNECTOR);
        Instant ready = Instant.now();
        List<String> fulfillments = orders.stream().flatMap(order -> order.hubFulfillmentIds().stream()).toList();
        List<String> hubOrderIds = orders.stream().map(Sandbox.PlacedOrder::hubOrderId).toList();

        try {
            // a submit cut off by the kill may be sent again: SPOD answers "already exists", which is no second order
            Instant reached = Ledger.awaitReached("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(fulfillments));
            Ledger.awaitExactlyOnce("SPOD orders", FLOW, () -> sandbox.spodAcceptedSubmissions(fulfillments));
            report(orders, fulfillments, killed, ready, reached);
        } catch (AssertionError | RuntimeException e) {
            report(orders, fulfillments, killed, ready, null);
            throw e;
        }
        // and the hub knows each fulfillment as submitted exactly once
        for (Sandbox.PlacedOrder order : orders) {
            await().atMost(FLOW).untilAsserted(() -> {
                JsonPath hubOrder = hubOrder(order);
                for (String fulfillment : order.hubFulfillmentIds()) {
                    assertThat(hubOrder.getInt("timeline.findAll { it.cause.type == '"
                            + MessageTypes.FULFILLMENT_SUBMITTED.ceType() + "' && it.fulfillmentId == '" + fulfillment
                            + "' }.size()")).as("submitted of %s", fulfillment).isEqualTo(1);
                }
            });
        }
        assertThat(broker.deadLetters(hubOrderIds)).as("dead letters").isEmpty();
    }

    private static void report(List<Sandbox.PlacedOrder> orders, List<String> fulfillments, Instant killed, Instant ready,
            Instant reached) {
        Map<String, Long> atSpod = sandbox.spodAcceptedSubmissions(fulfillments);
        long deadLetters = broker.deadLetters(orders.stream().map(Sandbox.PlacedOrder::hubOrderId).toList()).size();
        FaultRunReport.append("SIGKILL", "spod-connector killed (SIGKILL) after the 4th of 10 orders, restarted",
                FaultRunReport.between(killed, ready), orders.size(), fulfillments.size(), Ledger.exactlyOnce(atSpod), null,
                Ledger.duplicates(atSpod), null, deadLetters, reached == null ? null : FaultRunReport.between(ready, reached));
    }

    private static void assertNothingHappenedAgain(Sandbox.PlacedOrder order, long lastCallBefore, JsonPath before) {
        List<Sandbox.VendorCall> spodCallsAfter = sandbox.calls("spod").stream()
                .filter(call -> call.sequence() > lastCallBefore)
                .filter(call -> order.hubFulfillmentIds().stream()
                        .anyMatch(fulfillment -> call.isSubmitOf(fulfillment) || call.path().contains(fulfillment)))
                .toList();
        assertThat(spodCallsAfter).as("SPOD calls for the order after the copies").isEmpty();

        // storefront-connector keeps no inbox for its commands (its README: Spresso's calls are safe to repeat; a
        // shipment already sent as shipped is skipped), so a copied status command calls Spresso again, but only
        // ever with what Spresso already accepted
        List<Sandbox.VendorCall> spressoCalls = sandbox.calls("spresso").stream()
                .filter(call -> order.fulfillmentIds().stream().anyMatch(call.path()::contains))
                .toList();
        List<Sandbox.VendorCall> acceptedBefore = spressoCalls.stream()
                .filter(call -> call.sequence() <= lastCallBefore && call.accepted()).toList();
        assertThat(spressoCalls.stream().filter(call -> call.sequence() > lastCallBefore))
                .as("Spresso calls for the order after the copies")
                .allSatisfy(call -> assertThat(acceptedBefore).as("accepted before the copies")
                        .anyMatch(earlier -> earlier.method().equals(call.method()) && earlier.path().equals(call.path())
                                && java.util.Objects.equals(earlier.json(), call.json())));
        JsonPath spresso = sandbox.spressoOrder(order.orderId());
        assertThat(spresso.getList("fulfillments.status", String.class)).containsOnly("in_transit");
        assertThat(spresso.getList("fulfillments.shipments", List.class)).allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(spresso.getList("fulfillments.shipments.shippedEmails", List.class))
                .as("shipped e-mails per shipment, the copied AddShipment included")
                .allSatisfy(emails -> assertThat(emails).containsOnly(1));

        JsonPath after = hubOrder(order);
        assertThat(after.getLong("version")).as("the order's version").isEqualTo(before.getLong("version"));
        assertThat(after.getList("timeline")).as("the order's timeline").isEqualTo(before.getList("timeline"));
    }

    private static JsonPath hubOrder(Sandbox.PlacedOrder order) {
        return operations().get("/orders/{id}", order.hubOrderId()).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification operations() {
        return RestAssured.given().baseUri(hub.url(HubService.ORCHESTRATOR)).auth().oauth2(hub.operations().operatorToken());
    }
}
