package io.fulfillmenthub.sandbox.control;

import static io.fulfillmenthub.sandbox.support.SandboxApis.SPRESSO_CLIENT_SECRET;
import static io.fulfillmenthub.sandbox.support.SandboxApis.placeSpressoOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.support.TestSpressoReceiver;
import io.fulfillmenthub.sandbox.support.TestSpressoReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpressoWebhookTest {

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void receiverAnswers200Again() {
        TestSpressoReceiver.answerWith(200);
    }

    private static String hmac(byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SPRESSO_CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private List<JsonNode> receivedFor(String eventId) {
        return TestSpressoReceiver.received().stream().map(this::parse)
                .filter(body -> eventId.equals(body.path("eventId").asText())).toList();
    }

    private JsonNode parse(Received received) {
        try {
            return json.readTree(received.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPlacedOrderIsDeliveredTheAskedNumberOfTimesWithOneEventIdAndAValidSignature() throws Exception {
        String eventId = "evt_retry_" + System.nanoTime();
        placeSpressoOrder(Map.of(
                "orderNo", 19618657,
                "lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 2)),
                "times", 3,
                "eventId", eventId))
                .statusCode(201)
                .body("webhook.eventId", equalTo(eventId))
                .body("webhook.deliveries", hasSize(3))
                .body("webhook.deliveries.status", equalTo(List.of(200, 200, 200)));

        List<Received> deliveries = TestSpressoReceiver.received().stream()
                .filter(r -> eventId.equals(parse(r).path("eventId").asText())).toList();
        assertThat(deliveries).hasSize(3);
        for (Received delivery : deliveries) {
            assertThat(delivery.signature()).isEqualTo(hmac(delivery.body()));
            assertThat(delivery.contentType()).startsWith("application/json");
            assertThat(delivery.body()).isEqualTo(deliveries.get(0).body());
        }
        JsonNode body = parse(deliveries.get(0));
        assertThat(body.path("event").asText()).isEqualTo("order_fulfillable");
        assertThat(body.path("createdAt").asText()).isNotEmpty();
        JsonNode order = body.path("order");
        assertThat(order.path("orderNo").isIntegralNumber()).isTrue();
        assertThat(order.path("orderNo").asLong()).isEqualTo(19618657L);
        assertThat(order.path("status").asText()).isEqualTo("sent_to_fulfiller");
        assertThat(order.path("statusHistory").findValuesAsText("status"))
                .containsExactly("created", "on_fulfillment_queue", "sent_to_fulfiller");
        assertThat(order.path("statusHistory").get(0).path("updatedAt").asText()).isEqualTo(order.path("createdAt").asText());
        assertThat(order.path("financialStatus").asText()).isEqualTo("authorized");
        assertThat(order.path("shippingAddress").path("country").asText()).isEqualTo("USA");
        assertThat(order.path("shippingAddress").path("addressLine2").asText()).isEmpty();
        assertThat(order.path("orderVariants").get(0).path("id").asText()).hasSize(24)
                .isNotEqualTo(order.path("orderVariants").get(0).path("variant").path("id").asText());
        assertThat(order.path("orderVariants").get(0).path("variant").path("sku").asText()).isEqualTo("TEE-BLK-M");
        JsonNode fulfillment = order.path("fulfillments").get(0);
        assertThat(fulfillment.path("fulfillmentMethod").asText()).isEqualTo("carrier_delivery");
        assertThat(fulfillment.path("fulfillerLocation").asText()).isEqualTo("60d56d8e7c88cefd11e7dfc6");
        assertThat(fulfillment.path("createdAt").asText()).isNotEmpty();
        assertThat(fulfillment.path("statusHistory").get(0).path("updatedAt").asText()).isNotEmpty();
        assertThat(fulfillment.path("status").asText()).isEqualTo("order_placed");
        assertThat(fulfillment.path("fulfillmentVariants").get(0).path("variant").asText())
                .isEqualTo(order.path("orderVariants").get(0).path("variant").path("id").asText());
        assertThat(fulfillment.path("fulfillmentVariants").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void linesSplitIntoTheFulfillmentsAsked() {
        placeSpressoOrder(Map.of(
                "lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1), Map.of("sku", "MUG-WHT", "quantity", 1),
                        Map.of("sku", "CAP-RED", "quantity", 3)),
                "fulfillments", List.of(List.of(0, 2), List.of(1))))
                .statusCode(201)
                .body("order.fulfillments", hasSize(2))
                .body("order.fulfillments[0].fulfillmentVariants.quantity", equalTo(List.of(1, 3)))
                .body("order.fulfillments[1].fulfillmentVariants", hasSize(1));
        placeSpressoOrder(Map.of(
                "lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1), Map.of("sku", "MUG-WHT", "quantity", 1)),
                "split", "per-line"))
                .statusCode(201).body("order.fulfillments", hasSize(2));
    }

    @Test
    void aVariantIdIsStablePerSku() {
        String first = placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "TEE-BLK-L", "quantity", 1))))
                .extract().path("order.orderVariants[0].variant.id");
        String second = placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "TEE-BLK-L", "quantity", 4))))
                .extract().path("order.orderVariants[0].variant.id");

        assertThat(second).isEqualTo(first).hasSize(24);
    }

    @Test
    void theStatusTheHubAnswersIsReported() {
        TestSpressoReceiver.answerWith(503);

        placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1)), "times", 2))
                .statusCode(201)
                .body("webhook.deliveries.status", equalTo(List.of(503, 503)));
    }

    @Test
    void anInvalidOrderRequestIsRefusedAndSendsNothing() {
        int before = TestSpressoReceiver.received().size();

        placeSpressoOrder(Map.of("lines", List.of())).statusCode(400).body("message", org.hamcrest.Matchers.containsString("lines"));
        placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "A", "quantity", 1)), "fulfillments", List.of(List.of(1))))
                .statusCode(400).body("message", org.hamcrest.Matchers.containsString("fulfillments[0]"));
        placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "A", "quantity", 1)), "times", 0)).statusCode(400);

        assertThat(TestSpressoReceiver.received()).hasSize(before);
    }

    @Test
    void cancellingSendsOrderCancelledOnce() throws Exception {
        String orderId = placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1))))
                .statusCode(201).extract().path("order.id");
        String eventId = "evt_cancel_" + System.nanoTime();

        given().contentType(ContentType.JSON).body(Map.of("eventId", eventId, "times", 2))
                .post("/_sandbox/spresso/orders/{id}/cancel", orderId).then()
                .statusCode(200)
                .body("order.status", equalTo("cancelled"))
                .body("webhook.deliveries", hasSize(2));

        List<JsonNode> cancelled = receivedFor(eventId);
        assertThat(cancelled).hasSize(2);
        assertThat(cancelled.get(0).path("event").asText()).isEqualTo("order_cancelled");
        assertThat(cancelled.get(0).path("order").path("id").asText()).isEqualTo(orderId);
        assertThat(cancelled.get(0).path("order").path("status").asText()).isEqualTo("cancelled");
        given().post("/_sandbox/spresso/orders/{id}/cancel", orderId).then().statusCode(409);
        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("webhooks.event", equalTo(List.of("order_fulfillable", "order_cancelled")));
    }

    @Test
    void anUnknownOrderIsNotFound() {
        given().get("/_sandbox/spresso/orders/{id}", "nope").then().statusCode(404);
        given().post("/_sandbox/spresso/orders/{id}/cancel", "nope").then().statusCode(404);
    }
}
