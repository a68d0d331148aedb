package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.ShipmentDelivered;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.facts.TimelineNoted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Parcels delivered (a tracking service's fact, or an operator through the API) and notes on the timeline. */
@QuarkusTest
class DeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    /** f-1 with var-1 ×3, sent in two parcels, 1Z1 (×1) and 1Z2 (×2), then all sent. */
    String shippedInTwoParcels() {
        String order = FactFixtures.newOrderId();
        String f1 = order + ":f-1";
        send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 3)), List.of(fulfillment("f-1", quantity("var-1", 3)))));
        send(kafka, new ShipmentDispatched(order, f1, Fulfiller.SPOD, "ups", "1Z1", null, List.of(quantity("var-1", 1)), AT));
        send(kafka, new ShipmentDispatched(order, f1, Fulfiller.SPOD, "ups", "1Z2", null, List.of(quantity("var-1", 2)), AT));
        send(kafka, new FulfillmentShipped(order, f1, Fulfiller.SPOD, AT));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200).body("fulfillments[0].status", equalTo("SHIPPED")));
        return order;
    }

    @Test
    void aFulfillmentIsDeliveredOnceEveryParcelIsAndTheStorefrontHearsItOnce() {
        String order = shippedInTwoParcels();
        String f1 = order + ":f-1";
        send(kafka, new ShipmentDelivered(order, "1Z1", "ups", AT.plusSeconds(86_400), "tracking-service"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200)
                .body("shipments.find { it.trackingNumber == '1Z1' }.deliveredAt", equalTo("2026-11-24T10:15:30Z"))
                .body("shipments.find { it.trackingNumber == '1Z2' }.deliveredAt", nullValue())
                .body("fulfillments[0].status", equalTo("SHIPPED"))
                .body("status", equalTo("SHIPPED")));

        // the second parcel through the operations API, twice: the second changes nothing
        for (int i = 0; i < 2; i++) {
            given().body("{\"deliveredAt\": \"2026-11-25T08:00:00Z\"}")
                    .post("/orders/{id}/shipments/{tracking}/delivered", order, "1Z2").then().statusCode(200)
                    .body("shipments.find { it.trackingNumber == '1Z2' }.deliveredAt", equalTo("2026-11-25T08:00:00Z"))
                    .body("fulfillments[0].status", equalTo("DELIVERED"))
                    .body("status", equalTo("COMPLETED"));
        }
        given().get("/orders/{id}", order).then().body("timeline.findAll { it.note == 'shipment " + f1
                + "/1Z2 already delivered at 2026-11-25T08:00:00Z' }.size()", equalTo(1));

        FactFixtures.awaitOutboxEmpty(database, order);
        List<UpdateStorefrontFulfillmentStatus> delivered = FactFixtures.storefrontUpdatesSoFar(kafka, order).stream()
                .filter(update -> update.status() == UpdateStorefrontFulfillmentStatus.Status.DELIVERED).toList();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).sourceFulfillmentId()).isEqualTo("f-1");
    }

    @Test
    void theOperationsApiAnswers404ForAnUnknownTrackingNumberOrOrderAnd400ForABadDate() {
        String order = shippedInTwoParcels();
        given().post("/orders/{id}/shipments/{tracking}/delivered", order, "NOPE").then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", equalTo("order " + order + " has no shipment with tracking number 'NOPE'"));
        given().post("/orders/{id}/shipments/{tracking}/delivered", "spresso:never-placed", "1Z1").then().statusCode(404)
                .body("message", equalTo("no order spresso:never-placed"));
        given().body("{\"deliveredAt\": \"yesterday\"}").post("/orders/{id}/shipments/{tracking}/delivered", order, "1Z1")
                .then().statusCode(400).body("parameter", equalTo("deliveredAt"))
                .body("message", containsString("ISO-8601"));
        given().body("{\"when\": \"2026-11-25T08:00:00Z\"}").post("/orders/{id}/shipments/{tracking}/delivered", order, "1Z1")
                .then().statusCode(400).body("parameter", equalTo("when"));
        // nothing was half-applied: no parcel delivered
        given().get("/orders/{id}", order).then().body("shipments.findAll { it.deliveredAt != null }.size()", equalTo(0));
    }

    @Test
    void aDeliveryFromTheTopicOfAnUnknownTrackingNumberIsADeadLetterSayingSo() {
        String order = shippedInTwoParcels();
        String id = send(kafka, new ShipmentDelivered(order, "NOPE", null, AT, "tracking-service"));
        try (TopicReader deadLetters = new TopicReader(kafka, Topics.deadLetter(Topics.FACTS, "orchestrator"))) {
            var dead = deadLetters.await(r -> id.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            assertThat(TopicReader.header(dead, "dead-letter-reason"))
                    .contains("order " + order + " has no shipment with tracking number 'NOPE'");
            assertThat(TopicReader.header(dead, "hub-dead-letter-kind")).isEqualTo("contract");
        }
    }

    @Test
    void aNoteGoesOnTheTimelineAndChangesNothing() {
        String order = shippedInTwoParcels();
        String noted = send(kafka, new TimelineNoted(order, order + ":f-1", "storefront-connector",
                "carrier 'Royal Mail' is not one Spresso knows: sent as 'other'", AT));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200)
                .body("timeline.find { it.cause.id == '" + noted + "' }.note",
                        equalTo("storefront-connector: carrier 'Royal Mail' is not one Spresso knows: sent as 'other'"))
                .body("timeline.find { it.cause.id == '" + noted + "' }.fulfillmentId", equalTo(order + ":f-1"))
                .body("timeline.find { it.cause.id == '" + noted + "' }.to", equalTo("SHIPPED"))
                .body("status", equalTo("SHIPPED"))
                .body("fulfillments[0].status", equalTo("SHIPPED"))
                .body("version", notNullValue()));
    }
}
