package io.fulfillmenthub.spod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.spod.client.SpodAccessToken;
import io.fulfillmenthub.spod.client.SpodShippingCountries;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Submit and cancel print order commands, from the commands topic through SPOD to the facts topic. */
@QuarkusTest
class PrintOrderCommandsTest extends SpodConnectorTestSupport {

    private static final String SUBMITTED = "fulfillment-submitted";

    @Inject
    SpodAccessToken accessToken;

    @Inject
    SpodShippingCountries shippingCountries;

    @Test
    void aSubmitCreatesOneSpodOrderAndAnswersSubmitted() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(submitOf(fulfillmentId).willReturn(created()));
        String commandId = UUID.randomUUID().toString();

        send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));

        ConsumerRecord<String, byte[]> record = awaitFact(commandId, SUBMITTED);
        assertThat(record.key()).isEqualTo(hubOrderId);
        assertThat(type(record)).isEqualTo(MessageTypes.FULFILLMENT_SUBMITTED.ceType());
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/spod-connector");
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(hubOrderId);
        FulfillmentSubmitted submitted = data(record, FulfillmentSubmitted.class);
        assertThat(submitted.fulfillmentId()).isEqualTo(fulfillmentId);
        assertThat(submitted.fulfiller()).isEqualTo(Fulfiller.SPOD);
        assertThat(submitted.vendorReference()).isEqualTo(fulfillmentId);

        List<LoggedRequest> submits = submitsOf(fulfillmentId);
        assertThat(submits).hasSize(1);
        LoggedRequest submit = submits.get(0);
        assertThat(submit.getHeader("User-Agent")).matches(SpodSimulator.USER_AGENT).doesNotStartWith("curl/");
        // every request SPOD received, the token requests included, names the application
        assertThat(spod.findAll(postRequestedFor(urlPathEqualTo(SpodSimulator.TOKEN_PATH)))).isNotEmpty();
        assertThat(spod.getAllServeEvents()).allSatisfy(event -> assertThat(event.getRequest().getHeader("User-Agent"))
                .as("User-Agent of %s", event.getRequest().getUrl()).matches(SpodSimulator.USER_AGENT));
        assertThat(submit.getHeader("Authorization")).isIn(issuedTokens().stream().map(token -> "Bearer " + token).toList());
        assertThat(submit.getBodyAsString()).satisfies(body -> assertThat(equalToJson(expectedBody(fulfillmentId))
                .match(body).isExactMatch()).as("body %s", body).isTrue());
    }

    @Test
    void aSubmitFromAnyoneButTheOrchestratorIsDeadLetteredNamingItsCeSourceAndNeverReachesSpod() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(submitOf(fulfillmentId).willReturn(created()));
        String commandId = UUID.randomUUID().toString();

        try (TopicReader deadLetters = new TopicReader(bootstrapServers,
                Topics.deadLetter(Topics.COMMANDS_SPOD, "spod-connector"))) {
            send(commandId, submitPrintOrder(hubOrderId, fulfillmentId), "/someone-with-broker-access");

            ConsumerRecord<String, byte[]> dead = deadLetters.await(
                    record -> commandId.equals(TopicReader.header(record, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            assertThat(TopicReader.header(dead, "dead-letter-reason"))
                    .contains("ce_source '/someone-with-broker-access'").contains("'/orchestrator'");
            assertThat(TopicReader.header(dead, "hub-dead-letter-kind")).isEqualTo("contract");
        }
        assertThat(submitsOf(fulfillmentId)).as("never carried out at SPOD").isEmpty();
        assertThat(factsAbout(hubOrderId)).as("nothing said of it").isEmpty();
    }

    @Test
    void theSameCommandDeliveredTwiceMakesOneSpodOrder() {
        String hubOrderId = newHubOrderId();
        String first = hubOrderId + "/f-1";
        String second = hubOrderId + "/f-2";
        spod.stubFor(submitOf(first).willReturn(created()));
        spod.stubFor(submitOf(second).willReturn(created()));
        String commandId = UUID.randomUUID().toString();
        SubmitPrintOrder command = submitPrintOrder(hubOrderId, first);

        send(commandId, command);
        send(commandId, command);
        // same key, so handled after both deliveries of the first
        String laterCommandId = UUID.randomUUID().toString();
        send(laterCommandId, submitPrintOrder(hubOrderId, second));
        awaitFact(laterCommandId, SUBMITTED);

        assertThat(submitsOf(first)).hasSize(1);
        assertThat(factsAbout(hubOrderId)).extracting(SpodConnectorTestSupport::type)
                .containsExactly(MessageTypes.FULFILLMENT_SUBMITTED.ceType(), MessageTypes.FULFILLMENT_SUBMITTED.ceType());
    }

    @Test
    void aSubmitRefusedBecauseTheOrderExistsIsSubmitted() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(submitOf(fulfillmentId).willReturn(error(400, "external-order-id already exists", "trace-dup", false)));
        spod.stubFor(get(urlPathEqualTo(orderPath(fulfillmentId)))
                .willReturn(okJson(order(fulfillmentId, "acknowledged"))));
        String commandId = UUID.randomUUID().toString();

        send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));

        FulfillmentSubmitted submitted = data(awaitFact(commandId, SUBMITTED), FulfillmentSubmitted.class);
        assertThat(submitted.vendorReference()).isEqualTo(fulfillmentId);
        assertThat(submitsOf(fulfillmentId)).hasSize(1);
    }

    @Test
    void aPermanentRefusalIsRejectedWithSpodsMessageAndTraceId() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(submitOf(fulfillmentId)
                .willReturn(error(400, "items[0].stock-keeping-unit: unknown", "trace-400", false)));
        spod.stubFor(get(urlPathEqualTo(orderPath(fulfillmentId))).willReturn(error(404, "order not found", "trace-404", false)));
        String commandId = UUID.randomUUID().toString();

        send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));

        FulfillmentRejected rejected = data(awaitFact(commandId, "fulfillment-rejected"), FulfillmentRejected.class);
        assertThat(rejected.fulfillmentId()).isEqualTo(fulfillmentId);
        assertThat(rejected.reason()).contains("400");
        assertThat(rejected.vendorMessage()).isEqualTo("items[0].stock-keeping-unit: unknown");
        assertThat(rejected.vendorTraceId()).isEqualTo("trace-400");
        assertThat(submitsOf(fulfillmentId)).hasSize(1);
    }

    @Test
    void anUnavailableSpodIsRetriedUntilItCreatesTheOrder() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        String scenario = "unavailable " + fulfillmentId;
        spod.stubFor(submitOf(fulfillmentId).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(503, "try again", "trace-503", true).withHeader("Retry-After", "1"))
                .willSetStateTo("recovered"));
        spod.stubFor(submitOf(fulfillmentId).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(created()));
        String commandId = UUID.randomUUID().toString();

        send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));

        awaitFact(commandId, SUBMITTED);
        assertThat(submitsOf(fulfillmentId)).hasSize(2);
        assertThat(factsAbout(hubOrderId)).extracting(SpodConnectorTestSupport::type)
                .containsExactly(MessageTypes.FULFILLMENT_SUBMITTED.ceType());
    }

    @Test
    void aRefusedTokenIsReplacedAndTheCallRepeatedOnce() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        String scenario = "token refused " + fulfillmentId;
        spod.stubFor(submitOf(fulfillmentId).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(401, "invalid token", "trace-401", false))
                .willSetStateTo("new token"));
        spod.stubFor(submitOf(fulfillmentId).inScenario(scenario).whenScenarioStateIs("new token")
                .willReturn(created()));
        int tokensBefore = issuedTokens().size();
        String commandId = UUID.randomUUID().toString();

        send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));

        awaitFact(commandId, SUBMITTED);
        List<LoggedRequest> submits = submitsOf(fulfillmentId);
        assertThat(submits).hasSize(2);
        List<String> tokens = issuedTokens();
        assertThat(tokens).hasSizeGreaterThan(tokensBefore);
        // the repeat carries the token fetched after the 401, the newest
        assertThat(submits.get(1).getHeader("Authorization")).isEqualTo("Bearer " + tokens.get(0))
                .isNotEqualTo(submits.get(0).getHeader("Authorization"));
    }

    @Test
    void spodsDocumentedTokenResponseGivesTheBearerTokenOfEveryCall() throws Throwable {
        // SPOD's example answer, as it is: token_type "bearer" in lower case, expires_in, internal fields
        StubMapping example = spod.stubFor(post(urlPathEqualTo(SpodSimulator.TOKEN_PATH)).atPriority(1)
                .withHeader("User-Agent", matching(SpodSimulator.USER_AGENT))
                .willReturn(okJson(VendorFixtures.text("spod/token-response.json"))));
        try {
            assertThat(VertxContextSupport.subscribeAndAwait(() -> accessToken.renewed())).isEqualTo("abc.def.ghj");
            String hubOrderId = newHubOrderId();
            String fulfillmentId = hubOrderId + "/f-1";
            spod.stubFor(submitOf(fulfillmentId).withHeader("Authorization", equalTo("Bearer abc.def.ghj"))
                    .willReturn(created()));
            String commandId = UUID.randomUUID().toString();

            send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));

            assertThat(data(awaitFact(commandId, SUBMITTED), FulfillmentSubmitted.class).fulfillmentId()).isEqualTo(fulfillmentId);
        } finally {
            spod.removeStub(example);
            // the other tests expect tokens their simulator issued
            VertxContextSupport.subscribeAndAwait(() -> accessToken.renewed());
        }
    }

    @Test
    void aDestinationSpodDoesNotShipToIsHeldAndNothingIsSubmitted() throws Throwable {
        // SPOD ships to the US and Germany only; the order goes to London
        StubMapping countries = spod.stubFor(get(urlPathEqualTo("/spod/shipping-countries"))
                .willReturn(okJson("[{\"country-code\": \"US\", \"name\": \"United States\"}, {\"country-code\": \"DE\"}]")));
        try {
            VertxContextSupport.subscribeAndAwait(() -> shippingCountries.refresh());
            String hubOrderId = newHubOrderId();
            String fulfillmentId = hubOrderId + "/f-1";
            spod.stubFor(submitOf(fulfillmentId).willReturn(created()));
            String commandId = UUID.randomUUID().toString();

            send(commandId, submitPrintOrder(hubOrderId, fulfillmentId));

            FulfillmentHeld held = data(awaitFact(commandId, "fulfillment-held"), FulfillmentHeld.class);
            assertThat(held.reason()).isEqualTo(FulfillmentHeld.DESTINATION_NOT_SERVED);
            assertThat(held.fulfillmentId()).isEqualTo(fulfillmentId);
            assertThat(held.detail()).contains("GB");
            assertThat(submitsOf(fulfillmentId)).isEmpty();
        } finally {
            // the other tests ship to London
            spod.stubFor(get(urlPathEqualTo("/spod/shipping-countries"))
                    .willReturn(okJson("[{\"country-code\": \"GB\"}, {\"country-code\": \"US\"}]")));
            VertxContextSupport.subscribeAndAwait(() -> shippingCountries.refresh());
            spod.removeStub(countries);
        }
    }

    @Test
    void aCancelSpodAcceptsIsCancelled() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(post(urlPathEqualTo(orderPath(fulfillmentId) + "/cancel"))
                // SPOD's documented answer to a cancel, which says acknowledged: the 200 is what counts
                .willReturn(okJson(VendorFixtures.text("spod/cancel-response.json"))));
        String commandId = UUID.randomUUID().toString();

        send(commandId, new CancelPrintOrder(hubOrderId, fulfillmentId, "customer changed their mind"));

        FulfillmentCancelled cancelled = data(awaitFact(commandId, "fulfillment-cancelled"), FulfillmentCancelled.class);
        assertThat(cancelled.fulfillmentId()).isEqualTo(fulfillmentId);
        assertThat(cancelled.reason()).isEqualTo("customer changed their mind");
        assertThat(spod.findAll(postRequestedFor(urlPathEqualTo(orderPath(fulfillmentId) + "/cancel")))).hasSize(1);
    }

    @Test
    void aCancelOfAnOrderInProductionIsRejected() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(post(urlPathEqualTo(orderPath(fulfillmentId) + "/cancel"))
                .willReturn(error(400, "order is already in production", "trace-cancel", false)));
        String commandId = UUID.randomUUID().toString();

        send(commandId, new CancelPrintOrder(hubOrderId, fulfillmentId, null));

        FulfillmentCancellationRejected rejected = data(awaitFact(commandId, "fulfillment-cancellation-rejected"),
                FulfillmentCancellationRejected.class);
        assertThat(rejected.reason()).isEqualTo("already in production or sent");
        assertThat(rejected.vendorMessage()).isEqualTo("order is already in production");
    }

    @Test
    void aRepeatedCancelOfAnOrderSpodAlreadyCancelledIsCancelledNotRejected() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        // the first cancel went through but its answer was lost: SPOD refuses the repeat
        spod.stubFor(post(urlPathEqualTo(orderPath(fulfillmentId) + "/cancel"))
                .willReturn(error(400, "order cannot be cancelled", "trace-again", false)));
        spod.stubFor(get(urlPathEqualTo(orderPath(fulfillmentId))).willReturn(okJson(order(fulfillmentId, "canceled"))));
        String commandId = UUID.randomUUID().toString();

        send(commandId, new CancelPrintOrder(hubOrderId, fulfillmentId, null));

        FulfillmentCancelled cancelled = data(awaitFact(commandId, "fulfillment-cancelled"), FulfillmentCancelled.class);
        assertThat(cancelled.fulfillmentId()).isEqualTo(fulfillmentId);
    }

    @Test
    void aCancelOfAnOrderSpodDoesNotKnowFailsTheCommand() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + "/f-1";
        spod.stubFor(post(urlPathEqualTo(orderPath(fulfillmentId) + "/cancel"))
                .willReturn(error(404, "order not found", "trace-unknown", false)));
        String commandId = UUID.randomUUID().toString();

        send(commandId, new CancelPrintOrder(hubOrderId, fulfillmentId, null));

        CommandFailed failed = data(awaitFact(commandId, "command-failed"), CommandFailed.class);
        assertThat(failed.commandId()).isEqualTo(commandId);
        assertThat(failed.commandType()).isEqualTo(MessageTypes.CANCEL_PRINT_ORDER.ceType());
        assertThat(failed.connector()).isEqualTo("spod-connector");
        assertThat(failed.reason()).contains("404");
        assertThat(failed.vendorTraceId()).isEqualTo("trace-unknown");
    }

    static MappingBuilder submitOf(String fulfillmentId) {
        return post(urlPathEqualTo("/spod/orders")).withRequestBody(matchingJsonPath("$.external-order-id", equalTo(fulfillmentId)));
    }

    /** SPOD's documented answer to a submit, as it is (its id is the example's, not this order's). */
    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(VendorFixtures.text("spod/submit-response.json"));
    }

    static ResponseDefinitionBuilder error(int status, String message, String traceId, boolean retryable) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"" + message + "\", \"trace-id\": \"" + traceId + "\", \"retryable\": " + retryable + "}");
    }

    static String order(String fulfillmentId, String state) {
        return "{\"external-order-id\": \"" + fulfillmentId + "\", \"state\": \"" + state + "\", "
                + "\"created\": \"2026-11-23T10:15:30Z\", \"updated\": \"2026-11-23T10:15:31Z\", \"shipments\": []}";
    }

    /** The tokens SPOD's token endpoint issued, newest first. */
    private List<String> issuedTokens() {
        return spod.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(SpodSimulator.TOKEN_PATH))
                .map(ServeEvent::getResponse)
                .filter(response -> response.getStatus() == 200)
                .map(LoggedResponse::getBodyAsString)
                .map(body -> HubJson.read(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), TokenResponse.class).access_token())
                .toList();
    }

    private record TokenResponse(String access_token) {
    }

    private static String expectedBody(String fulfillmentId) {
        return """
                {
                  "external-order-id": "%s",
                  "currency": "USD",
                  "items": [
                    {"quantity": 2, "stock-keeping-unit": "812-4-2", "price": "19.00", "configuration": [
                      {"type": "design", "side": "front", "align": "center-top", "content": {"url": "https://cdn.example.com/fox.png"}},
                      {"type": "design", "side": "back", "content": {"url": "https://cdn.example.com/dog.png"}}]},
                    {"quantity": 1, "stock-keeping-unit": "812-4-3", "price": "21.50", "configuration": [
                      {"type": "design", "side": "front", "align": "center", "content": {"url": "https://cdn.example.com/owl.png"}}]}
                  ],
                  "shipping": {"type": "standard", "price": "3.99", "address": {
                    "first-name": "Ada", "last-name": "Lovelace", "street": "12 Crescent Road", "street-annex": "Flat 3",
                    "city": "London", "country-code": "GB", "zip-code": "NW1 4NP"}}
                }
                """.formatted(fulfillmentId);
    }
}
