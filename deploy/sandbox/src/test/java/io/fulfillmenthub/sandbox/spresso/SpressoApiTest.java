package io.fulfillmenthub.sandbox.spresso;

import static io.fulfillmenthub.sandbox.support.SandboxApis.placeSpressoOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spresso;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpressoApiTest {

    private String orderId;
    private String fulfillmentId;
    private String tee;
    private String mug;

    @BeforeEach
    void placeAnOrderOfATeeAndTwoMugs() {
        var placed = placeSpressoOrder(Map.of("lines", List.of(
                Map.of("sku", "TEE-BLK-M", "quantity", 1),
                Map.of("sku", "MUG-WHT", "quantity", 2)))).statusCode(201);
        orderId = placed.extract().path("order.id");
        fulfillmentId = placed.extract().path("order.fulfillments[0].id");
        tee = placed.extract().path("order.orderVariants[0].variant.id");
        mug = placed.extract().path("order.orderVariants[1].variant.id");
    }

    private static String shipment(String trackingNumber, String status, String variant, int quantity) {
        return """
                {"carrier": "ups", "carrierReferenceId": "spresso:1/f/%1$s", "trackingNumber": "%1$s",
                 "trackingUrl": "https://www.ups.com/track?tracknum=%1$s", "status": "%2$s",
                 "shipmentVariants": [{"variant": "%3$s", "quantity": %4$d}]}
                """.formatted(trackingNumber, status, variant, quantity);
    }

    private Map<String, Object> order() {
        return given().get("/_sandbox/spresso/orders/{id}", orderId).then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void theSameTrackingNumberTwiceIsOneShipment() {
        spresso().body(shipment("1Z999", "created", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(200).body("trackingNumber", equalTo("1Z999"));
        spresso().body(shipment("1Z999", "shipped", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);

        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("fulfillments[0].shipments", hasSize(1))
                .body("fulfillments[0].shipments[0].status", equalTo("shipped"));
    }

    @Test
    void everyCallThatSetsShippedEmailsTheCustomerAndTheShipmentCountsThem() {
        spresso().body(shipment("1Z997", "created", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);
        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("fulfillments[0].shipments[0].shippedEmails", equalTo(0));

        spresso().body(shipment("1Z997", "shipped", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);
        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("fulfillments[0].shipments[0].shippedEmails", equalTo(1));

        spresso().body(shipment("1Z997", "shipped", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);
        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("fulfillments[0].shipments", hasSize(1))
                .body("fulfillments[0].shipments[0].shippedEmails", equalTo(2));
    }

    @Test
    void aCarrierOutsideTheConfiguredEnumIsRefused() {
        spresso().body(shipment("1Z996", "shipped", tee, 1).replace("\"ups\"", "\"royal_mail\""))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(400).body("error", equalTo("invalid_request"))
                .body("message", containsString("carrier: must be one of the carrier enum ups, fedex, dhl, usps"));
        spresso().body(shipment("1Z996", "shipped", tee, 1).replace("\"ups\"", "\"dhl\""))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);
    }

    @Test
    void aSecondTrackingNumberIsASecondShipment() {
        spresso().body(shipment("1Z999", "shipped", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);
        spresso().body(shipment("1Z998", "shipped", mug, 2))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then().statusCode(200);

        given().get("/_sandbox/spresso/orders/{id}", orderId).then().body("fulfillments[0].shipments", hasSize(2));
    }

    @Test
    void aShipmentWithoutItsRequiredFieldsIsRefusedNamingTheField() {
        spresso().body("{\"carrier\": \"ups\", \"trackingNumber\": \"1Z1\", \"shipmentVariants\": []}")
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("message", containsString("carrierReferenceId"));
        spresso().body(shipment("1Z1", "shipped", "not-a-variant", 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(400).body("message", containsString("shipmentVariants[0].variant"));
        spresso().body(shipment("1Z1", "shipped", tee, 1).replace("\"ups\"", "\"UPS\""))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(400).body("message", containsString("carrier"));
    }

    @Test
    void inTransitMustListEveryVariant() {
        spresso().body("{\"status\": \"in_transit\", \"fulfillmentVariants\": [{\"variant\": \"%s\", \"fulfilledQuantity\": 1}]}"
                        .formatted(tee))
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("message", containsString("fulfillmentVariants"))
                .body("message", containsString(mug));
        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("fulfillments[0].status", equalTo("order_placed"));
    }

    @Test
    void inTransitWithoutVariantsIsRefused() {
        spresso().body("{\"status\": \"in_transit\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then()
                .statusCode(400).body("message", containsString("fulfillmentVariants"));
    }

    @Test
    void aShortFulfilmentIsRecordedAndThenDelivered() {
        spresso().body("""
                {"status": "in_transit", "fulfillmentVariants": [
                  {"variant": "%s", "fulfilledQuantity": 1}, {"variant": "%s", "fulfilledQuantity": 1}]}
                """.formatted(tee, mug))
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then()
                .statusCode(200).body("status", equalTo("in_transit"));
        spresso().body("{\"status\": \"delivered\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then().statusCode(200);

        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("fulfillments[0].status", equalTo("delivered"))
                .body("fulfillments[0].statusHistory.status", equalTo(List.of("order_placed", "in_transit", "delivered")))
                .body("orderVariants[1].quantity", equalTo(2))
                .body("orderVariants[1].fulfilledQuantity", equalTo(1));
    }

    @Test
    void moreThanWasOrderedIsRefused() {
        spresso().body("""
                {"status": "in_transit", "fulfillmentVariants": [
                  {"variant": "%s", "fulfilledQuantity": 1}, {"variant": "%s", "fulfilledQuantity": 3}]}
                """.formatted(tee, mug))
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then()
                .statusCode(400).body("message", containsString("fulfillmentVariants[1].fulfilledQuantity"));
    }

    @Test
    void statusDoesNotMoveBackwardsAndDeliveredNeedsInTransit() {
        spresso().body("{\"status\": \"delivered\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then()
                .statusCode(400).body("error", equalTo("invalid_status_transition"));
        spresso().body("{\"status\": \"preparing_items\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then().statusCode(200);
        spresso().body("{\"status\": \"preparing_items\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then().statusCode(200);
        spresso().body("{\"status\": \"received_by_fulfiller\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then()
                .statusCode(400).body("message", containsString("status"));
        spresso().body("{\"status\": \"shipped\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then()
                .statusCode(400).body("message", containsString("status: must be one of"));
    }

    @Test
    void anUnknownFulfillmentIsNotFound() {
        spresso().body(shipment("1Z1", "shipped", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", "no-such-fulfillment").then()
                .statusCode(404).body("error", equalTo("not_found"));
        spresso().body("{\"status\": \"preparing_items\"}")
                .put("/spresso/v1/fulfillments/{id}", "no-such-fulfillment").then().statusCode(404);
    }

    @Test
    void callsWithoutTheTokenAreUnauthorized() {
        given().contentType(ContentType.JSON).body(shipment("1Z1", "shipped", tee, 1))
                .put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(401).body("error", equalTo("unauthorized"));
        given().contentType(ContentType.JSON).auth().oauth2("wrong").body("{\"status\": \"preparing_items\"}")
                .put("/spresso/v1/fulfillments/{id}", fulfillmentId).then().statusCode(401);
        given().get("/_sandbox/spresso/orders/{id}", orderId).then().body("fulfillments[0].status", equalTo("order_placed"));
    }
}
