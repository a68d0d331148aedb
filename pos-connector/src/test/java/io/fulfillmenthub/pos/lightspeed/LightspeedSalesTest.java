package io.fulfillmenthub.pos.lightspeed;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.Command;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.CancelSale;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.FulfilSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.kit.deadletter.DeadLetterHeaders;
import io.fulfillmenthub.kit.deadletter.DeadLetterReplays;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.TopicWriter;
import io.fulfillmenthub.testing.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Create, fulfil and cancel sale, the sale.update webhook and the poller, from the topics through Lightspeed to the facts. */
@QuarkusTest
class LightspeedSalesTest {

    private static final LightspeedDouble STORE = LightspeedSimulator.STORE;

    @LightspeedSimulator.InjectLightspeed
    WireMockServer lightspeed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    LightspeedSalePoller poller;

    @Inject
    Pool database;

    @Test
    void aCreateSaleMakesOneSaleAwaitingPickupShapedAsLightspeedDocumentsIt() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";

        send(UUID.randomUUID().toString(), createSale(hubOrderId, fulfillmentId, SaleMode.PICKUP));

        FulfillmentSubmitted submitted = data(awaitFact(fulfillmentId, "fulfillment-submitted"), FulfillmentSubmitted.class);
        List<LightspeedDouble.Sale> sales = STORE.salesWithSourceId(fulfillmentId);
        assertThat(sales).hasSize(1);
        assertThat(submitted.vendorReference()).isEqualTo(sales.get(0).id);
        assertThat(submitted.fulfiller()).isEqualTo(Fulfiller.LIGHTSPEED);
        assertThat(submitted.hubOrderId()).isEqualTo(hubOrderId);
        JsonNode sent = json(createsOf(fulfillmentId).get(0).getBodyAsString());
        assertSameShape(VendorFixtures.json("lightspeed/register-sale-pickup.json"), sent, "");
        assertThat(sent.get("status").asText()).isEqualTo("AWAITING_PICKUP");
        assertThat(sent.get("source").asText()).isEqualTo("fulfillment-hub");
        assertThat(sent.get("source_id").asText()).isEqualTo(fulfillmentId);
        assertThat(sent.get("fulfillment_outlet_id").asText()).isEqualTo("02e60bb7-8d62-11e9-f4c2-b314f6a052d1");
    }

    @Test
    void aCreateWhoseAnswerIsLostStillMakesExactlyOneSale() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        STORE.loseCreateAnswers(1);

        send(UUID.randomUUID().toString(), createSale(hubOrderId, fulfillmentId, SaleMode.DELIVERY));

        FulfillmentSubmitted submitted = data(awaitFact(fulfillmentId, "fulfillment-submitted"), FulfillmentSubmitted.class);
        assertThat(STORE.salesWithSourceId(fulfillmentId)).singleElement()
                .satisfies(sale -> assertThat(sale.id).isEqualTo(submitted.vendorReference()))
                .satisfies(sale -> assertThat(sale.status).isEqualTo("AWAITING_DISPATCH"));
        assertThat(createsOf(fulfillmentId)).hasSize(1);
    }

    @Test
    void aSaleMadeJustBeforeACrashIsFoundNotMadeAgain() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        CreateSale command = createSale(hubOrderId, fulfillmentId, SaleMode.PICKUP);
        // the process that died had claimed the fulfillment and Lightspeed had made the sale; nothing recorded it
        await(database.preparedQuery("INSERT INTO lightspeed_sale (fulfillment_id, hub_order_id, mode, command_id) "
                + "VALUES ($1, $2, 'PICKUP', 'before-the-crash')").execute(Tuple.of(fulfillmentId, hubOrderId)));
        LightspeedDouble.Sale before = STORE.makeSale(LightspeedSaleRequests.of(command));

        send(UUID.randomUUID().toString(), command);

        FulfillmentSubmitted submitted = data(awaitFact(fulfillmentId, "fulfillment-submitted"), FulfillmentSubmitted.class);
        assertThat(submitted.vendorReference()).isEqualTo(before.id);
        assertThat(STORE.salesWithSourceId(fulfillmentId)).hasSize(1);
        assertThat(createsOf(fulfillmentId)).isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceWithTheStoredRefreshTokenAndTheSaleMade() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String earlier = newHubOrderId();
        created(earlier, earlier + ":ful_1", SaleMode.PICKUP); // a token in use
        int refreshesBefore = STORE.refreshes();
        int refusedBefore = STORE.refusedRefreshTokens();
        STORE.expireAccessTokens();

        send(UUID.randomUUID().toString(), createSale(hubOrderId, fulfillmentId, SaleMode.PICKUP));

        awaitFact(fulfillmentId, "fulfillment-submitted");
        assertThat(STORE.salesWithSourceId(fulfillmentId)).hasSize(1);
        assertThat(STORE.refreshes() - refreshesBefore).isEqualTo(1);
        assertThat(STORE.refusedRefreshTokens() - refusedBefore).isZero();
    }

    @Test
    void aCreateDeliveredTwiceMakesOneSale() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String commandId = UUID.randomUUID().toString();
        CreateSale command = createSale(hubOrderId, fulfillmentId, SaleMode.PICKUP);

        send(commandId, command);
        send(commandId, command);
        String laterFulfillment = hubOrderId + ":ful_3";
        send(UUID.randomUUID().toString(), createSale(hubOrderId, laterFulfillment, SaleMode.PICKUP));
        awaitFact(laterFulfillment, "fulfillment-submitted");

        assertThat(STORE.salesWithSourceId(fulfillmentId)).hasSize(1);
        assertThat(createsOf(fulfillmentId)).hasSize(1);
    }

    @Test
    void a429IsWaitedOutUntilItsRetryAfterDateAndLosesNothing() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        STORE.refuse(2, until);

        send(UUID.randomUUID().toString(), createSale(hubOrderId, fulfillmentId, SaleMode.PICKUP));

        awaitFact(fulfillmentId, "fulfillment-submitted");
        assertThat(STORE.salesWithSourceId(fulfillmentId)).hasSize(1);
        // Retry-After is a date: Lightspeed refused calls, and no call reached it again before that date
        List<ServeEvent> calls = lightspeed.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/lightspeed/api/")
                        && !event.getRequest().getUrl().contains("/token"))
                .filter(event -> !event.getRequest().getLoggedDate().toInstant().isBefore(until.minusSeconds(3)))
                .toList();
        List<ServeEvent> refused = calls.stream().filter(event -> event.getResponse().getStatus() == 429).toList();
        assertThat(refused).hasSize(2);
        Instant firstRefusal = refused.stream().map(event -> event.getRequest().getLoggedDate().toInstant())
                .min(Instant::compareTo).orElseThrow();
        assertThat(calls).filteredOn(event -> event.getRequest().getLoggedDate().toInstant().isAfter(firstRefusal))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.getRequest().getLoggedDate().toInstant()).isAfterOrEqualTo(until));
    }

    @Test
    void aCreateLightspeedRefusesIsRejectedWithItsMessageAndMakesNoSale() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        CreateSale fine = createSale(hubOrderId, fulfillmentId, SaleMode.PICKUP);
        CreateSale unknownProduct = new CreateSale(hubOrderId, fulfillmentId, SaleMode.PICKUP, fine.outletId(), fine.registerId(),
                fine.userId(), List.of(new CreateSale.Line("line-1", LightspeedDouble.UNKNOWN_PRODUCT, 1, BigDecimal.ONE,
                        BigDecimal.ZERO, "b1d192bc-f019-11e3-a0f5-b8ca3a64f8f4")), null);
        String commandId = UUID.randomUUID().toString();

        send(commandId, unknownProduct);

        FulfillmentRejected rejected = data(awaitFactWithId(MessageIds.derive(commandId, "fulfillment-rejected")),
                FulfillmentRejected.class);
        assertThat(rejected.reason()).isEqualTo("Lightspeed refused the sale (HTTP 400)");
        assertThat(rejected.vendorMessage()).contains("product_id");
        assertThat(STORE.salesWithSourceId(fulfillmentId)).isEmpty();
    }

    @Test
    void aSaleHandedOverAtTheTillIsReportedOnceHoweverOftenTheWebhookComes() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.PICKUP);
        STORE.handOverAtTill(saleId);

        sendWebhook(hubOrderId, saleId);
        sendWebhook(hubOrderId, saleId);
        String pickedUpId = MessageIds.derive(fulfillmentId, "fulfillment-picked-up");
        awaitFactWithId(pickedUpId);
        // a later webhook of the same order is handled after both
        String other = hubOrderId + ":ful_3";
        String otherSale = created(hubOrderId, other, SaleMode.DELIVERY);
        STORE.handOverAtTill(otherSale);
        sendWebhook(hubOrderId, otherSale);
        awaitFact(other, "fulfillment-shipped");

        assertThat(factsAbout(hubOrderId)).filteredOn(record -> type(record).equals(MessageTypes.FULFILLMENT_PICKED_UP.ceType()))
                .extracting(record -> TopicReader.header(record, CloudEventHeaders.ID)).containsOnly(pickedUpId);
    }

    @Test
    void aSaleVoidedAtTheTillIsCancelled() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.PICKUP);
        STORE.voidAtTill(saleId);

        sendWebhook(hubOrderId, saleId);

        assertThat(type(awaitFact(fulfillmentId, "fulfillment-cancelled"))).isEqualTo(MessageTypes.FULFILLMENT_CANCELLED.ceType());
    }

    @Test
    void thePollerFindsAHandOverWhoseWebhookWasLost() throws Throwable {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.DELIVERY);
        STORE.handOverAtTill(saleId);

        VertxContextSupport.subscribeAndAwait(() -> poller.poll());

        assertThat(type(awaitFact(fulfillmentId, "fulfillment-shipped"))).isEqualTo(MessageTypes.FULFILLMENT_SHIPPED.ceType());
    }

    @Test
    void aFulfilSaleClosesTheSaleWithTheDocumentedBody() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.DELIVERY);

        send(UUID.randomUUID().toString(), new FulfilSale(hubOrderId, fulfillmentId, SaleMode.DELIVERY));

        awaitFact(fulfillmentId, "fulfillment-shipped");
        assertThat(STORE.sale(saleId).status).isEqualTo("DISPATCHED_CLOSED");
        List<LoggedRequest> fulfils = fulfilsOf(saleId);
        assertThat(fulfils).hasSize(1);
        assertThat(json(fulfils.get(0).getBodyAsString())).isEqualTo(VendorFixtures.json("lightspeed/fulfill-shipped.json"));
    }

    @Test
    void aFulfilSaleWhoseSaleLightspeedAnswersUnreadablyIsDeadLetteredHoldsTheOrderAndIsReplayable() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.DELIVERY);
        STORE.garbleReadsOf(saleId);
        String commandId = UUID.randomUUID().toString();

        send(commandId, new FulfilSale(hubOrderId, fulfillmentId, SaleMode.DELIVERY));

        // an answer the connector cannot read is neither known to pass nor known to be final: retried, then poison
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(commandId);
        assertThat(TopicReader.header(deadLetter, DeadLetterHeaders.KIND)).isEqualTo(DeadLetterHeaders.KIND_POISON);
        assertThat(TopicReader.header(deadLetter, DeadLetterHeaders.REASON)).contains("GET /api/2.0/sales/{id}", "unreadable");
        // the order is held behind it: a later command for the order waits as a dead letter too, nothing carried out
        String laterId = UUID.randomUUID().toString();
        send(laterId, new CancelSale(hubOrderId, fulfillmentId, "cancelled at the storefront"));
        assertThat(TopicReader.header(awaitDeadLetter(laterId), DeadLetterHeaders.KIND)).isEqualTo(DeadLetterHeaders.KIND_HELD);
        assertThat(fulfilsOf(saleId)).isEmpty();
        assertThat(STORE.sale(saleId).status).isEqualTo("AWAITING_DISPATCH");
        assertThat(factsAbout(hubOrderId)).extracting(LightspeedSalesTest::type)
                .containsOnly(MessageTypes.FULFILLMENT_SUBMITTED.ceType());

        // Lightspeed answers again; the operator replays the dead letter as the operations API does
        STORE.answerReadsOf(saleId);
        var replay = DeadLetterReplays.record(Topics.COMMANDS_POS, deadLetter.key(), deadLetter.value(),
                deadLetter.headers(), deadLetter.topic(), deadLetter.partition(), deadLetter.offset());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        replay.headers().forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(replay.topic(), replay.key(), headers, replay.value());
        }

        awaitFact(fulfillmentId, "fulfillment-shipped");
        assertThat(fulfilsOf(saleId)).hasSize(1);
        assertThat(STORE.sale(saleId).status).isEqualTo("DISPATCHED_CLOSED");
    }

    @Test
    void aFulfilSaleOfASaleAlreadyPickedUpReportsItWithoutACall() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.PICKUP);
        STORE.handOverAtTill(saleId);

        send(UUID.randomUUID().toString(), new FulfilSale(hubOrderId, fulfillmentId, SaleMode.PICKUP));

        awaitFact(fulfillmentId, "fulfillment-picked-up");
        assertThat(fulfilsOf(saleId)).isEmpty();
    }

    @Test
    void aCancelSaleVoidsAnOpenSale() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.PICKUP);

        send(UUID.randomUUID().toString(), new CancelSale(hubOrderId, fulfillmentId, "customer asked"));

        awaitFact(fulfillmentId, "fulfillment-cancelled");
        assertThat(STORE.sale(saleId).status).isEqualTo("VOIDED");
    }

    @Test
    void aCancelSaleOfASaleHandedOverIsRejectedAfterTheHandOverIsReported() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        String saleId = created(hubOrderId, fulfillmentId, SaleMode.PICKUP);
        STORE.handOverAtTill(saleId);
        String commandId = UUID.randomUUID().toString();

        send(commandId, new CancelSale(hubOrderId, fulfillmentId, "customer asked"));

        FulfillmentCancellationRejected rejected = data(awaitFactWithId(MessageIds.derive(commandId,
                "fulfillment-cancellation-rejected")), FulfillmentCancellationRejected.class);
        assertThat(rejected.reason()).isEqualTo("handed over");
        assertThat(STORE.sale(saleId).status).isEqualTo("PICKED_UP_CLOSED");
        List<String> types = factsAbout(hubOrderId).stream().map(LightspeedSalesTest::type).toList();
        assertThat(types).containsSubsequence(MessageTypes.FULFILLMENT_PICKED_UP.ceType(),
                MessageTypes.FULFILLMENT_CANCELLATION_REJECTED.ceType());
    }

    @Test
    void aCancelSaleAfterACrashBeforeTheSaleWasRecordedVoidsTheSaleFoundInTheFeed() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";
        await(database.preparedQuery("INSERT INTO lightspeed_sale (fulfillment_id, hub_order_id, mode, command_id) "
                + "VALUES ($1, $2, 'PICKUP', 'before-the-crash')").execute(Tuple.of(fulfillmentId, hubOrderId)));
        LightspeedDouble.Sale before = STORE.makeSale(LightspeedSaleRequests.of(createSale(hubOrderId, fulfillmentId,
                SaleMode.PICKUP)));

        send(UUID.randomUUID().toString(), new CancelSale(hubOrderId, fulfillmentId, "customer asked"));

        awaitFact(fulfillmentId, "fulfillment-cancelled");
        assertThat(STORE.sale(before.id).status).isEqualTo("VOIDED");
        assertThat(lightspeed.findAll(postRequestedFor(urlPathEqualTo("/lightspeed/api/register_sales"))).stream()
                .map(request -> json(request.getBodyAsString()))
                .filter(body -> before.id.equals(body.path("id").asText())))
                .singleElement()
                .satisfies(voided -> assertThat(voided.get("status").asText()).isEqualTo("VOIDED"))
                .satisfies(voided -> assertThat(voided.get("register_sale_products").isArray()).isTrue());
    }

    @Test
    void aCancelSaleBeforeAnySaleMeansNoSaleIsEverMade() {
        String hubOrderId = newHubOrderId();
        String fulfillmentId = hubOrderId + ":ful_2";

        send(UUID.randomUUID().toString(), new CancelSale(hubOrderId, fulfillmentId, "cancelled at the storefront"));
        awaitFact(fulfillmentId, "fulfillment-cancelled");
        send(UUID.randomUUID().toString(), createSale(hubOrderId, fulfillmentId, SaleMode.PICKUP));
        String later = hubOrderId + ":ful_3";
        send(UUID.randomUUID().toString(), createSale(hubOrderId, later, SaleMode.PICKUP));
        awaitFact(later, "fulfillment-submitted");

        assertThat(STORE.salesWithSourceId(fulfillmentId)).isEmpty();
        assertThat(factsAbout(hubOrderId)).extracting(LightspeedSalesTest::type)
                .doesNotContain(MessageTypes.FULFILLMENT_REJECTED.ceType())
                .filteredOn(MessageTypes.FULFILLMENT_SUBMITTED.ceType()::equals).hasSize(1);
    }

    // ---- support

    private String created(String hubOrderId, String fulfillmentId, SaleMode mode) {
        send(UUID.randomUUID().toString(), createSale(hubOrderId, fulfillmentId, mode));
        return data(awaitFact(fulfillmentId, "fulfillment-submitted"), FulfillmentSubmitted.class).vendorReference();
    }

    static String newHubOrderId() {
        return "spresso:ord_" + UUID.randomUUID();
    }

    /** The fixture's ids and amounts. */
    static CreateSale createSale(String hubOrderId, String fulfillmentId, SaleMode mode) {
        return new CreateSale(hubOrderId, fulfillmentId, mode, "02e60bb7-8d62-11e9-f4c2-b314f6a052d1",
                "b1e198a9-f019-11e3-a0f5-b8ca3a64f8f4", "b1ed6158-f019-11e3-a0f5-b8ca3a64f8f4",
                List.of(new CreateSale.Line("line-1", "b1d87b58-f019-11e3-a0f5-b8ca3a64f8f4", 1, new BigDecimal("12"),
                        new BigDecimal("1.8"), "b1d192bc-f019-11e3-a0f5-b8ca3a64f8f4")), null);
    }

    void send(String commandId, Command command) {
        sendRaw(commandId, command.hubOrderId(), MessageTypes.of(command).ceType(), new String(HubJson.write(command),
                StandardCharsets.UTF_8));
    }

    void sendRaw(String commandId, String key, String type, String data) {
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.COMMANDS_POS, key, Map.of(
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.ID, commandId,
                    CloudEventHeaders.TYPE, type,
                    CloudEventHeaders.SOURCE, "/orchestrator",
                    CloudEventHeaders.SUBJECT, key,
                    CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON), data.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A sale.update as ingest publishes it: the form body, its delivery id the body's digest (here: its text). */
    void sendWebhook(String hubOrderId, String saleId) {
        String body = "payload=" + URLEncoder.encode(STORE.payload(saleId), StandardCharsets.UTF_8)
                + "&type=sale.update&domain_prefix=hubtest&environment=prod&retailer_id=r-1";
        try (TopicWriter writer = new TopicWriter(bootstrapServers)) {
            writer.send(Topics.INBOUND, hubOrderId, Map.of(
                    CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                    CloudEventHeaders.ID, UUID.nameUUIDFromBytes(body.getBytes(StandardCharsets.UTF_8)).toString(),
                    CloudEventHeaders.TYPE, InboundTypes.LIGHTSPEED_WEBHOOK,
                    CloudEventHeaders.SOURCE, "/ingest/lightspeed",
                    CloudEventHeaders.SUBJECT, hubOrderId,
                    CloudEventHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    ConsumerRecord<String, byte[]> awaitDeadLetter(String commandId) {
        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.deadLetter(Topics.COMMANDS_POS, "pos-connector"))) {
            return deadLetters.await(record -> commandId.equals(TopicReader.header(record, CloudEventHeaders.ID)),
                    Duration.ofSeconds(60));
        }
    }

    ConsumerRecord<String, byte[]> awaitFact(String fulfillmentId, String factName) {
        return awaitFactWithId(MessageIds.derive(fulfillmentId, factName));
    }

    ConsumerRecord<String, byte[]> awaitFactWithId(String id) {
        try (TopicReader facts = new TopicReader(bootstrapServers, Topics.FACTS)) {
            return facts.await(record -> id.equals(TopicReader.header(record, CloudEventHeaders.ID)), Duration.ofSeconds(60));
        }
    }

    List<ConsumerRecord<String, byte[]>> factsAbout(String hubOrderId) {
        return TopicReader.readToEnd(bootstrapServers, Topics.FACTS).stream()
                .filter(record -> hubOrderId.equals(record.key())).toList();
    }

    List<LoggedRequest> createsOf(String fulfillmentId) {
        return lightspeed.findAll(postRequestedFor(urlPathEqualTo("/lightspeed/api/register_sales"))).stream()
                .filter(request -> request.getBodyAsString().contains("\"" + fulfillmentId + "\""))
                .filter(request -> !json(request.getBodyAsString()).has("id"))
                .toList();
    }

    List<LoggedRequest> fulfilsOf(String saleId) {
        return lightspeed.findAll(postRequestedFor(urlPathEqualTo("/lightspeed/api/2.0/sales/" + saleId + "/fulfill")));
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return TopicReader.header(record, CloudEventHeaders.TYPE);
    }

    static <T> T data(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return HubJson.read(record.value(), type);
    }

    static JsonNode json(String text) {
        try {
            return HubJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every field of the fixture is sent, with the same JSON type (numbers as numbers, ids as strings). */
    static void assertSameShape(JsonNode fixture, JsonNode sent, String path) {
        if (fixture.isObject()) {
            for (Iterator<String> names = fixture.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(sent.has(name)).as("%s.%s sent", path, name).isTrue();
                assertSameShape(fixture.get(name), sent.get(name), path + "." + name);
            }
        } else if (fixture.isArray()) {
            assertThat(sent.isArray()).as("%s is an array", path).isTrue();
            for (int i = 0; i < fixture.size(); i++) {
                assertSameShape(fixture.get(i), sent.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(sent.getNodeType()).as("%s's JSON type", path).isEqualTo(fixture.getNodeType());
        }
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }
}
