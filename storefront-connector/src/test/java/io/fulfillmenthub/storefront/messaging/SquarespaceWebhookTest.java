package io.fulfillmenthub.storefront.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.storefront.InjectSquarespace;
import io.fulfillmenthub.storefront.SquarespaceWireMock;
import io.fulfillmenthub.storefront.squarespace.SquarespaceFixtures;
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

/** Squarespace order notifications on the inbound topic, as ingest-service publishes them, become facts. */
@QuarkusTest
class SquarespaceWebhookTest {

    @InjectSquarespace
    WireMockServer squarespace;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void orderCreateReadsTheOrderWithTheKeyAndPublishesOrderPlaced() {
        String orderId = UUID.randomUUID().toString();
        stubOrder(SquarespaceFixtures.order(orderId));

        notify("order.create", orderId, null);

        ConsumerRecord<String, byte[]> record = awaitFact(MessageIds.derive("squarespace:" + orderId, "order-placed/PAID"));
        assertThat(record.key()).isEqualTo("squarespace:" + orderId);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(MessageTypes.ORDER_PLACED.ceType());
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/storefront-connector");
        assertThat(HubJson.read(record.value(), OrderPlaced.class)).isEqualTo(SquarespaceFixtures.expectedOrderPlaced(orderId));
        assertThat(squarespace.findAll(getRequestedFor(urlPathEqualTo(orderPath(orderId)))
                .withHeader("Authorization", equalTo("Bearer " + SquarespaceWireMock.API_KEY))
                .withHeader("User-Agent", matching("fulfillment-hub/.+ \\(storefront-connector\\)")))).isNotEmpty();
    }

    @Test
    void aLightspeedWebhookOfTheSameOrderIsLeftToPosConnector() {
        String orderId = UUID.randomUUID().toString();
        stubOrder(SquarespaceFixtures.order(orderId));
        String lightspeedId = UUID.randomUUID().toString();
        byte[] saleUpdate = ("payload=%7B%22id%22%3A%22s-1%22%2C%22status%22%3A%22PICKED_UP_CLOSED%22%2C%22source_id%22%3A%22squarespace%3A"
                + orderId + "%3A" + orderId + "-2%22%7D&type=sale.update").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.INBOUND, "squarespace:" + orderId, Map.of(
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.ID, lightspeedId,
                    CloudEventHeaders.TYPE, InboundTypes.LIGHTSPEED_WEBHOOK,
                    CloudEventHeaders.SOURCE, "/ingest/lightspeed",
                    CloudEventHeaders.SUBJECT, "squarespace:" + orderId,
                    CloudEventHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded"), saleUpdate);
        }

        notify("order.create", orderId, null);

        // the same order's later notification was handled, so the sale.update before it was settled: skipped, not held
        awaitFact(MessageIds.derive("squarespace:" + orderId, "order-placed/PAID"));
        assertThat(TopicReader.readToEnd(bootstrapServers, Topics.deadLetter(Topics.INBOUND, "storefront-connector")))
                .noneMatch(record -> lightspeedId.equals(TopicReader.header(record, CloudEventHeaders.ID)));
    }

    @Test
    void orderUpdateCanceledBecomesOrderCancelledAtSourceAfterTheOrderItCancels() {
        String orderId = UUID.randomUUID().toString();
        // the order as read does not show the cancellation yet: the notification is believed
        stubOrder(SquarespaceFixtures.order(orderId));

        notify("order.update", orderId, "CANCELED");

        List<ConsumerRecord<String, byte[]>> facts = awaitFactsOf(orderId, 2);
        assertThat(facts).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(
                MessageIds.derive("squarespace:" + orderId, "order-placed/PAID"),
                MessageIds.derive("squarespace:" + orderId, "order-cancelled-at-source"));
        assertThat(TopicReader.header(facts.get(1), CloudEventHeaders.TYPE)).isEqualTo(MessageTypes.ORDER_CANCELLED_AT_SOURCE.ceType());
        assertThat(HubJson.read(facts.get(1).value(), OrderCancelledAtSource.class)).isEqualTo(new OrderCancelledAtSource(
                "squarespace:" + orderId, Storefront.SQUARESPACE, orderId, null, Instant.parse("2026-11-23T10:06:01.000Z")));
    }

    @Test
    void anOrderAlreadyCanceledWhenReadIsPlacedThenCancelled() {
        String orderId = UUID.randomUUID().toString();
        stubOrder(SquarespaceFixtures.order(orderId).put("fulfillmentStatus", "CANCELED"));

        notify("order.create", orderId, null);

        List<ConsumerRecord<String, byte[]>> facts = awaitFactsOf(orderId, 2);
        assertThat(facts).extracting(r -> TopicReader.header(r, CloudEventHeaders.TYPE))
                .containsExactly(MessageTypes.ORDER_PLACED.ceType(), MessageTypes.ORDER_CANCELLED_AT_SOURCE.ceType());
    }

