package io.fulfillmenthub.storefront.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.fulfillmenthub.contracts.facts.TimelineNoted;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.storefront.InjectSpresso;
import io.fulfillmenthub.storefront.SpressoWireMock;
import io.fulfillmenthub.testing.TopicReader;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Storefront commands for Spresso, as the orchestrator publishes them, become Spresso API calls. */
@QuarkusTest
class SpressoCommandTest {

    @InjectSpresso
    WireMockServer spresso;

    @Inject
    HubPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "hub.spresso.carrier-fallback")
    String fallback;

    @Test
    void addShipmentPutsTheDocumentedShipmentWithTheBearerToken() {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("{}")));

        send(addShipment(fulfillmentId));

        awaitCalls(putRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + SpressoWireMock.API_TOKEN))
                .withHeader("User-Agent", matching("fulfillment-hub/.+ \\(storefront-connector\\)"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"carrier": "ups",
                         "carrierReferenceId": "1Z999AA10123456784",
                         "trackingNumber": "1Z999AA10123456784",
                         "trackingUrl": "https://www.ups.com/track?tracknum=1Z999AA10123456784",
                         "status": "shipped",
                         "shipmentVariants": [{"variant": "var-1", "quantity": 2}, {"variant": "var-3", "quantity": 1}]}
                        """)), 1);
    }

    @Test
    void aRedeliveredAddShipmentIsNotSentAsShippedASecondTime() {
        String order = "spresso:" + UUID.randomUUID();
        String fulfillmentId = "f-" + UUID.randomUUID();
        String shipments = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        String status = "/spresso/v1/fulfillments/" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(shipments)).willReturn(aResponse().withStatus(200).withBody("{}")));
        spresso.stubFor(put(urlPathEqualTo(status)).willReturn(aResponse().withStatus(200)));
        AddShipment command = addShipment(order, fulfillmentId);
        String commandId = UUID.randomUUID().toString();

        send(commandId, command);
        send(commandId, command);
        send(UUID.randomUUID().toString(), command);
        // the same order's commands run in turn: once the next one is at Spresso, the three are done
        send(new UpdateStorefrontFulfillmentStatus(order, Storefront.SPRESSO, order.substring(8), fulfillmentId, Status.DELIVERED,
                List.of()));

        awaitCalls(putRequestedFor(urlPathEqualTo(status)), 1);
        assertThat(spresso.findAll(putRequestedFor(urlPathEqualTo(shipments)))).as("shipped e-mails the customer: once").hasSize(1);
    }

    @Test
    void aStatusCommandDeliveredAgainAfterTheFulfillmentMovedOnDoesNotMoveItBack() {
        String order = "spresso:" + UUID.randomUUID();
        String fulfillmentId = "f-" + UUID.randomUUID();
        String status = "/spresso/v1/fulfillments/" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(status)).willReturn(aResponse().withStatus(200)));
        String preparingId = UUID.randomUUID().toString();
        var preparing = new UpdateStorefrontFulfillmentStatus(order, Storefront.SPRESSO, order.substring(8), fulfillmentId,
                Status.PREPARING_ITEMS, List.of());

        send(preparingId, preparing);
        send(new UpdateStorefrontFulfillmentStatus(order, Storefront.SPRESSO, order.substring(8), fulfillmentId, Status.IN_TRANSIT,
                List.of(new LineQuantity("var-1", 1))));
        send(preparingId, preparing); // a copy of the old command, as a relay re-run publishes it
        send(new UpdateStorefrontFulfillmentStatus(order, Storefront.SPRESSO, order.substring(8), fulfillmentId, Status.DELIVERED,
                List.of()));

        awaitCalls(putRequestedFor(urlPathEqualTo(status)).withRequestBody(containing("delivered")), 1);
        assertThat(spresso.findAll(putRequestedFor(urlPathEqualTo(status))).stream()
                .map(request -> request.getBodyAsString().replaceAll(".*\"status\":\"([a-z_]+)\".*", "$1")))
                .as("statuses Spresso was asked for, in order").containsExactly("preparing_items", "in_transit", "delivered");
    }

    @ParameterizedTest
    @CsvSource({"UPS, ups", "ups, ups", "DHL Express, dhl", "dhl express, dhl", "DHL, dhl", "USPS, usps", "FedEx, fedex",
            "FEDEX, fedex"})
    void theCarrierIsSentAsSpressosCodeFromTheConfiguredTableIgnoringCase(String carrier, String code) {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("{}")));

        send(withCarrier(addShipment("spresso:" + UUID.randomUUID(), fulfillmentId), carrier));

        awaitCalls(putRequestedFor(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$.carrier", equalTo(code))), 1);
    }

    @Test
    void anUnmappedCarrierIsSentAsTheConfiguredFallbackAndTheOrdersTimelineSaysSo() {
        String order = "spresso:" + UUID.randomUUID();
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("{}")));

        String commandId = send(withCarrier(addShipment(order, fulfillmentId), "Royal Mail"));

        awaitCalls(putRequestedFor(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.carrier", equalTo(fallback))), 1);
        String factId = MessageIds.derive(commandId, "carrier-fallback");
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            ConsumerRecord<String, byte[]> record = facts.await(r -> factId.equals(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(record.key()).isEqualTo(order);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(MessageTypes.TIMELINE_NOTED.ceType());
            TimelineNoted noted = HubJson.read(record.value(), TimelineNoted.class);
            assertThat(noted.hubOrderId()).isEqualTo(order);
            assertThat(noted.source()).isEqualTo("storefront-connector");
            assertThat(noted.note()).contains("Royal Mail").contains("'" + fallback + "'").contains("1Z999AA10123456784");
        }
    }

    @ParameterizedTest
    @CsvSource({"RECEIVED_BY_FULFILLER, received_by_fulfiller", "PREPARING_ITEMS, preparing_items"})
    void progressBeforeShippingPutsOnlyTheStatus(Status status, String wire) {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));

        send(new UpdateStorefrontFulfillmentStatus("spresso:6114", Storefront.SPRESSO, "6114", fulfillmentId, status, List.of()));

        awaitCalls(putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"status\": \"" + wire + "\"}")), 1);
    }

    @Test
    void inTransitListsEveryVariantWithItsFulfilledQuantityEvenWhenShort() {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));

        send(new UpdateStorefrontFulfillmentStatus("spresso:6114", Storefront.SPRESSO, "6114", fulfillmentId, Status.IN_TRANSIT,
                List.of(new LineQuantity("var-1", 2), new LineQuantity("var-2", 1), new LineQuantity("var-3", 0))));

        awaitCalls(putRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + SpressoWireMock.API_TOKEN))
                .withRequestBody(equalToJson("""
                        {"status": "in_transit",
                         "fulfillmentVariants": [{"variant": "var-1", "fulfilledQuantity": 2},
                                                 {"variant": "var-2", "fulfilledQuantity": 1},
                                                 {"variant": "var-3", "fulfilledQuantity": 0}]}
                        """)), 1);
    }

    @Test
    void aStorePickupWithoutShipmentsGoesInTransitThenDelivered() {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String order = "spresso:" + UUID.randomUUID();

        // picked up at the store: no carrier, no shipment, the whole fulfillment handed over
        send(new UpdateStorefrontFulfillmentStatus(order, Storefront.SPRESSO, order.substring(8), fulfillmentId, Status.IN_TRANSIT,
                List.of(new LineQuantity("var-1", 1), new LineQuantity("var-2", 2))));
        send(new UpdateStorefrontFulfillmentStatus(order, Storefront.SPRESSO, order.substring(8), fulfillmentId, Status.DELIVERED,
                List.of()));

        awaitCalls(putRequestedFor(urlPathEqualTo(path)).withRequestBody(containing("delivered")), 1);
        assertThat(spresso.findAll(putRequestedFor(urlPathEqualTo(path))).stream()
                .map(request -> request.getBodyAsString().replaceAll(".*\"status\":\"([a-z_]+)\".*", "$1")))
                .containsExactly("in_transit", "delivered");
        assertThat(spresso.findAll(putRequestedFor(urlPathEqualTo(path + "/shipments")))).isEmpty();
    }

    @Test
    void deliveredPutsOnlyTheStatus() {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));

        send(new UpdateStorefrontFulfillmentStatus("spresso:6114", Storefront.SPRESSO, "6114", fulfillmentId, Status.DELIVERED,
                List.of()));

        awaitCalls(putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"status\": \"delivered\"}")), 1);
    }

    @Test
    void aServiceUnavailableIsRetriedUntilSpressoAccepts() {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        String scenario = "unavailable-" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        spresso.stubFor(put(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));

        send(addShipment(fulfillmentId));

        awaitCalls(putRequestedFor(urlPathEqualTo(path)), 2);
        assertThat(spresso.getAllScenarios().getScenarios()).filteredOn(s -> s.getName().equals(scenario))
                .extracting(s -> s.getState()).containsExactly("recovered");
    }

    @Test
    void tooManyRequestsIsRetried() {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId;
        String scenario = "throttled-" + fulfillmentId;
        spresso.stubFor(put(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        spresso.stubFor(put(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200)));

        send(new UpdateStorefrontFulfillmentStatus("spresso:6114", Storefront.SPRESSO, "6114", fulfillmentId, Status.DELIVERED,
                List.of()));

        awaitCalls(putRequestedFor(urlPathEqualTo(path)), 2);
    }

    @Test
    void aPermanentRefusalBecomesACommandFailedFactWithSpressosMessage() {
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_request\", \"message\": \"trackingUrl is not a valid URL\"}")));

        String commandId = send(addShipment(fulfillmentId));

        String factId = MessageIds.derive(commandId, "command-failed");
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            ConsumerRecord<String, byte[]> record = facts.await(r -> factId.equals(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(record.key()).isEqualTo("spresso:6114");
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(MessageTypes.COMMAND_FAILED.ceType());
            CommandFailed failed = HubJson.read(record.value(), CommandFailed.class);
            assertThat(failed.hubOrderId()).isEqualTo("spresso:6114");
            assertThat(failed.commandId()).isEqualTo(commandId);
            assertThat(failed.commandType()).isEqualTo(MessageTypes.ADD_SHIPMENT.ceType());
            assertThat(failed.connector()).isEqualTo("storefront-connector");
            assertThat(failed.reason()).contains("400").contains("invalid_request").contains(fulfillmentId);
            assertThat(failed.vendorMessage()).isEqualTo("trackingUrl is not a valid URL");
        }
        assertThat(spresso.findAll(putRequestedFor(urlPathEqualTo(path)))).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void anOutageLongerThanTheClientsRetriesDelaysTheCommandAndNeverDeadLettersIt() {
        String order = "spresso:" + UUID.randomUUID();
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));

        String commandId = send(addShipment(order, fulfillmentId));

        // twice as many calls as one round of the client's retries: the consumer keeps trying
        awaitAtLeast(putRequestedFor(urlPathEqualTo(path)), 2 * (1 + SpressoWireMock.MAX_RETRIES));
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                spresso.getServeEvents().getRequests()).anyMatch(served -> served.getRequest().getUrl().startsWith(path)
                        && served.getResponse().getStatus() == 200));
        assertThat(deadLettered(commandId)).as("an outage delays a command, it never dead-letters it").isEmpty();
    }

    @Test
    void aRefusedTokenMakesTheCommandWaitUntilTheCredentialsAreFixed() {
        String order = "spresso:" + UUID.randomUUID();
        String fulfillmentId = "f-" + UUID.randomUUID();
        String path = "/spresso/v1/fulfillments/" + fulfillmentId + "/shipments";
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"unauthorized\", \"message\": \"bad token\"}")));

        String commandId = send(addShipment(order, fulfillmentId));

        awaitAtLeast(putRequestedFor(urlPathEqualTo(path)), 3);
        spresso.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                spresso.getServeEvents().getRequests()).anyMatch(served -> served.getRequest().getUrl().startsWith(path)
                        && served.getResponse().getStatus() == 200));
        assertThat(deadLettered(commandId)).isEmpty();
    }

    private List<ConsumerRecord<String, byte[]>> deadLettered(String commandId) {
        return TopicReader.readToEnd(bootstrapServers, Topics.deadLetter(Topics.COMMANDS_STOREFRONT, "storefront-connector"))
                .stream().filter(r -> commandId.equals(TopicReader.header(r, CloudEventHeaders.ID))).toList();
    }

    private void awaitAtLeast(RequestPatternBuilder request, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(spresso.findAll(request)).hasSizeGreaterThanOrEqualTo(count));
    }

    private static AddShipment addShipment(String order, String fulfillmentId) {
        return new AddShipment(order, Storefront.SPRESSO, order.substring(order.indexOf(':') + 1), fulfillmentId,
                order + "/" + fulfillmentId + "/1Z999AA10123456784", "UPS", "1Z999AA10123456784",
                "https://www.ups.com/track?tracknum=1Z999AA10123456784",
                List.of(new LineQuantity("var-1", 2), new LineQuantity("var-2", 0), new LineQuantity("var-3", 1)),
                Instant.parse("2026-11-24T09:00:00Z"), true);
    }

    private static AddShipment addShipment(String fulfillmentId) {
        return new AddShipment("spresso:6114", Storefront.SPRESSO, "6114", fulfillmentId,
                "spresso:6114/" + fulfillmentId + "/1Z999AA10123456784", "UPS", "1Z999AA10123456784",
                "https://www.ups.com/track?tracknum=1Z999AA10123456784",
                List.of(new LineQuantity("var-1", 2), new LineQuantity("var-2", 0), new LineQuantity("var-3", 1)),
                Instant.parse("2026-11-24T09:00:00Z"), true);
    }

    private static AddShipment withCarrier(AddShipment c, String carrier) {
        return new AddShipment(c.hubOrderId(), c.storefront(), c.sourceOrderId(), c.sourceFulfillmentId(), c.shipmentId(), carrier,
                c.trackingNumber(), c.trackingUrl(), c.lines(), c.shippedAt(), c.notifyCustomer());
    }

    /** Publishes a command as the orchestrator does, and returns its ce_id. */
    private String send(Command command) {
        return send(UUID.randomUUID().toString(), command);
    }

    private String send(String id, Command command) {
        publisher.publish(new Envelope<>(id, URI.create("/orchestrator"), Instant.now(), command)).await().atMost(Duration.ofSeconds(30));
        return id;
    }

    private void awaitCalls(RequestPatternBuilder request, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(spresso.findAll(request)).hasSize(count));
    }
}
