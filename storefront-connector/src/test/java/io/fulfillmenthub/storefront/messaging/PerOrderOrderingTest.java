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
 * order they were published, and a record that cannot be processed goes alone to the dead-letter topic.
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
    void eachOrdersCommandsReachSpressoInTheirOrderWhileOrdersRunTogether() {
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
        for (int step = 0; step < 3; step++) {
            for (int order = 0; order < ORDERS; order++) {
                send(new UpdateStorefrontFulfillmentStatus("spresso:" + run + "-" + order, Storefront.SPRESSO, "6114", run + "-" + order,
                        step == 2 ? Status.DELIVERED : Status.IN_TRANSIT, List.of(new LineQuantity("var-" + step, 1))));
                if (step == 0 && order == 0) {
                    poison = send(new UpdateStorefrontFulfillmentStatus("spresso:" + run + "-0", Storefront.SQUARESPACE, "6114", null,
                            Status.DELIVERED, List.of()));
                }
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> callsTo(paths).values().stream().mapToInt(List::size).sum() == 3 * ORDERS);
        Map<String, List<String>> calls = callsTo(paths);
        for (String path : paths) {
            assertThat(calls.get(path)).as(path).hasSize(3);
            assertThat(calls.get(path).get(0)).contains("var-0");
            assertThat(calls.get(path).get(1)).contains("var-1");
            assertThat(calls.get(path).get(2)).contains("delivered");
        }
        String poisonId = poison;
        try (TopicReader deadLetters = new TopicReader(bootstrapServers,
                Topics.deadLetter(Topics.COMMANDS_STOREFRONT, "storefront-connector"))) {
            deadLetters.await(r -> poisonId.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            assertThat(deadLetters.poll()).filteredOn(r -> r.key() != null && r.key().startsWith("spresso:" + run))
                    .extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(poisonId);
        }
    }

    @Test
    void eachOrdersWebhooksBecomeFactsInTheirOrderAndABadOneGoesAloneToTheDeadLetterTopic() {
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
                            found -> found.size() == 2 * ORDERS);
            Map<String, List<String>> typesByOrder = ours.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> TopicReader.header(r, CloudEventHeaders.TYPE), Collectors.toList())));
            assertThat(typesByOrder).hasSize(ORDERS).allSatisfy((order, types) -> assertThat(types).containsExactly(
                    MessageTypes.ORDER_PLACED.ceType(), MessageTypes.ORDER_CANCELLED_AT_SOURCE.ceType()));
        }
        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.deadLetter(Topics.INBOUND, "storefront-connector"))) {
            deadLetters.await(r -> poison.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            assertThat(deadLetters.poll()).filteredOn(r -> keys.contains(r.key()))
                    .extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(poison);
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
