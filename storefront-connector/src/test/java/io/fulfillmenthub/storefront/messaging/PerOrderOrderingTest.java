package io.fulfillmenthub.storefront.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Command;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus.Status;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.storefront.InjectSpresso;
import io.fulfillmenthub.storefront.spresso.SpressoFixtures;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Records of many orders are worked on at the same time, yet each order's records take effect in the
 * order they were published. A record that cannot be processed goes to the dead-letter topic and holds its
 * order: that order's later records follow it there, marked as held, while the other orders flow.
 */
@QuarkusTest
class PerOrderOrderingTest {

    private static final int ORDERS = 40;

    @InjectSpresso
    WireMockServer spresso;

    @Inject
    HubPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachOrdersCommandsReachSpressoInTheirOrderWhileOrdersRunTogetherAndAPoisonedOrderWaits() {
        String run = "o" + UUID.randomUUID();
        // answers take a varying time, so concurrent orders overtake each other
        spresso.stubFor(put(urlPathMatching("/spresso/v1/fulfillments/" + run + "-.*"))
                .willReturn(aResponse().withStatus(200).withUniformRandomDelay(1, 40)));
        List<String> paths = new ArrayList<>();
        for (int order = 0; order < ORDERS; order++) {
            paths.add("/spresso/v1/fulfillments/" + run + "-" + order);
        }
        // the poison command sits between two good ones of order 0
        String poison = null;
        List<String> heldBehindPoison = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            for (int order = 0; order < ORDERS; order++) {
                String sent = send(new UpdateStorefrontFulfillmentStatus("spresso:" + run + "-" + order, Storefront.SPRESSO, "6114", run + "-" + order,
                        step == 2 ? Status.DELIVERED : Status.IN_TRANSIT, List.of(new LineQuantity("var-" + step, 1))));
                if (order == 0 && step > 0) {
                    heldBehindPoison.add(sent);
                }
                if (step == 0 && order == 0) {
                    poison = sendUnknownCommand("spresso:" + run + "-0");
                }
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> callsTo(paths).values().stream().mapToInt(List::size).sum() == 3 * ORDERS - 2);
        Map<String, List<String>> calls = callsTo(paths);
        assertThat(calls.get(paths.get(0))).as("the poisoned order stops at the poison").hasSize(1);
        assertThat(calls.get(paths.get(0)).get(0)).contains("var-0");
        for (String path : paths.subList(1, ORDERS)) {
            assertThat(calls.get(path)).as(path).hasSize(3);
            assertThat(calls.get(path).get(0)).contains("var-0");
            assertThat(calls.get(path).get(1)).contains("var-1");
            assertThat(calls.get(path).get(2)).contains("delivered");
        }
        String poisonId = poison;
        try (TopicReader deadLetters = new TopicReader(bootstrapServers,
                Topics.deadLetter(Topics.COMMANDS_STOREFRONT, "storefront-connector"))) {
            String lastHeld = heldBehindPoison.get(1);
            deadLetters.await(r -> lastHeld.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> ours = deadLetters.poll().stream()
                    .filter(r -> r.key() != null && r.key().startsWith("spresso:" + run)).toList();
            assertThat(ours).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID))
                    .containsExactly(poisonId, heldBehindPoison.get(0), heldBehindPoison.get(1));
            assertThat(ours).extracting(r -> TopicReader.header(r, "hub-dead-letter-kind")).containsExactly("contract", "held", "held");
            assertThat(ours.subList(1, 3)).allSatisfy(r -> assertThat(TopicReader.header(r, "hub-held-by")).isEqualTo(poisonId));
        }
    }

    @Test
    void eachOrdersWebhooksBecomeFactsInTheirOrderAndABadOneHoldsItsOrderInTheDeadLetterTopic() {
        String run = UUID.randomUUID().toString();
        List<String> orders = IntStream.range(0, ORDERS).mapToObj(order -> run + "-" + order).toList();
        String poison = MessageIds.derive("spresso", "evt-bad-" + run);
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            for (String order : orders) {
                publishWebhook(writer, MessageIds.derive("spresso", "evt-" + order), order,
                        SpressoFixtures.withOrderId(SpressoFixtures.ORDER_FULFILLABLE, order));
            }
            publishWebhook(writer, poison, orders.get(0), "{\"event\": \"order_fulfillable\"}".getBytes());
            for (String order : orders) {
                publishWebhook(writer, MessageIds.derive("spresso", "evt-cancel-" + order), order,
                        SpressoFixtures.withOrderId(SpressoFixtures.ORDER_CANCELLED, order));
            }
        }

        Set<String> keys = orders.stream().map(order -> "spresso:" + order).collect(Collectors.toSet());
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            List<ConsumerRecord<String, byte[]>> ours = Awaitility.await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> facts.poll().stream().filter(r -> keys.contains(r.key())).toList(),
                            found -> found.size() == 2 * ORDERS - 1);
            Map<String, List<String>> typesByOrder = ours.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> TopicReader.header(r, CloudEventHeaders.TYPE), Collectors.toList())));
            String poisoned = "spresso:" + orders.get(0);
            assertThat(typesByOrder.get(poisoned)).containsExactly(MessageTypes.ORDER_PLACED.ceType());
            assertThat(typesByOrder).hasSize(ORDERS).allSatisfy((order, types) -> assertThat(types).containsExactly(
                    order.equals(poisoned) ? new String[] {MessageTypes.ORDER_PLACED.ceType()}
                            : new String[] {MessageTypes.ORDER_PLACED.ceType(), MessageTypes.ORDER_CANCELLED_AT_SOURCE.ceType()}));
        }
        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.deadLetter(Topics.INBOUND, "storefront-connector"))) {
            String heldCancel = MessageIds.derive("spresso", "evt-cancel-" + orders.get(0));
            deadLetters.await(r -> heldCancel.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> ours = deadLetters.poll().stream().filter(r -> keys.contains(r.key())).toList();
            assertThat(ours).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(poison, heldCancel);
            assertThat(TopicReader.header(ours.get(0), "hub-dead-letter-kind")).isEqualTo("contract");
            assertThat(TopicReader.header(ours.get(0), "dead-letter-reason")).contains("createdAt is required");
            assertThat(TopicReader.header(ours.get(1), "hub-dead-letter-kind")).isEqualTo("held");
        }
    }

    /** The bodies Spresso received per path, in the order it received them. */
    private Map<String, List<String>> callsTo(List<String> paths) {
        List<ServeEvent> newestFirst = spresso.getAllServeEvents();
        List<ServeEvent> events = new ArrayList<>(newestFirst);
        Collections.reverse(events);
        return events.stream().filter(event -> paths.contains(event.getRequest().getUrl()))
                .collect(Collectors.groupingBy(event -> event.getRequest().getUrl(),
                        Collectors.mapping(event -> event.getRequest().getBodyAsString(), Collectors.toList())));
    }

    /** Publishes a command as the orchestrator does, and returns its ce_id. */
    private String send(Command command) {
        String id = UUID.randomUUID().toString();
        publisher.publish(new Envelope<>(id, URI.create("/orchestrator"), Instant.now(), command)).await().atMost(Duration.ofSeconds(30));
        return id;
    }

    /** A command of a type this connector was not built for: a contract violation, dead-lettered at once. */
    private String sendUnknownCommand(String order) {
        String id = UUID.randomUUID().toString();
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.COMMANDS_STOREFRONT, order, Map.of(
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.ID, id,
                    CloudEventHeaders.TYPE, "hub.command.refund-order.v1",
                    CloudEventHeaders.SOURCE, "/orchestrator",
                    CloudEventHeaders.SUBJECT, order,
                    CloudEventHeaders.TIME, Instant.now().toString(),
                    CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON), "{}".getBytes());
        }
        return id;
    }

    private static void publishWebhook(TopicWriter writer, String inboundId, String orderId, byte[] body) {
        writer.send(Topics.INBOUND, "spresso:" + orderId, Map.of(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.ID, inboundId,
                CloudEventHeaders.TYPE, InboundTypes.SPRESSO_WEBHOOK,
                CloudEventHeaders.SOURCE, "/ingest/spresso",
                CloudEventHeaders.SUBJECT, "spresso:" + orderId,
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON), body);
    }
}
