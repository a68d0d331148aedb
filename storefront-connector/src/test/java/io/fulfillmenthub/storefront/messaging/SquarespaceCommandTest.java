package io.fulfillmenthub.storefront.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Command;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus.Status;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.storefront.InjectSquarespace;
import io.fulfillmenthub.storefront.SquarespaceWireMock;
import io.fulfillmenthub.storefront.squarespace.SquarespaceFixtures;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Shipments for Squarespace orders, as the orchestrator commands them, become Squarespace fulfillments, each exactly once. */
@QuarkusTest
class SquarespaceCommandTest {

    private static final JsonNode EXAMPLE = VendorFixtures.json("squarespace/fulfill-order-request.json");

    @InjectSquarespace
    WireMockServer squarespace;

    @Inject
    HubPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void addShipmentPostsTheDocumentedRequestWithKeyUserAgentAndIdempotencyKey() {
        String orderId = UUID.randomUUID().toString();
        stubFulfillments(orderId, aResponse().withStatus(204));
        JsonNode shipment = EXAMPLE.get("shipments").get(0);
        ObjectNode expected = EXAMPLE.deepCopy();
        ((ArrayNode) expected.get("shipments")).removeAll().add(shipment);

        send(addShipment(orderId, shipment));

        awaitPosts(orderId, 1);
        assertThat(squarespace.findAll(postRequestedFor(urlPathEqualTo(fulfillments(orderId)))
                .withHeader("Authorization", equalTo("Bearer " + SquarespaceWireMock.API_KEY))
                .withHeader("User-Agent", matching("fulfillment-hub/.+ \\(storefront-connector\\)"))
                .withHeader("Idempotency-Key", matching("[A-Za-z0-9_-]{1,64}"))
                .withRequestBody(equalToJson(expected.toString())))).hasSize(1);
    }

    @Test
    void aRedeliveredAddShipmentIsNotPostedASecondTime() {
        String orderId = UUID.randomUUID().toString();
        stubFulfillments(orderId, aResponse().withStatus(204));
        AddShipment first = addShipment(orderId, "1Z1");
        String commandId = UUID.randomUUID().toString();

        send(commandId, first);
        send(commandId, first);
        send(UUID.randomUUID().toString(), first);
        sendAndAwaitLastShipment(orderId, 1);

        assertThat(bodiesPosted(orderId)).filteredOn(body -> body.contains("1Z1")).as("each call adds a shipment: once").hasSize(1);
    }

    @Test
    void aCallThatSucceededAtSquarespaceButTimedOutIsNotPostedAgain() {
        String orderId = UUID.randomUUID().toString();
        // Squarespace adds the shipment, but answers after the connector stopped waiting
        stubFulfillments(orderId, aResponse().withStatus(204).withFixedDelay(2 * SquarespaceWireMock.READ_TIMEOUT_MS));
        ObjectNode withShipment = SquarespaceFixtures.order(orderId).put("fulfillmentStatus", "FULFILLED");
        withShipment.putArray("fulfillments").addObject().put("shipDate", "2026-11-24T09:00:00.000Z").put("carrierName", "USPS")
                .put("service", "Priority Mail").put("trackingNumber", "1Z1").put("trackingUrl", "https://example.com/1Z1");
        squarespace.stubFor(get(urlPathEqualTo(SquarespaceWebhookTest.orderPath(orderId))).willReturn(SquarespaceWebhookTest.json(withShipment)));

        send(addShipment(orderId, "1Z1"));
        squarespace.stubFor(post(urlPathEqualTo(fulfillments(orderId))).withRequestBody(containing("LAST"))
                .willReturn(aResponse().withStatus(204)));
        sendAndAwaitLastShipment(orderId, 1);

        assertThat(bodiesPosted(orderId)).filteredOn(body -> body.contains("1Z1")).as("the shipment is on the order once").hasSize(1);
    }

    @Test
    void aConcurrentModificationIsRetriedAndTheShipmentPostedOnce() {
        String orderId = UUID.randomUUID().toString();
        stubFirstCallThenAccepted(orderId, aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody("""
                {"type": "CONFLICT", "subtype": "CONCURRENT_MODIFICATION",
                 "message": "A request using the provided Order is already in progress."}"""));

        String commandId = send(addShipment(orderId, "1Z1"));
        sendAndAwaitLastShipment(orderId, 2);

        assertThat(bodiesPosted(orderId)).filteredOn(body -> body.contains("1Z1")).hasSize(2);
        assertThat(deadLettered(commandId)).isEmpty();
    }

    @Test
    void tooManyRequestsWaitsOutTheCoolDownAndLosesNoShipment() {
        String orderId = UUID.randomUUID().toString();
        stubFirstCallThenAccepted(orderId, aResponse().withStatus(429));

        String commandId = send(addShipment(orderId, "1Z1"));
        sendAndAwaitLastShipment(orderId, 2);

        assertThat(bodiesPosted(orderId)).filteredOn(body -> body.contains("1Z1")).hasSize(2);
        assertThat(deadLettered(commandId)).as("a 429 delays a shipment, it never drops it").isEmpty();
    }

