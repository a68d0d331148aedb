package io.fulfillmenthub.sandbox.spresso;

import static io.fulfillmenthub.sandbox.support.SandboxApis.placeSpressoOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spresso;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.support.TestSpressoReceiver;
import io.fulfillmenthub.sandbox.support.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox speaks Spresso as documented: the order its webhook carries has the shape of the "Data Model"
 * page's example ({@code shared/vendor-fixtures/spresso/order.json}), and its API takes the requests of the
 * "Order Fulfillment" page for such an order.
 */
@QuarkusTest
class SpressoDocumentedModelTest {

    private static final JsonNode DOCUMENTED = VendorFixtures.json("spresso/order.json");

    @Test
    void theWebhookOrderHasTheDocumentedShapeAndTheValuesAsked() throws IOException {
        JsonNode variant = DOCUMENTED.at("/orderVariants/0/variant");
        String eventId = "evt_documented_" + System.nanoTime();
        placeSpressoOrder(Map.of(
                "orderNo", DOCUMENTED.get("orderNo").asLong(),
                "email", DOCUMENTED.at("/user/email").asText(),
                "telephoneNumber", DOCUMENTED.at("/user/telephoneNumber").asText(),
                "shippingAddress", new ObjectMapper().convertValue(DOCUMENTED.get("shippingAddress"), Map.class),
                "fulfillerLocation", DOCUMENTED.at("/fulfillments/0/fulfillerLocation").asText(),
                "lines", List.of(Map.of("sku", variant.get("sku").asText(), "name", variant.get("name").asText(),
                        "upc", variant.get("upc").asText(),
                        "variantId", variant.get("id").asText(), "quantity", DOCUMENTED.at("/orderVariants/0/quantity").asInt())),
                "eventId", eventId)).statusCode(201);

        JsonNode order = sentOrder(eventId);
        assertSameShape(DOCUMENTED, order, "order");
        assertThat(order.get("orderNo")).isEqualTo(DOCUMENTED.get("orderNo"));
        assertThat(order.get("shippingAddress")).isEqualTo(DOCUMENTED.get("shippingAddress"));
        assertThat(order.at("/user/email")).isEqualTo(DOCUMENTED.at("/user/email"));
        assertThat(order.at("/orderVariants/0/variant/id")).isEqualTo(variant.get("id"));
        assertThat(order.at("/fulfillments/0/fulfillerLocation")).isEqualTo(DOCUMENTED.at("/fulfillments/0/fulfillerLocation"));
        assertThat(order.at("/fulfillments/0/fulfillmentVariants/0/variant")).isEqualTo(variant.get("id"));
        assertThat(order.get("financialStatus")).isEqualTo(DOCUMENTED.get("financialStatus"));
    }

    @Test
    void theDocumentedRequestsAreAcceptedForSuchAnOrder() {
        JsonNode variant = DOCUMENTED.at("/orderVariants/0/variant");
        var placed = placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", variant.get("sku").asText(),
                "variantId", variant.get("id").asText(), "quantity", 1)))).statusCode(201);
        String orderId = placed.extract().path("order.id");
        String fulfillmentId = placed.extract().path("order.fulfillments[0].id");
        String variantId = variant.get("id").asText();

        // the bodies of the Order Fulfillment page, with this order's variant
        spresso().body("""
                {"carrier": "ups", "carrierReferenceId": "UPS1234567", "trackingNumber": "123456666",
                 "trackingUrl": "https://www.ups.com/track?loc=en_US&tracknum=123456666&requester=ST/",
                 "shipmentVariants": [{"quantity": 1, "variant": "%s"}]}
                """.formatted(variantId)).put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);
        spresso().body("""
                {"status": "in_transit", "fulfillmentVariants": [{"fulfilledQuantity": 1, "variant": "%s"}]}
                """.formatted(variantId)).put("/spresso/v1/fulfillments/{id}", fulfillmentId).then().statusCode(200);
        spresso().body("{\"status\": \"delivered\"}").put("/spresso/v1/fulfillments/{id}", fulfillmentId).then().statusCode(200);

        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("fulfillments[0].status", equalTo("delivered"))
                .body("fulfillments[0].shipments[0].carrierReferenceId", equalTo("UPS1234567"));
    }

    private static JsonNode sentOrder(String eventId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (TestSpressoReceiver.Received received : TestSpressoReceiver.received()) {
            JsonNode body = json.readTree(received.body());
            if (eventId.equals(body.path("eventId").asText())) {
                return body.get("order");
            }
        }
        throw new AssertionError("no webhook with eventId " + eventId + " was received");
    }

    /** Every field of the documented example is there, with the same JSON type (arrays by their first element). */
    private static void assertSameShape(JsonNode documented, JsonNode actual, String path) {
        assertThat(actual).as(path + " is missing").isNotNull();
        if (documented.isNull()) {
            return;
        }
        assertThat(actual.getNodeType()).as(path).isEqualTo(documented.getNodeType());
        if (documented.isObject()) {
            for (Iterator<String> names = documented.fieldNames(); names.hasNext();) {
                String name = names.next();
                assertSameShape(documented.get(name), actual.get(name), path + "." + name);
            }
        } else if (documented.isArray() && !documented.isEmpty()) {
            assertThat(actual).as(path + " is empty").isNotEmpty();
            assertSameShape(documented.get(0), actual.get(0), path + "[0]");
        }
    }
}
