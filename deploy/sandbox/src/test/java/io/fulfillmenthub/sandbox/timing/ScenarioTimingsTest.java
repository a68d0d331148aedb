package io.fulfillmenthub.sandbox.timing;

import static io.fulfillmenthub.sandbox.support.SandboxApis.placeSpressoOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spod;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spresso;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.sandbox.support.TestSpressoReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScenarioTimingsTest {

    @AfterEach
    void receiverAnswers200Again() {
        TestSpressoReceiver.answerWith(200);
    }

    /** {@code GET /_sandbox/timings} as mark → id → microseconds. */
    private static Map<String, Map<String, Long>> timings() {
        String csv = given().get("/_sandbox/timings").then().statusCode(200)
                .contentType(TimingsResource.CSV).extract().asString();
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertThat(lines.get(0)).isEqualTo("mark,id,at_us");
        return lines.stream().skip(1).map(line -> line.split(","))
                .collect(Collectors.groupingBy(fields -> fields[0],
                        Collectors.toMap(fields -> fields[1], fields -> Long.parseLong(fields[2]))));
    }

    private static JsonPath placeOrder() {
        return placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1))))
                .statusCode(201).extract().jsonPath();
    }

    @Test
    void eachStepOfAnOrdersJourneyIsTimedOnceByTheSandboxClock() {
        JsonPath placed = placeOrder();
        String orderId = placed.getString("order.id");
        String fulfillmentId = placed.getString("order.fulfillments[0].id");
        String external = "spresso:" + orderId + ":" + fulfillmentId;
        spod().body(spodOrder(external)).post("/spod/orders").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"state\": \"sent\"}")
                .post("/_sandbox/spod/orders/{id}/advance", external).then().statusCode(200);
        String variant = placed.getString("order.fulfillments[0].fulfillmentVariants[0].variant");
        for (int i = 0; i < 2; i++) {
            spresso().body(Map.of("status", "in_transit",
                            "fulfillmentVariants", List.of(Map.of("variant", variant, "fulfilledQuantity", 1))))
                    .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then().statusCode(200);
        }

        Map<String, Map<String, Long>> timings = timings();
        long accepted = timings.get("webhook-accepted").get(orderId);
        long received = timings.get("spod-order-received").get(external);
        long sent = timings.get("spod-order-sent").get(external);
        long inTransit = timings.get("spresso-in-transit").get(fulfillmentId);
        assertThat(accepted).isPositive();
        assertThat(received).isGreaterThanOrEqualTo(accepted);
        assertThat(sent).isGreaterThanOrEqualTo(received);
        assertThat(inTransit).isGreaterThanOrEqualTo(sent);

        String oneMark = given().queryParam("mark", "spod-order-sent").get("/_sandbox/timings").then().statusCode(200)
                .extract().asString();
        assertThat(oneMark).contains("spod-order-sent," + external + ",").doesNotContain("webhook-accepted");
        given().queryParam("mark", "nonsense").get("/_sandbox/timings").then().statusCode(400);
    }

    @Test
    void aWebhookTheHubRefusedIsNotTimedAsAccepted() {
        TestSpressoReceiver.answerWith(503);
        String orderId = placeOrder().getString("order.id");

        assertThat(timings().getOrDefault("webhook-accepted", Map.of())).doesNotContainKey(orderId);
    }

    @Test
    void resetForgetsOrdersCallsAndTimings() {
        String orderId = placeOrder().getString("order.id");
        spod().body(spodOrder("spresso:reset-" + orderId + ":f")).post("/spod/orders").then().statusCode(201);

        given().post("/_sandbox/reset").then().statusCode(204);

        given().get("/_sandbox/spresso/orders/{id}", orderId).then().statusCode(404);
        assertThat(given().get("/_sandbox/spod/orders").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(given().get("/_sandbox/calls").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(timings()).isEmpty();
    }
}
