package io.fulfillmenthub.orchestrator.api;

import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.SPOD_COMMANDS;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.SPOD_DEAD_LETTERS;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.SUBMIT;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.awaitListed;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.commandHeaders;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.deadLetterHeaders;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.header;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.write;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.fulfillmenthub.orchestrator.FactFixtures;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetter;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterRows;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Dead letters of every consumer group, listed and replayed through the operations API against the real broker and database. */
@QuarkusTest
class DeadLetterResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    Pool database;

    @Inject
    DeadLetterRows rows;

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A SubmitPrintOrder the SPOD connector could not process, on its dead-letter topic. */
    private RecordMetadata submitDeadLetter(String order, String ceId, String kind, String reason, String heldBy) {
        return write(kafka, SPOD_DEAD_LETTERS, order, json("{\"hubOrderId\":\"" + order + "\",\"n\":\"" + ceId + "\"}"),
                deadLetterHeaders(SPOD_COMMANDS, reason, commandHeaders(ceId, SUBMIT, order), kind, "spod-connector",
                        heldBy));
    }

    private String placeAndAwait(String order) {
        String placed = send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 1)),
                List.of(fulfillment("f-1", quantity("var-1", 1)))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/orders/{id}", order).then().statusCode(200));
        return placed;
    }

    @Test
    void aDeadLetterShowsInTheListWithItsFields() {
        String order = FactFixtures.newOrderId();
        String ceId = UUID.randomUUID().toString();
        RecordMetadata written = submitDeadLetter(order, ceId, "poison", "SPOD refused the order: unknown SKU", null);

        JsonPath page = awaitListed(order, 1);

        Map<String, Object> listed = page.getMap("deadLetters[0]");
        assertThat(listed).containsEntry("group", "spod-connector")
                .containsEntry("orderId", order)
                .containsEntry("type", SUBMIT)
                .containsEntry("ceId", ceId)
                .containsEntry("kind", "poison")
                .containsEntry("reason", "SPOD refused the order: unknown SKU")
                .containsEntry("cause", "HTTP 422")
                .containsEntry("heldBy", null)
                .containsEntry("sourceTopic", SPOD_COMMANDS)
                .containsEntry("deadLetterTopic", SPOD_DEAD_LETTERS)
                .containsEntry("partition", written.partition())
                .containsEntry("replayed", false)
                .containsEntry("replayedAt", null)
                .containsEntry("replayCount", 0);
        assertThat(((Number) listed.get("offset")).longValue()).isEqualTo(written.offset());
        assertThat(Instant.parse((String) listed.get("deadLetteredAt"))).isEqualTo(Instant.ofEpochMilli(written.timestamp()));
        assertThat(Duration.parse((String) listed.get("age")).isNegative()).isFalse();

        given().queryParam("group", "spod-connector").queryParam("type", SUBMIT).queryParam("kind", "poison")
                .queryParam("order", order).queryParam("replayed", "false").get("/dead-letters").then().statusCode(200)
                .body("deadLetters.ceId", equalTo(List.of(ceId)));
        given().queryParam("order", order).queryParam("kind", "held").get("/dead-letters").then().statusCode(200)
                .body("deadLetters", hasSize(0));
        given().queryParam("order", order).queryParam("group", "storefront-connector").get("/dead-letters").then()
                .statusCode(200).body("deadLetters", hasSize(0));
    }

    @Test
    void aDeadLetterReadAgainIsListedOnce() {
        String order = FactFixtures.newOrderId();
        RecordMetadata written = submitDeadLetter(order, UUID.randomUUID().toString(), "poison", "boom", null);
        awaitListed(order, 1);

        // a redelivery, as after a crash before the index's offsets were committed
        DeadLetter again = DeadLetter.read(SPOD_DEAD_LETTERS, written.partition(), written.offset(), Instant.now(), order,
                json("{}"), List.of());
        rows.index(database, List.of(again, again)).await().atMost(Duration.ofSeconds(10));

        given().queryParam("order", order).get("/dead-letters").then().statusCode(200).body("deadLetters", hasSize(1))
                .body("deadLetters[0].reason", equalTo("boom"));
    }

    @Test
    void replayingOnePutsTheIdenticalRecordOnItsSourceTopicMarksItReplayedAndNotesItOnTheTimeline() {
        String order = FactFixtures.newOrderId();
        placeAndAwait(order);
        String ceId = UUID.randomUUID().toString();
        byte[] value = json("{\"hubOrderId\":\"" + order + "\",\"items\":[]}");
        List<Header> original = commandHeaders(ceId, SUBMIT, order);
        RecordMetadata written = write(kafka, SPOD_DEAD_LETTERS, order, value,
                deadLetterHeaders(SPOD_COMMANDS, "no SKU", original, "poison", "spod-connector", null));
        long id = awaitListed(order, 1).getLong("deadLetters[0].id");

        given().post("/dead-letters/{id}/replay", id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("replayed", equalTo(true))
                .body("replayCount", equalTo(1));

        String replayOf = SPOD_DEAD_LETTERS + "/" + written.partition() + "/" + written.offset();
        try (TopicReader reader = new TopicReader(kafka, SPOD_COMMANDS)) {
            ConsumerRecord<String, byte[]> replayed = reader.await(r -> replayOf.equals(TopicReader.header(r, "hub-replay-of")));
            assertThat(replayed.key()).isEqualTo(order);
            assertThat(replayed.value()).isEqualTo(value);
            assertThat(replayed.headers().toArray()).extracting(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(concat(original, header("hub-replay-of", replayOf)).stream()
                            .map(h -> tuple(h.key(), new String(h.value(), StandardCharsets.UTF_8))).toList());
        }
        given().queryParam("order", order).get("/dead-letters").then().statusCode(200)
                .body("deadLetters[0].replayed", equalTo(true))
                .body("deadLetters[0].replayedAt", org.hamcrest.Matchers.notNullValue());
        JsonPath view = given().get("/orders/{id}", order).then().statusCode(200).extract().jsonPath();
        assertThat(view.getList("timeline.note", String.class)).last()
                .isEqualTo("replayed " + SUBMIT + " " + ceId + " from " + SPOD_DEAD_LETTERS + " for spod-connector"
                        + " by operator test-operator");
        assertThat(view.getString("timeline[-1].cause.id")).isEqualTo(ceId);
        assertThat(view.getString("timeline[-1].from")).isEqualTo("IN_FULFILLMENT");
        assertThat(view.getString("timeline[-1].to")).isEqualTo("IN_FULFILLMENT");
    }

    @Test
    void replayingAnOrdersDeadLettersReplaysThemInOffsetOrderAndOnlyThatOrders() {
        String order = FactFixtures.newOrderId();
        String other = FactFixtures.newOrderId();
        List<String> ceIds = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        write(kafka, SPOD_DEAD_LETTERS, List.of(
                deadLetter(order, ceIds.get(0), "poison", null),
                deadLetter(other, "x-" + UUID.randomUUID(), "poison", null),
                deadLetter(order, ceIds.get(1), "held", ceIds.get(0)),
                deadLetter(order, ceIds.get(2), "held", ceIds.get(0))));
        awaitListed(order, 3);
        awaitListed(other, 1);

        given().contentType(ContentType.JSON).body(Map.of("order", order)).post("/dead-letters/replay").then()
                .statusCode(200).body("replayed.ceId", equalTo(ceIds));

        try (TopicReader reader = new TopicReader(kafka, SPOD_COMMANDS)) {
            reader.await(r -> ceIds.get(2).equals(TopicReader.header(r, "ce_id")));
            assertThat(reader.poll()).filteredOn(r -> order.equals(r.key()) && TopicReader.header(r, "hub-replay-of") != null)
                    .extracting(r -> TopicReader.header(r, "ce_id")).containsExactlyElementsOf(ceIds);
        }
        given().queryParam("order", other).get("/dead-letters").then().statusCode(200)
                .body("deadLetters[0].replayed", equalTo(false));
        // nothing of the order waits any more
        given().contentType(ContentType.JSON).body(Map.of("order", order)).post("/dead-letters/replay").then()
                .statusCode(200).body("replayed", hasSize(0));
    }

    @Test
    void replayingAllOfAKindReplaysThatGroupsDeadLettersOfThatType() {
        String type = "hub.command.test-" + UUID.randomUUID() + ".v1";
        String first = FactFixtures.newOrderId();
        String second = FactFixtures.newOrderId();
        write(kafka, SPOD_DEAD_LETTERS, List.of(deadLetter(first, "k-1-" + type, "poison", null, type),
                deadLetter(second, "k-2-" + type, "poison", null, type), deadLetter(second, "s-" + type, "poison", null)));
        awaitListed(first, 1);
        awaitListed(second, 2);

        given().contentType(ContentType.JSON).body(Map.of("group", "spod-connector", "type", type))
                .post("/dead-letters/replay").then().statusCode(200)
                .body("replayed.ceId", equalTo(List.of("k-1-" + type, "k-2-" + type)));

        given().queryParam("order", second).queryParam("replayed", "false").get("/dead-letters").then().statusCode(200)
                .body("deadLetters.ceId", equalTo(List.of("s-" + type)));
    }

    @Test
    void anOrderWithADeadLetterIsBlockedWithTheReasonUntilItIsReplayed() {
        String order = FactFixtures.newOrderId();
        placeAndAwait(order);
        String poison = UUID.randomUUID().toString();
        String held = UUID.randomUUID().toString();
        submitDeadLetter(order, poison, "poison", "SPOD refused the order: unknown SKU", null);
        submitDeadLetter(order, held, "held", "held behind " + poison, poison);
        awaitListed(order, 2);

        given().get("/orders/{id}", order).then().statusCode(200)
                .body("status", equalTo("IN_FULFILLMENT"))
                .body("blocked.reason", equalTo("spod-connector could not process " + SUBMIT + " " + poison
                        + ": SPOD refused the order: unknown SKU (2 dead letters wait)"))
                .body("blocked.deadLetters.ceId", equalTo(List.of(poison, held)))
                .body("blocked.deadLetters[1].heldBy", equalTo(poison));
        String before = order.substring(0, order.length() - 1);
        given().queryParam("status", "blocked").queryParam("after", before).queryParam("limit", 1).get("/orders")
                .then().statusCode(200)
                .body("orders[0].hubOrderId", equalTo(order))
                .body("orders[0].status", equalTo("IN_FULFILLMENT"))
                .body("orders[0].blocked", equalTo(true));

        given().contentType(ContentType.JSON).body(Map.of("order", order)).post("/dead-letters/replay").then()
                .statusCode(200).body("replayed", hasSize(2));

        given().get("/orders/{id}", order).then().statusCode(200).body("blocked", nullValue())
                .body("status", equalTo("IN_FULFILLMENT"));
        given().queryParam("after", before).queryParam("limit", 1).get("/orders").then().statusCode(200)
                .body("orders[0].hubOrderId", equalTo(order)).body("orders[0].blocked", equalTo(false));
        given().queryParam("status", "BLOCKED").queryParam("after", before).queryParam("limit", 1).get("/orders")
                .then().statusCode(200).body("orders.hubOrderId", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(order)));
    }

    @Test
    void anUnreadableWebhookShowsUnderTheOrderIdOfItsKey() {
        String order = FactFixtures.newOrderId();
        String deliveryId = UUID.randomUUID().toString();
        write(kafka, "fulfillment.inbound.v1.dlq.storefront-connector", order, json("{\"order\":{\"id\":6114,\"lines\":7}}"),
                deadLetterHeaders("fulfillment.inbound.v1", "$.order.lines: expected an array", List.of(
                        header("ce_specversion", "1.0"), header("ce_id", deliveryId),
                        header("ce_type", "spresso.order_fulfillable"), header("ce_source", "/ingest/spresso")),
                        "contract", "storefront-connector", null));

        JsonPath page = awaitListed(order, 1);

        assertThat(page.getString("deadLetters[0].kind")).isEqualTo("contract");
        assertThat(page.getString("deadLetters[0].group")).isEqualTo("storefront-connector");
        assertThat(page.getString("deadLetters[0].sourceTopic")).isEqualTo("fulfillment.inbound.v1");
        assertThat(page.getString("deadLetters[0].reason")).isEqualTo("$.order.lines: expected an array");
        // the order never arrived: its view points at what holds it
        given().get("/orders/{id}", order).then().statusCode(404)
                .body("message", equalTo("no order " + order + "; it has 1 dead letters not replayed: "
                        + "GET /dead-letters?order=" + order));
    }

    @Test
    void badRequestsAreA400Or404NamingTheField() {
        Map<String, String> badQueries = Map.of("kind", "lost", "replayed", "maybe", "limit", "0", "after", "ten");
        badQueries.forEach((parameter, value) -> given().queryParam(parameter, value).get("/dead-letters").then()
                .statusCode(400).body("error", equalTo("bad_request")).body("parameter", equalTo(parameter))
                .body("message", containsString("'" + value + "'")));

        given().post("/dead-letters/{id}/replay", "seven").then().statusCode(400).body("parameter", equalTo("id"));
        given().post("/dead-letters/{id}/replay", Long.MAX_VALUE).then().statusCode(404)
                .body("error", equalTo("not_found")).body("message", equalTo("no dead letter " + Long.MAX_VALUE));

        Map<String, String> badBodies = Map.of(
                "", "body",
                "[]", "body",
                "{\"order\": ", "body",
                "{}", "order",
                "{\"order\": 7}", "order",
                "{\"order\": \"spresso:1\", \"group\": \"spod-connector\"}", "group",
                "{\"group\": \"spod-connector\"}", "type",
                "{\"type\": \"" + SUBMIT + "\"}", "group",
                "{\"type\": \"" + SUBMIT + "\", \"group\": \" \"}", "group",
                "{\"colour\": \"red\"}", "colour");
        badBodies.forEach((body, field) -> given().contentType(ContentType.JSON).body(body).post("/dead-letters/replay")
                .then().statusCode(400).body("error", equalTo("bad_request")).body("parameter", equalTo(field)));

        given().queryParam("status", "STUCK").get("/orders").then().statusCode(400).body("parameter", equalTo("status"))
                .body("message", containsString("BLOCKED"));
    }

    private static ProducerRecord<String, byte[]> deadLetter(String order, String ceId, String kind, String heldBy) {
        return deadLetter(order, ceId, kind, heldBy, SUBMIT);
    }

    private static ProducerRecord<String, byte[]> deadLetter(String order, String ceId, String kind, String heldBy,
            String type) {
        return new ProducerRecord<>(SPOD_DEAD_LETTERS, null, order, json("{\"n\":\"" + ceId + "\"}"),
                deadLetterHeaders(SPOD_COMMANDS, "failed", commandHeaders(ceId, type, order), kind, "spod-connector",
                        heldBy));
    }

    private static List<Header> concat(List<Header> headers, Header last) {
        return java.util.stream.Stream.concat(headers.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
