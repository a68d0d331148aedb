package io.fulfillmenthub.storefront.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.storefront.spresso.SpressoFixtures;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Spresso webhooks on the inbound topic, as ingest-service publishes them, become facts. */
@QuarkusTest
class SpressoWebhookTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void orderFulfillableBecomesAnOrderPlacedFactWithEveryFieldMapped() {
        String orderId = UUID.randomUUID().toString();
        String inboundId = MessageIds.derive("spresso", "evt-" + orderId);

        publishWebhook(inboundId, orderId, SpressoFixtures.withOrderId(SpressoFixtures.ORDER_FULFILLABLE, orderId));

        String factId = MessageIds.derive(inboundId, "order-placed");
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            ConsumerRecord<String, byte[]> record = facts.await(r -> factId.equals(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(record.key()).isEqualTo("spresso:" + orderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(MessageTypes.ORDER_PLACED.ceType());
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/storefront-connector");
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo("spresso:" + orderId);
            assertThat(HubJson.read(record.value(), OrderPlaced.class)).isEqualTo(SpressoFixtures.expectedOrderPlaced(orderId));
        }
    }

    @Test
    void theSameWebhookTwiceGivesFactsWithTheSameId() {
        String orderId = UUID.randomUUID().toString();
        String inboundId = MessageIds.derive("spresso", "evt-" + orderId);
        byte[] body = SpressoFixtures.withOrderId(SpressoFixtures.ORDER_FULFILLABLE, orderId);

        publishWebhook(inboundId, orderId, body);
        publishWebhook(inboundId, orderId, body);

        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            List<ConsumerRecord<String, byte[]>> placed = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> facts.poll().stream().filter(r -> ("spresso:" + orderId).equals(r.key())).toList(),
                            found -> found.size() == 2);
            assertThat(placed).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID))
                    .containsOnly(MessageIds.derive(inboundId, "order-placed"));
        }
    }

    @Test
    void orderCancelledBecomesAnOrderCancelledAtSourceFact() {
        String orderId = UUID.randomUUID().toString();
        String inboundId = MessageIds.derive("spresso", "evt-cancel-" + orderId);

        publishWebhook(inboundId, orderId, SpressoFixtures.withOrderId(SpressoFixtures.ORDER_CANCELLED, orderId));

        String factId = MessageIds.derive(inboundId, "order-cancelled-at-source");
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            ConsumerRecord<String, byte[]> record = facts.await(r -> factId.equals(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(record.key()).isEqualTo("spresso:" + orderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(MessageTypes.ORDER_CANCELLED_AT_SOURCE.ceType());
            assertThat(HubJson.read(record.value(), OrderCancelledAtSource.class)).isEqualTo(new OrderCancelledAtSource(
                    "spresso:" + orderId, Storefront.SPRESSO, orderId, null, Instant.parse("2026-11-23T11:02:04.250Z")));
        }
    }

    @Test
    void aWebhookWithoutOrderNumberGoesToTheDeadLetterTopicNamingTheField() {
        String orderId = UUID.randomUUID().toString();
        String inboundId = MessageIds.derive("spresso", "evt-" + orderId);
        ObjectNode webhook = SpressoFixtures.tree(SpressoFixtures.ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order")).put("id", orderId).remove("orderNo");

        publishWebhook(inboundId, orderId, SpressoFixtures.bytes(webhook));

        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.deadLetter(Topics.INBOUND, "storefront-connector"))) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(
                    r -> inboundId.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("order.orderNo is required");
            assertThat(dead.key()).isEqualTo("spresso:" + orderId);
        }
    }

    /** As ingest-service publishes a verified Spresso webhook: the body unchanged, keyed by the hub order id. */
    private void publishWebhook(String inboundId, String orderId, byte[] body) {
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
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
}
