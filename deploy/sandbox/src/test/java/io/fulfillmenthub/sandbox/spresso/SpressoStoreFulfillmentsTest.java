package io.fulfillmenthub.sandbox.spresso;

import static io.fulfillmenthub.sandbox.support.SandboxApis.createSquarespaceOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.placeSpressoOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.squarespace;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orders with store-fulfilled parts: a Spresso fulfillment for pickup or local delivery at a location, beside one
 * a carrier delivers, with the store's SKUs (CANDLE-SOY, TOTE-NAT); and the same SKUs in a Squarespace checkout.
 */
@QuarkusTest
class SpressoStoreFulfillmentsTest {

    private static final String STORE_LOCATION = "5f1e3b2a9c8d7e6f5a4b3c2d";

    @Test
    void aFulfillmentWithAMethodAndALocationSitsBesideABareOneThatACarrierDelivers() {
        String orderId = placeSpressoOrder(Map.of(
                "lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1), Map.of("sku", "CANDLE-SOY", "quantity", 2),
                        Map.of("sku", "TOTE-NAT", "quantity", 1)),
                "fulfillments", List.of(List.of(0),
                        Map.of("lines", List.of(1, 2), "fulfillmentMethod", "pickup", "fulfillerLocation", STORE_LOCATION))))
                .statusCode(201).extract().path("order.id");

        given().get("/_sandbox/spresso/orders/{id}", orderId).then().statusCode(200)
                .body("fulfillments", hasSize(2))
                .body("fulfillments[0].fulfillmentMethod", equalTo("carrier_delivery"))
                .body("fulfillments[1].fulfillmentMethod", equalTo("pickup"))
                .body("fulfillments[1].fulfillerLocation", equalTo(STORE_LOCATION))
                .body("fulfillments[1].fulfillmentVariants", hasSize(2));
    }

    @Test
    void localDeliveryIsAMethodTooAndTheOrdersLocationIsTheDefault() {
        placeSpressoOrder(Map.of("fulfillerLocation", STORE_LOCATION,
                "lines", List.of(Map.of("sku", "CANDLE-SOY", "quantity", 1)),
                "fulfillments", List.of(Map.of("lines", List.of(0), "fulfillmentMethod", "local_delivery"))))
                .statusCode(201)
                .body("order.fulfillments[0].fulfillmentMethod", equalTo("local_delivery"))
                .body("order.fulfillments[0].fulfillerLocation", equalTo(STORE_LOCATION));
    }

    @Test
    void anUnknownMethodOrABadFulfillmentIsRefusedNamingIt() {
        placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "CANDLE-SOY", "quantity", 1)),
                "fulfillments", List.of(Map.of("lines", List.of(0), "fulfillmentMethod", "drone"))))
                .statusCode(400).body("message", containsString("fulfillments[0].fulfillmentMethod"));
        placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "CANDLE-SOY", "quantity", 1)),
                "fulfillments", List.of(Map.of("lines", List.of(0), "fulfillerLocation", 7))))
                .statusCode(400).body("message", containsString("fulfillments[0].fulfillerLocation"));
        placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "CANDLE-SOY", "quantity", 1)),
                "fulfillments", List.of(Map.of("fulfillmentMethod", "pickup"))))
                .statusCode(400).body("message", containsString("fulfillments[0]"));
    }

    @Test
    void aSquarespaceCheckoutTakesTheStoresSkus() {
        String id = createSquarespaceOrder(Map.of("notify", false, "lines", List.of(Map.of("sku", "CANDLE-SOY", "quantity", 1),
                Map.of("sku", "TOTE-NAT", "quantity", 2))));

        squarespace().get("/squarespace/1.0/commerce/orders/" + id).then().statusCode(200)
                .body("lineItems.sku", equalTo(List.of("CANDLE-SOY", "TOTE-NAT")));
    }
}
