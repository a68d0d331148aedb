package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.awaitListed;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.deadLetterHeaders;
import static io.fulfillmenthub.orchestrator.DeadLetterFixtures.header;
import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.messaging.FactConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * An order held behind a dead letter flows again once that dead letter is replayed and succeeds: the
 * replay passes the hold, lifts it, and the facts held behind it, replayed right after it, follow in order.
 */
@QuarkusTest
class ReplayLiftsTheHoldTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    @Test
    void replayingAHeldOrdersDeadLettersAppliesThemInOrderAndLiftsTheHold() {
        String order = FactFixtures.newOrderId();
        FactFixtures.send(kafka, FactBatchTest.twoFulfillments(order));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(order).equals("IN_FULFILLMENT"));

        // the consumer held the order when the first fact failed as poison (its cause since mended)
        String culprit = "culprit-" + UUID.randomUUID();
        String heldBehind = "held-" + UUID.randomUUID();
        database.preparedQuery("INSERT INTO lane_hold (consumer, order_key, held_by, reason) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(FactConsumer.CONSUMER, order, culprit, "poison: a bug since mended"))
                .await().atMost(Duration.ofSeconds(10));
        String deadLetters = Topics.deadLetter(Topics.FACTS, FactConsumer.CONSUMER);
        DeadLetterFixtures.write(kafka, deadLetters, List.of(
                deadLetter(deadLetters, culprit, new FulfillmentSubmitted(order, order + ":f-1", Fulfiller.SPOD, "spod-1", AT),
                        "poison", null),
                deadLetter(deadLetters, heldBehind, new FulfillmentSubmitted(order, order + ":f-2", Fulfiller.SPOD, "spod-2", AT),
                        "held", culprit)));
        awaitListed(order, 2);

        given().contentType(ContentType.JSON).body(Map.of("order", order)).post("/dead-letters/replay").then().statusCode(200);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(causesOf(order))
                .containsSubsequence(culprit, heldBehind));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> database
                .preparedQuery("SELECT count(*) AS n FROM lane_hold WHERE consumer = $1 AND order_key = $2")
                .execute(Tuple.of(FactConsumer.CONSUMER, order)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("n") == 0);
        given().get("/orders/{id}", order).then().statusCode(200).body("blocked", org.hamcrest.Matchers.nullValue());
    }

    private static ProducerRecord<String, byte[]> deadLetter(String topic, String ceId, Fact fact, String kind, String heldBy) {
        List<Header> original = List.of(header("ce_specversion", "1.0"), header("ce_id", ceId),
                header("ce_type", MessageTypes.of(fact).ceType()), header("ce_source", "/spod-connector"),
                header("ce_subject", fact.hubOrderId()), header("ce_time", AT.toString()));
        return new ProducerRecord<>(topic, null, fact.hubOrderId(), HubJson.write(fact),
                deadLetterHeaders(Topics.FACTS, kind + ": test", original, kind, FactConsumer.CONSUMER, heldBy));
    }

    private static String statusOf(String order) {
        return given().get("/orders/{id}", order).then().extract().jsonPath().getString("status");
    }

    private static List<String> causesOf(String order) {
        return given().get("/orders/{id}", order).then().statusCode(200).extract().jsonPath()
                .getList("timeline.cause.id", String.class);
    }
}
