package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.sendAll;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.FactFixtures.Sent;
import io.fulfillmenthub.orchestrator.messaging.FactConsumer;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import io.fulfillmenthub.testing.TopicWriter;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Facts arriving in bursts, so that one poll holds many of them: one transaction per batch, every guarantee kept. */
@QuarkusTest
class FactBatchTest {

    private static final Logger LOG = Logger.getLogger(FactBatchTest.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    static OrderPlaced twoFulfillments(String order) {
        return orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 1), line("var-2", "MUG-WHT", 2)),
                List.of(fulfillment("f-1", quantity("var-1", 1)), fulfillment("f-2", quantity("var-2", 2))));
    }

    @Test
    void manyOrdersPlacedInABurstAreAllStoredAndEachFulfillmentIsSubmittedExactlyOnce() {
        int count = 1000;
        List<String> orders = IntStream.range(0, count).mapToObj(i -> FactFixtures.newOrderId()).toList();

        long started = System.nanoTime();
        sendAll(kafka, orders.stream().map(order -> new Sent(twoFulfillments(order))).toList());
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> ordersIn(orders, "IN_FULFILLMENT") == count);
        long stored = System.nanoTime();

        Set<String> ours = Set.copyOf(orders);
        try (TopicReader reader = new TopicReader(kafka, Topics.COMMANDS_SPOD)) {
            Function<List<ConsumerRecord<String, byte[]>>, Map<String, Long>> submitsPerFulfillment = records -> records
                    .stream()
                    .filter(r -> ours.contains(r.key())
                            && MessageTypes.SUBMIT_PRINT_ORDER.ceType().equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                    .map(r -> HubJson.read(r.value(), SubmitPrintOrder.class).fulfillmentId())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> submitsPerFulfillment.apply(reader.poll()).size() == 2 * count);
            long published = System.nanoTime();
            LOG.infof("rough figure (tests run PostgreSQL without fsync): %d OrderPlaced facts stored in %d ms (%.0f/s), "
                    + "their %d SubmitPrintOrder commands published after %d ms (%.0f facts/s)", count,
                    (stored - started) / 1_000_000, count * 1e9 / (stored - started), 2 * count,
                    (published - started) / 1_000_000, count * 1e9 / (published - started));

            Map<String, Long> submits = submitsPerFulfillment.apply(reader.poll());
            assertThat(submits).hasSize(2 * count);
            assertThat(submits.values()).containsOnly(1L);
            assertThat(submits.keySet()).contains(orders.get(0) + ":f-1", orders.get(count - 1) + ":f-2");
        }
    }

    @Test
    void wholeLivesOfManyOrdersInOneBurstAreAppliedInOrderEachFactOnTheStateTheOneBeforeLeft() {
        List<String> orders = IntStream.range(0, 60).mapToObj(i -> FactFixtures.newOrderId()).toList();
        List<List<Sent>> lives = orders.stream().map(order -> {
            String f1 = order + ":f-1";
            String f2 = order + ":f-2";
            return List.of(new Sent(twoFulfillments(order)),
                    new Sent(new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-a-" + order, AT)),
                    new Sent(new FulfillmentSubmitted(order, f2, Fulfiller.SPOD, "spod-b-" + order, AT)),
                    new Sent(new FulfillmentAccepted(order, f1, Fulfiller.SPOD, null, "accepted", AT)),
                    new Sent(new ShipmentDispatched(order, f1, Fulfiller.SPOD, "ups", "1Z" + order.hashCode(), null,
                            List.of(quantity("var-1", 1)), AT)),
                    new Sent(new FulfillmentShipped(order, f1, Fulfiller.SPOD, AT)),
                    new Sent(new ShipmentDispatched(order, f2, Fulfiller.SPOD, "dhl", "JD1" + order.hashCode(), null,
                            List.of(quantity("var-2", 1)), AT)),
                    new Sent(new ShipmentDispatched(order, f2, Fulfiller.SPOD, "dhl", "JD2" + order.hashCode(), null,
                            List.of(quantity("var-2", 1)), AT)),
                    new Sent(new FulfillmentShipped(order, f2, Fulfiller.SPOD, AT)),
                    new Sent(new FulfillmentDelivered(order, f1, Fulfiller.SPOD, AT)),
                    new Sent(new FulfillmentDelivered(order, f2, Fulfiller.SPOD, AT)));
        }).toList();
        // interleaved, so that a poll holds several facts of many orders
        List<Sent> burst = new ArrayList<>();
        for (int step = 0; step < lives.get(0).size(); step++) {
            for (List<Sent> life : lives) {
                burst.add(life.get(step));
            }
        }
        sendAll(kafka, burst);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ordersIn(orders, "COMPLETED") == orders.size());
        for (String order : List.of(orders.get(0), orders.get(orders.size() - 1))) {
            var view = given().get("/orders/{id}", order).then().statusCode(200).extract().jsonPath();
            assertThat(view.getList("fulfillments.status", String.class)).containsOnly("DELIVERED");
            assertThat(view.getList("fulfillments.vendorReference", String.class))
                    .containsExactlyInAnyOrder("spod-a-" + order, "spod-b-" + order);
            assertThat(view.getList("fulfillments.lines.flatten().shipped", Integer.class)).containsExactlyInAnyOrder(1, 2);
            assertThat(view.getList("shipments.carrier", String.class)).containsExactlyInAnyOrder("ups", "dhl", "dhl");
            assertThat(view.getList("timeline.note", String.class)).noneMatch(note -> note.startsWith("refused"));
            assertThat(view.getList("timeline.cause.id", String.class)).containsAll(
                    lives.get(orders.indexOf(order)).stream().map(Sent::ceId).toList());
        }
    }

    @Test
    void aFactRepeatedInsideOneBurstIsAppliedOnce() {
        String order = FactFixtures.newOrderId();
        OrderPlaced placed = twoFulfillments(order);
        Sent first = new Sent(placed);
        Sent storefrontAgain = new Sent(placed);
        sendAll(kafka, List.of(first, first, first, storefrontAgain, first,
                new Sent(new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), null, AT))));

        List<SubmitPrintOrder> submits = FactFixtures.allBefore(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order,
                MessageTypes.CANCEL_PRINT_ORDER);
        assertThat(submits).extracting(SubmitPrintOrder::fulfillmentId).containsExactlyInAnyOrder(order + ":f-1",
                order + ":f-2");
        List<String> causes = given().get("/orders/{id}", order).then().statusCode(200)
                .extract().jsonPath().getList("timeline.cause.id", String.class);
        // received, two fulfillments routed, in fulfillment: once; the storefront's repeat noted once
        assertThat(causes.stream().filter(first.ceId()::equals)).hasSize(4);
        assertThat(causes.stream().filter(storefrontAgain.ceId()::equals)).hasSize(1);
    }

    @Test
    void onePoisonFactInABurstGoesAloneToTheDeadLetterTopicAndTheOthersAreApplied() throws Exception {
        List<String> orders = IntStream.range(0, 40).mapToObj(i -> FactFixtures.newOrderId()).toList();
        String neverReceived = FactFixtures.newOrderId();
        List<Sent> burst = new ArrayList<>(orders.stream().map(order -> new Sent(twoFulfillments(order))).toList());
        Sent poison = new Sent(new FulfillmentSubmitted(neverReceived, neverReceived + ":f-1", Fulfiller.SPOD, "spod-1",
                AT));
        burst.add(burst.size() / 2, poison);
        sendAll(kafka, burst);
        Map<TopicPartition, Long> sentUpTo = FactFixtures.endOffsets(kafka, Topics.FACTS);

        Set<String> burstIds = burst.stream().map(Sent::ceId).collect(Collectors.toSet());
        try (TopicReader deadLetters = new TopicReader(kafka, Topics.deadLetter(Topics.FACTS, FactConsumer.CONSUMER))) {
            var dead = deadLetters.await(r -> poison.ceId().equals(TopicReader.header(r, CloudEventHeaders.ID)),
                    Duration.ofSeconds(60));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("no order " + neverReceived);
            assertThat(TopicReader.header(dead, "hub-dead-letter-kind")).as("failed the same way, attempt after attempt")
                    .isEqualTo("poison");

            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ordersIn(orders, "IN_FULFILLMENT") == orders.size());
            assertThat(deadLetters.poll()).filteredOn(r -> burstIds.contains(TopicReader.header(r, CloudEventHeaders.ID)))
                    .extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(poison.ceId());
        }
        // acked and nacked alike: the group's committed offsets move past the whole burst
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<TopicPartition, Long> committed = committedOffsets(FactConsumer.CONSUMER);
            sentUpTo.forEach((partition, end) -> assertThat(committed.getOrDefault(partition, 0L))
                    .as("committed offset of %s", partition).isGreaterThanOrEqualTo(end));
        });
    }

    @Test
    void anUnreadableFactHoldsItsOrderSoItsLaterFactsWaitWhileOtherOrdersFlow() {
        String held = FactFixtures.newOrderId();
        String flowing = FactFixtures.newOrderId();
        sendAll(kafka, List.of(new Sent(twoFulfillments(held)), new Sent(twoFulfillments(flowing))));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> ordersIn(List.of(held, flowing), "IN_FULFILLMENT") == 2);

        String unreadable = UUID.randomUUID().toString();
        try (TopicWriter writer = new TopicWriter(kafka)) {
            writer.send(Topics.FACTS, held, Map.of(
                    CloudEventHeaders.SPEC_VERSION, "1.0",
                    CloudEventHeaders.ID, unreadable,
                    CloudEventHeaders.TYPE, MessageTypes.FULFILLMENT_SUBMITTED.ceType(),
                    CloudEventHeaders.SOURCE, "/test-connector",
                    CloudEventHeaders.SUBJECT, held), "{\"hubOrderId\": \"%s\"}".formatted(held).getBytes(StandardCharsets.UTF_8));
        }
        Sent heldBehind = new Sent(new FulfillmentSubmitted(held, held + ":f-1", Fulfiller.SPOD, "spod-1", AT));
        Sent flows = new Sent(new FulfillmentSubmitted(flowing, flowing + ":f-1", Fulfiller.SPOD, "spod-2", AT));
        sendAll(kafka, List.of(heldBehind, flows));

        try (TopicReader deadLetters = new TopicReader(kafka, Topics.deadLetter(Topics.FACTS, FactConsumer.CONSUMER))) {
            deadLetters.await(r -> heldBehind.ceId().equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> ours = deadLetters.poll().stream().filter(r -> held.equals(r.key())).toList();
            assertThat(ours).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(unreadable, heldBehind.ceId());
            assertThat(ours).extracting(r -> TopicReader.header(r, "hub-dead-letter-kind")).containsExactly("contract", "held");
            assertThat(TopicReader.header(ours.get(1), "hub-held-by")).isEqualTo(unreadable);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().get("/orders/{id}", flowing)
                .then().statusCode(200).extract().jsonPath().getList("timeline.cause.id", String.class)).contains(flows.ceId()));
        assertThat(given().get("/orders/{id}", held).then().statusCode(200).extract().jsonPath()
                .getList("timeline.cause.id", String.class)).doesNotContain(heldBehind.ceId());
    }

    private long ordersIn(List<String> orders, String status) {
        var rows = database.preparedQuery("SELECT count(*) AS n FROM orders WHERE hub_order_id = ANY($1) AND status = $2")
                .execute(Tuple.of(orders.toArray(new String[0]), status)).await().atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong("n");
    }

    private Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }
}