    @Test
    void notificationsDeliveredAgainAndOutOfOrderGiveTheSameFactIdsAndAPaymentChangeANewOne() {
        String orderId = UUID.randomUUID().toString();
        String hubOrderId = "squarespace:" + orderId;
        ObjectNode pending = SquarespaceFixtures.order(orderId).put("paymentState", "PENDING");
        stubOrder(pending);

        notify("order.update", orderId, "MARKED_PENDING");
        notify("order.create", orderId, null);
        notify("order.create", orderId, null);
        awaitFactsOf(orderId, 3);
        stubOrder(pending.put("paymentState", "PAID"));
        notify("order.update", orderId, "EMAIL_UPDATED");

        List<ConsumerRecord<String, byte[]>> facts = awaitFactsOf(orderId, 4);
        assertThat(facts).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID)).containsExactly(
                MessageIds.derive(hubOrderId, "order-placed/PENDING"), MessageIds.derive(hubOrderId, "order-placed/PENDING"),
                MessageIds.derive(hubOrderId, "order-placed/PENDING"), MessageIds.derive(hubOrderId, "order-placed/PAID"));
    }

    @Test
    void anOrderNotFoundRightAfterItsNotificationIsReadAgainUntilItIsThere() {
        String orderId = UUID.randomUUID().toString();
        String scenario = "not-yet-" + orderId;
        squarespace.stubFor(get(urlPathEqualTo(orderPath(orderId))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(notFound()).willSetStateTo("there"));
        squarespace.stubFor(get(urlPathEqualTo(orderPath(orderId))).inScenario(scenario).whenScenarioStateIs("there")
                .willReturn(json(SquarespaceFixtures.order(orderId))));

        notify("order.create", orderId, null);

        awaitFact(MessageIds.derive("squarespace:" + orderId, "order-placed/PAID"));
    }

    @Test
    void anOrderStillNotFoundLongAfterItsNotificationIsADeadLetterNamingIt() {
        String orderId = UUID.randomUUID().toString();
        squarespace.stubFor(get(urlPathEqualTo(orderPath(orderId))).willReturn(notFound()));

        String notificationId = notify("order.create", orderId, null, Instant.now().minus(Duration.ofHours(1)));

        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.deadLetter(Topics.INBOUND, "storefront-connector"))) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(
                    r -> notificationId.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            assertThat(TopicReader.header(dead, "hub-dead-letter-kind")).isEqualTo("contract");
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains(orderId).contains("404").contains("INVALID_ARGUMENT");
        }
    }

    @Test
    void aNotificationWithoutOrderIdGoesToTheDeadLetterTopicNamingTheField() {
        String orderId = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        publish(id, orderId, ("{\"id\": \"" + id + "\", \"topic\": \"order.create\", \"data\": {}}").getBytes(), Instant.now());

        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.deadLetter(Topics.INBOUND, "storefront-connector"))) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> id.equals(TopicReader.header(r, CloudEventHeaders.ID)),
                    Duration.ofSeconds(60));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("data.orderId is required");
        }
    }

    static String orderPath(String orderId) {
        return "/squarespace/1.0/commerce/orders/" + orderId;
    }

    private void stubOrder(ObjectNode order) {
        squarespace.stubFor(get(urlPathEqualTo(orderPath(order.get("id").asText()))).willReturn(json(order)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(HubJson.write(body));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notFound() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
                {"type": "INVALID_REQUEST_ERROR", "subtype": "INVALID_ARGUMENT", "message": "The requested Order was not found.",
                 "details": null, "contextId": "ctx-1"}""");
    }

    private ConsumerRecord<String, byte[]> awaitFact(String factId) {
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            return facts.await(r -> factId.equals(TopicReader.header(r, CloudEventHeaders.ID)));
        }
    }

    private List<ConsumerRecord<String, byte[]>> awaitFactsOf(String orderId, int count) {
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            return Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> facts.poll().stream().filter(r -> ("squarespace:" + orderId).equals(r.key())).toList(),
                            found -> found.size() >= count);
        }
    }

    private String notify(String topic, String orderId, String update) {
        return notify(topic, orderId, update, Instant.now());
    }

    /** As ingest-service publishes a verified notification: the body unchanged, keyed by the hub order id. */
    private String notify(String topic, String orderId, String update, Instant receivedAt) {
        String id = UUID.randomUUID().toString();
        publish(id, orderId, SquarespaceFixtures.notification(id, topic, orderId, update), receivedAt);
        return id;
    }

    private void publish(String id, String orderId, byte[] body, Instant receivedAt) {
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.INBOUND, "squarespace:" + orderId, Map.of(
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.ID, id,
                    CloudEventHeaders.TYPE, InboundTypes.SQUARESPACE_WEBHOOK,
                    CloudEventHeaders.SOURCE, "/ingest/squarespace",
                    CloudEventHeaders.SUBJECT, "squarespace:" + orderId,
                    CloudEventHeaders.TIME, receivedAt.toString(),
                    CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON), body);
        }
    }
}
