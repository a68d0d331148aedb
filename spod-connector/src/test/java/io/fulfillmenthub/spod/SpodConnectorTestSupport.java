package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Command;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.TopicWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the component tests share: commands in as the orchestrator writes them, facts out as a consumer reads them. */
abstract class SpodConnectorTestSupport {

    @SpodSimulator.InjectSpod
    WireMockServer spod;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String newHubOrderId() {
        return "spresso:" + UUID.randomUUID();
    }

    /** Two lines of two products, a design on front and back of the first. */
    static SubmitPrintOrder submitPrintOrder(String hubOrderId, String fulfillmentId) {
        return new SubmitPrintOrder(hubOrderId, fulfillmentId, "USD", List.of(
                new SubmitPrintOrder.Item("line-1", "812-4-2", 2, new BigDecimal("19.00"), List.of(
                        new SubmitPrintOrder.Design("front", "center-top", "https://cdn.example.com/fox.png"),
                        new SubmitPrintOrder.Design("back", null, "https://cdn.example.com/dog.png"))),
                new SubmitPrintOrder.Item("line-2", "812-4-3", 1, new BigDecimal("21.5"), List.of(
                        new SubmitPrintOrder.Design("front", "center", "https://cdn.example.com/owl.png")))),
                new SubmitPrintOrder.Shipping("standard", new BigDecimal("3.99"), new Address("Ada", "Lovelace", "Analytical Ltd",
                        "12 Crescent Road", "Flat 3", "London", "NW1 4NP", null, "GB", "+44 20 0000")));
    }

    /** Writes a command to fulfillment.commands.spod.v1 with its ce_* headers, keyed by the hub order id. */
    void send(String commandId, Command command) {
        send(commandId, command, "/orchestrator");
    }

    /** As {@link #send(String, Command)}, from the given {@code ce_source}. */
    void send(String commandId, Command command, String source) {
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.COMMANDS_SPOD, command.hubOrderId(), Map.of(
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.ID, commandId,
                    CloudEventHeaders.TYPE, MessageTypes.of(command).ceType(),
                    CloudEventHeaders.SOURCE, source,
                    CloudEventHeaders.SUBJECT, command.hubOrderId(),
                    CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON),
                    HubJson.write(command));
        }
    }

    /** Waits for the fact answering a command, by the id it must have. */
    ConsumerRecord<String, byte[]> awaitFact(String commandId, String factName) {
        String id = MessageIds.derive(commandId, factName);
        return awaitFactWithId(id);
    }

    ConsumerRecord<String, byte[]> awaitFactWithId(String id) {
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            return facts.await(record -> id.equals(TopicReader.header(record, CloudEventHeaders.ID)), Duration.ofSeconds(60));
        }
    }

    /** Every fact published so far about a hub order, read to the end of the topic. */
    List<ConsumerRecord<String, byte[]>> factsAbout(String hubOrderId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FACTS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(Topics.FACTS, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream().filter(record -> hubOrderId.equals(record.key())).collect(Collectors.toList());
        }
    }

    static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return HubJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return TopicReader.header(record, CloudEventHeaders.TYPE);
    }

    static <T> T data(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return HubJson.read(record.value(), type);
    }

    /** The path of one SPOD order, as the connector sends it: the slash of the fulfillment id encoded. */
    static String orderPath(String fulfillmentId) {
        return "/spod/orders/" + fulfillmentId.replace("/", "%2F");
    }

    /** The submits of one fulfillment, oldest first. */
    List<LoggedRequest> submitsOf(String fulfillmentId) {
        return spod.findAll(postRequestedFor(urlPathEqualTo("/spod/orders"))).stream()
                .filter(request -> request.getBodyAsString().contains("\"" + fulfillmentId + "\""))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }
}