    @Test
    void aMissingArgumentBecomesACommandFailedFactNamingSquarespacesSubtypeAndMessage() {
        String orderId = UUID.randomUUID().toString();
        stubFulfillments(orderId, aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"type": "INVALID_REQUEST_ERROR", "subtype": "MISSING_ARGUMENT",
                 "message": "One or more of the required fields are missing.", "details": null, "contextId": "ctx-400"}"""));

        String commandId = send(addShipment(orderId, "1Z1"));

        CommandFailed failed = awaitCommandFailed(commandId, "squarespace:" + orderId);
        assertThat(failed.reason()).contains("400").contains("MISSING_ARGUMENT").contains("required fields are missing");
        assertThat(failed.vendorMessage()).isEqualTo("One or more of the required fields are missing.");
        assertThat(failed.vendorTraceId()).isEqualTo("ctx-400");
        assertThat(bodiesPosted(orderId)).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void anOrderSquarespaceDoesNotKnowBecomesACommandFailedFact() {
        String orderId = UUID.randomUUID().toString();
        stubFulfillments(orderId, SquarespaceWebhookTest.notFound());

        String commandId = send(addShipment(orderId, "1Z1"));

        assertThat(awaitCommandFailed(commandId, "squarespace:" + orderId).reason()).contains("404").contains("INVALID_ARGUMENT");
    }

    @Test
    void aFulfillmentStatusForSquarespaceIsAckedWithoutACall() {
        String orderId = UUID.randomUUID().toString();
        stubFulfillments(orderId, aResponse().withStatus(204));

        send(new UpdateStorefrontFulfillmentStatus("squarespace:" + orderId, Storefront.SQUARESPACE, orderId, null, Status.DELIVERED,
                List.of()));
        sendAndAwaitLastShipment(orderId, 0);

        assertThat(squarespace.findAll(RequestPatternBuilder.allRequests()).stream()
                .filter(request -> request.getUrl().contains(orderId))).hasSize(1);
    }

    @Test
    void aStoreFulfillmentHandedOverMarksTheOrderFulfilledOnceWithoutShipments() {
        String orderId = UUID.randomUUID().toString();
        stubFulfillments(orderId, aResponse().withStatus(204));
        String scenario = "fulfilled-" + orderId;
        squarespace.stubFor(get(urlPathEqualTo(SquarespaceWebhookTest.orderPath(orderId))).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(SquarespaceWebhookTest.json(SquarespaceFixtures.order(orderId).put("fulfillmentStatus", "PENDING"))));
        String commandId = UUID.randomUUID().toString();
        UpdateStorefrontFulfillmentStatus pickedUp = inTransit(orderId);

        send(commandId, pickedUp);
        send(commandId, pickedUp);
        send(UUID.randomUUID().toString(), pickedUp);
        sendAndAwaitLastShipment(orderId, 1);

        assertThat(bodiesPosted(orderId).get(0)).satisfies(body -> assertThat(equalToJson("{\"shouldSendNotification\": true}")
                .match(body).isExactMatch()).as("body %s", body).isTrue());
        assertThat(bodiesPosted(orderId)).filteredOn(body -> !body.contains("LAST")).as("marked fulfilled once").hasSize(1);
    }

    @Test
    void aStoreFulfillmentWhoseCallSucceededButTimedOutIsNotSentAgain() {
        String orderId = UUID.randomUUID().toString();
        String scenario = "lost-answer-" + orderId;
        squarespace.stubFor(get(urlPathEqualTo(SquarespaceWebhookTest.orderPath(orderId))).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(SquarespaceWebhookTest.json(SquarespaceFixtures.order(orderId).put("fulfillmentStatus", "PENDING"))));
        // Squarespace marks it fulfilled, but answers after the connector stopped waiting
        squarespace.stubFor(post(urlPathEqualTo(fulfillments(orderId))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(204).withFixedDelay(2 * SquarespaceWireMock.READ_TIMEOUT_MS))
                .willSetStateTo("fulfilled"));
        squarespace.stubFor(get(urlPathEqualTo(SquarespaceWebhookTest.orderPath(orderId))).inScenario(scenario)
                .whenScenarioStateIs("fulfilled")
                .willReturn(SquarespaceWebhookTest.json(SquarespaceFixtures.order(orderId).put("fulfillmentStatus", "FULFILLED"))));
        squarespace.stubFor(post(urlPathEqualTo(fulfillments(orderId))).inScenario(scenario).whenScenarioStateIs("fulfilled")
                .willReturn(aResponse().withStatus(204)));

        send(inTransit(orderId));
        sendAndAwaitLastShipment(orderId, 1);

        assertThat(bodiesPosted(orderId)).filteredOn(body -> !body.contains("LAST")).hasSize(1);
    }

    @Test
    void aStoreFulfillmentOfAnOrderAlreadyFulfilledMakesNoCall() {
        String orderId = UUID.randomUUID().toString();
        stubFulfillments(orderId, aResponse().withStatus(204));
        squarespace.stubFor(get(urlPathEqualTo(SquarespaceWebhookTest.orderPath(orderId)))
                .willReturn(SquarespaceWebhookTest.json(SquarespaceFixtures.order(orderId).put("fulfillmentStatus", "FULFILLED"))));

        send(inTransit(orderId));
        sendAndAwaitLastShipment(orderId, 0);

        assertThat(bodiesPosted(orderId)).hasSize(1);
    }

    private static UpdateStorefrontFulfillmentStatus inTransit(String orderId) {
        return new UpdateStorefrontFulfillmentStatus("squarespace:" + orderId, Storefront.SQUARESPACE, orderId, orderId + "-2",
                Status.IN_TRANSIT, List.of(new LineQuantity("line-1", 1)));
    }

    /**
     * Sends a last shipment for the order and waits until Squarespace has it: one order's commands run in turn, so
     * everything sent before it is done.
     */
    private void sendAndAwaitLastShipment(String orderId, int postsBefore) {
        send(addShipment(orderId, "LAST"));
        awaitPosts(orderId, postsBefore + 1);
        assertThat(bodiesPosted(orderId).get(postsBefore)).contains("LAST");
    }

    /** The first fulfillment call answered {@code first}, every later one accepted; the order (without the shipment) readable. */
    private void stubFirstCallThenAccepted(String orderId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        String scenario = "first-call-" + orderId;
        squarespace.stubFor(post(urlPathEqualTo(fulfillments(orderId))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("accepting"));
        squarespace.stubFor(post(urlPathEqualTo(fulfillments(orderId))).inScenario(scenario).whenScenarioStateIs("accepting")
                .willReturn(aResponse().withStatus(204)));
        squarespace.stubFor(get(urlPathEqualTo(SquarespaceWebhookTest.orderPath(orderId)))
                .willReturn(SquarespaceWebhookTest.json(SquarespaceFixtures.order(orderId))));
    }

    private CommandFailed awaitCommandFailed(String commandId, String hubOrderId) {
        String factId = MessageIds.derive(commandId, "command-failed");
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            ConsumerRecord<String, byte[]> record = facts.await(r -> factId.equals(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(record.key()).isEqualTo(hubOrderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(MessageTypes.COMMAND_FAILED.ceType());
            CommandFailed failed = HubJson.read(record.value(), CommandFailed.class);
            assertThat(failed.commandId()).isEqualTo(commandId);
            assertThat(failed.commandType()).isEqualTo(MessageTypes.ADD_SHIPMENT.ceType());
            assertThat(failed.connector()).isEqualTo("storefront-connector");
            return failed;
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLettered(String commandId) {
        return TopicReader.readToEnd(bootstrapServers, Topics.deadLetter(Topics.COMMANDS_STOREFRONT, "storefront-connector"))
                .stream().filter(r -> commandId.equals(TopicReader.header(r, CloudEventHeaders.ID))).toList();
    }

    private void stubFulfillments(String orderId, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        squarespace.stubFor(post(urlPathEqualTo(fulfillments(orderId))).willReturn(answer));
    }

    private static String fulfillments(String orderId) {
        return "/squarespace/1.0/commerce/orders/" + orderId + "/fulfillments";
    }

    /** The bodies Squarespace received for the order's fulfillments, oldest first. */
    private List<String> bodiesPosted(String orderId) {
        return squarespace.findAll(postRequestedFor(urlPathEqualTo(fulfillments(orderId)))).stream()
                .map(request -> request.getBodyAsString()).toList();
    }

    private void awaitPosts(String orderId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(bodiesPosted(orderId)).hasSize(count));
    }

    private static AddShipment addShipment(String orderId, JsonNode shipment) {
        return new AddShipment("squarespace:" + orderId, Storefront.SQUARESPACE, orderId, null,
                "squarespace:" + orderId + "/" + orderId + "-1/" + shipment.get("trackingNumber").asText(),
                shipment.get("carrierName").asText(), shipment.get("trackingNumber").asText(), shipment.get("trackingUrl").asText(),
                List.of(new LineQuantity("line-1", 2)), Instant.parse(shipment.get("shipDate").asText()), true,
                shipment.get("service").asText());
    }

    private static AddShipment addShipment(String orderId, String trackingNumber) {
        return new AddShipment("squarespace:" + orderId, Storefront.SQUARESPACE, orderId, null,
                "squarespace:" + orderId + "/" + orderId + "-1/" + trackingNumber, "USPS", trackingNumber,
                "https://example.com/" + trackingNumber, List.of(new LineQuantity("line-1", 2)),
                Instant.parse("2026-11-24T09:00:00Z"), true, "Priority Mail");
    }

    private String send(Command command) {
        return send(UUID.randomUUID().toString(), command);
    }

    private String send(String id, Command command) {
        publisher.publish(new Envelope<>(id, URI.create("/orchestrator"), Instant.now(), command)).await().atMost(Duration.ofSeconds(30));
        return id;
    }
}
