package io.fulfillmenthub.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What every hub service promises, checked against the real broker and database: it is ready, it
 * exposes metrics (both on its management interface only, never on the public port), what it publishes reaches Kafka as a CloudEvent keyed by the hub order id through
 * an idempotent acks=all producer, and what it cannot process goes to its dead-letter topic instead
 * of being lost or stopping the consumer, as does what comes from a source it does not take a topic from
 * (a connector's commands from anyone but the orchestrator). A service's component test extends this with
 * {@code @QuarkusTest}.
 */
public abstract class HubServiceContract {

    @Inject
    protected HubPublisher publisher;

    @Inject
    KafkaClientService kafkaClients;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    /** Publishes one record the way this service does, and says what a consumer should find. */
    protected abstract Published publishOne();

    /** The topics this service consumes, with the dead-letter topic of each; empty for none. */
    protected abstract List<ConsumedTopic> consumedTopics();

    /** The readiness checks that must be present and UP, e.g. the database's. */
    protected List<String> readinessChecks() {
        return List.of();
    }

    @Test
    void isReadyWhenKafkaAndItsDatabaseAreUp() {
        var response = ManagementInterface.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String check : readinessChecks()) {
            response.body("checks.find { it.name == '" + check + "' }.status", equalTo("UP"));
        }
    }

    @Test
    void exposesPrometheusMetricsIncludingKafkaClients() {
        ManagementInterface.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_producer_"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void servesHealthAndMetricsOnlyOnTheManagementInterface() {
        assertThat(ManagementInterface.port()).as("the management port").isNotEqualTo(RestAssured.port);
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            assertThat(given().when().get(path).statusCode()).as("%s on the public port", path).isEqualTo(404);
        }
    }

    @Test
    void everyProducerWaitsForAllReplicasAndIsIdempotent() {
        assertThat(kafkaClients.getProducerChannels()).contains(HubPublisher.CHANNEL);
        for (String channel : kafkaClients.getProducerChannels()) {
            Map<String, ?> config = kafkaClients.getProducer(channel).configuration();
            assertThat(String.valueOf(config.get("acks"))).as("acks of %s", channel).isIn("all", "-1");
            assertThat(String.valueOf(config.get("enable.idempotence"))).as("idempotence of %s", channel).isEqualTo("true");
        }
    }

    @Test
    void publishesCloudEventsKeyedByTheHubOrderId() {
        Published published = publishOne();
        try (TopicReader reader = new TopicReader(bootstrapServers, published.topic())) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> published.id().equals(
                    TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(record.key()).isEqualTo(published.key());
            assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(published.type());
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo(published.source());
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(published.subject());
            assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).isNotBlank();
            assertThat(TopicReader.header(record, CloudEventHeaders.CONTENT_TYPE)).startsWith("application/json");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(published.data());
        }
    }

    @Test
    void aRecordItCannotProcessGoesToTheDeadLetterTopic() {
        for (ConsumedTopic consumed : consumedTopics()) {
            String source = consumed.trustedSource() != null ? consumed.trustedSource() : "/contract-test";
            ConsumerRecord<String, byte[]> dead = deadLetterOfAnUnknownType(consumed, source);
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains(consumed.unknownType());
            assertThat(TopicReader.header(dead, "dead-letter-topic")).isEqualTo(consumed.topic());
            assertThat(TopicReader.header(dead, "hub-dead-letter-kind")).as("a type it was not built for never succeeds")
                    .isEqualTo("contract");
        }
    }

    @Test
    void aRecordFromASourceItDoesNotTakeIsDeadLetteredNamingItsCeSourceAndNeverHandled() {
        for (ConsumedTopic consumed : consumedTopics()) {
            if (consumed.trustedSource() == null) {
                continue;
            }
            // a type it has no handler for: were the source not checked first, the reason would name the type
            ConsumerRecord<String, byte[]> dead = deadLetterOfAnUnknownType(consumed, "/not-the-orchestrator");
            assertThat(TopicReader.header(dead, "dead-letter-reason"))
                    .contains("ce_source '/not-the-orchestrator'").contains("'" + consumed.trustedSource() + "'")
                    .doesNotContain("no handler");
            assertThat(TopicReader.header(dead, "hub-dead-letter-kind")).isEqualTo("contract");
        }
    }

    /** Writes a record of the topic's unknown type from the source, and waits for its dead letter. */
    private ConsumerRecord<String, byte[]> deadLetterOfAnUnknownType(ConsumedTopic consumed, String source) {
        String id = UUID.randomUUID().toString();
        try (TopicWriter writer = new TopicWriter(bootstrapServers);
                TopicReader deadLetters = new TopicReader(bootstrapServers, consumed.deadLetterTopic())) {
            writer.send(consumed.topic(), "test:" + id, Map.of(
                    CloudEventHeaders.SPEC_VERSION, "1.0",
                    CloudEventHeaders.ID, id,
                    CloudEventHeaders.TYPE, consumed.unknownType(),
                    CloudEventHeaders.SOURCE, source,
                    CloudEventHeaders.SUBJECT, "test:" + id),
                    "{}".getBytes(StandardCharsets.UTF_8));
            return deadLetters.await(r -> id.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
        }
    }

    /** What a consumer of the topic should find. */
    public record Published(String topic, String key, String id, String type, String source, String subject,
            String data) {
    }

    /**
     * @param unknownType a CloudEvent type this consumer owns but has no handler for
     * @param trustedSource the only {@code ce_source} it takes records of this topic from (a connector's commands:
     *     the orchestrator's), or null when it takes any
     */
    public record ConsumedTopic(String topic, String deadLetterTopic, String unknownType, String trustedSource) {

        /** A topic it takes records of from any source. */
        public ConsumedTopic(String topic, String deadLetterTopic, String unknownType) {
            this(topic, deadLetterTopic, unknownType, null);
        }
    }
}
