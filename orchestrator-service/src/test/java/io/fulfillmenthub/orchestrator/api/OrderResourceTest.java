package io.fulfillmenthub.orchestrator.api;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.FactFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String placeAndAwait(String order) {
        String factId = send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 2)),
                List.of(fulfillment("f-1", quantity("var-1", 2)))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/orders/{id}", order).then().statusCode(200));
        return factId;
    }

    @Test
    void anOrderShowsItsFulfillmentsAndATimelineNamingTheCauseOfEachTransition() {
        String order = FactFixtures.newOrderId();
        String placed = placeAndAwait(order);
        String submitted = send(kafka, new FulfillmentSubmitted(order, order + ":f-1", Fulfiller.SPOD, "spod-42", AT));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().urlEncodingEnabled(false)
                .get("/orders/" + order.replace(":", "%3A")).then().statusCode(200)
                .body("hubOrderId", equalTo(order))
                .body("status", equalTo("IN_FULFILLMENT"))
                .body("fulfillments[0].vendorReference", equalTo("spod-42"))
                .body("fulfillments[0].lines[0].ordered", equalTo(2))
                .body("fulfillments[0].lines[0].shipped", equalTo(0))
                .body("fulfillments[0].lines[0].fulfillerSku", equalTo("812-4-2"))
                .body("timeline.cause.id", contains(placed, placed, placed, submitted))
                .body("timeline.cause.type", contains("hub.fact.order-placed.v1", "hub.fact.order-placed.v1",
                        "hub.fact.order-placed.v1", "hub.fact.fulfillment-submitted.v1"))
                .body("timeline.to", contains("RECEIVED", "PENDING", "IN_FULFILLMENT", "SUBMITTED"))
                .body("timeline[3].from", equalTo("PENDING"))
                .body("timeline[3].fulfillmentId", equalTo(order + ":f-1")));
    }

    @Test
    void anUnknownOrderIsA404WithAJsonBody() {
        given().get("/orders/{id}", "spresso:does-not-exist").then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("not_found"))
                .body("message", equalTo("no order spresso:does-not-exist"));
    }

    @Test
    void ordersArePagedByIdWithTheNextPageNamed() {
        // ids after every random one: 'z' sorts after the hex digits of a UUID
        String prefix = "spresso:zz-" + UUID.randomUUID() + "-";
        for (int i = 1; i <= 3; i++) {
            placeAndAwait(prefix + i);
        }
        JsonPath first = given().queryParam("after", prefix).queryParam("limit", 2).get("/orders").then()
                .statusCode(200).body("orders", hasSize(2)).extract().jsonPath();
        assertThat(first.getList("orders.hubOrderId")).containsExactly(prefix + 1, prefix + 2);
        assertThat(first.getString("next")).isEqualTo(prefix + 2);

        given().queryParam("after", first.getString("next")).queryParam("limit", 2).queryParam("status", "in_fulfillment")
                .get("/orders").then().statusCode(200)
                .body("orders[0].hubOrderId", equalTo(prefix + 3))
                .body("orders[0].status", equalTo("IN_FULFILLMENT"));
        given().queryParam("after", prefix + 3).get("/orders").then().statusCode(200)
                .body("orders", hasSize(0)).body("next", nullValue());
        given().queryParam("status", "CANCELLED").queryParam("after", prefix).get("/orders").then().statusCode(200)
                .body("orders", hasSize(0));
    }

    @Test
    void badPagingParametersAreA400NamingTheParameter() {
        for (String limit : List.of("0", "501", "ten", "-3")) {
            given().queryParam("limit", limit).get("/orders").then().statusCode(400)
                    .body("error", equalTo("bad_request"))
                    .body("parameter", equalTo("limit"))
                    .body("message", containsString("'" + limit + "'"));
        }
        given().queryParam("status", "LOST").get("/orders").then().statusCode(400).body("parameter", equalTo("status"));
        given().queryParam("limit", "500").get("/orders").then().statusCode(200);
    }
}
