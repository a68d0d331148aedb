package io.fulfillmenthub.sandbox.squarespace;

import static io.fulfillmenthub.sandbox.squarespace.SquarespaceOrdersApiTest.assertErrorObject;
import static io.fulfillmenthub.sandbox.support.SandboxApis.createSquarespaceOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.squarespace;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.sandbox.support.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /squarespace/1.0/commerce/orders/{id}/fulfillments}, as "Fulfill an order" documents it. */
@QuarkusTest
class SquarespaceFulfillmentsTest {

    private static final String FIXTURE = VendorFixtures.text("squarespace/fulfill-order-request.json");

    @AfterEach
    void restoreBehaviour() {
        given().delete("/_sandbox/squarespace/behaviour").then().statusCode(200);
    }

    @Test
    void theDocumentedRequestIsAcceptedUnchangedAndEachCallAddsItsShipments() {
        String id = newOrder();
        String createdModifiedOn = view(id).getString("order.modifiedOn");

        fulfil(id, FIXTURE).then().statusCode(204);

        JsonPath once = view(id);
        assertThat(once.getString("order.fulfillmentStatus")).isEqualTo("FULFILLED");
        assertThat(once.getInt("fulfillmentCalls")).isEqualTo(1);
        assertThat(once.getList("shipments.trackingNumber")).containsExactly("9400109699939624119857", "103932814692659");
        assertThat(once.getString("shipments[0].service")).isEqualTo("Priority Mail");
        assertThat(once.getString("order.fulfilledOn")).isNotNull();
        assertThat(Instant.parse(once.getString("order.modifiedOn"))).isAfter(Instant.parse(createdModifiedOn));
        squarespace().get("/squarespace/1.0/commerce/orders/" + id).then()
                .body("fulfillments.trackingNumber", equalTo(List.of("9400109699939624119857", "103932814692659")));

        // not idempotent: the same call again adds the shipments again, also to a FULFILLED order
        fulfil(id, FIXTURE).then().statusCode(204);
        JsonPath twice = view(id);
        assertThat(twice.getInt("fulfillmentCalls")).isEqualTo(2);
        assertThat(twice.getList("shipments")).hasSize(4);
    }

    @Test
    void aMissingRequiredFieldIs400MissingArgumentAndABadTrackingUrl400InvalidArgumentAndNothingIsApplied() {
        String id = newOrder();
        String noService = FIXTURE.replace("\"service\": \"Same-Day Delivery\",", "");
        String badUrl = FIXTURE.replace("https://www.fedex.com/apps/fedextrack/?tracknumbers=103932814692659", "not a url");
        String noDate = FIXTURE.replace("\"shipDate\": \"2017-01-28T22:19:26.980Z\",", "");
        assertThat(noService).isNotEqualTo(FIXTURE);
        assertThat(badUrl).isNotEqualTo(FIXTURE);

        assertErrorObject(fulfil(id, noService).then().statusCode(400))
                .body("type", equalTo("INVALID_REQUEST_ERROR")).body("subtype", equalTo("MISSING_ARGUMENT"))
                .body("message", containsString("shipments[1].service"));
        assertErrorObject(fulfil(id, noDate).then().statusCode(400))
                .body("subtype", equalTo("MISSING_ARGUMENT")).body("message", containsString("shipments[0].shipDate"));
        assertErrorObject(fulfil(id, badUrl).then().statusCode(400))
                .body("type", equalTo("INVALID_REQUEST_ERROR")).body("subtype", equalTo("INVALID_ARGUMENT"))
                .body("message", containsString("shipments[1].trackingUrl"));

        JsonPath after = view(id);
        assertThat(after.getInt("fulfillmentCalls")).isZero();
        assertThat(after.getList("shipments")).isEmpty();
        assertThat(after.getString("order.fulfillmentStatus")).isEqualTo("PENDING");
    }

    @Test
    void anUnknownOrderIs404() {
        assertErrorObject(fulfil("000000000000000000000000", FIXTURE).then().statusCode(404))
                .body("subtype", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void aConflictAskedForIs409ConcurrentModificationAndTheNextCallGoesThrough() {
        String id = newOrder();
        given().contentType("application/json").body(Map.of("count", 1)).post("/_sandbox/squarespace/orders/" + id + "/conflicts")
                .then().statusCode(204);

        assertErrorObject(fulfil(id, FIXTURE).then().statusCode(409))
                .body("type", equalTo("CONFLICT")).body("subtype", equalTo("CONCURRENT_MODIFICATION"));
        fulfil(id, FIXTURE).then().statusCode(204);

        assertThat(view(id).getInt("fulfillmentCalls")).isEqualTo(1);
    }

    @Test
    void whileACallOnTheOrderIsInProgressAnotherIs409() {
        String id = newOrder();
        given().post("/_sandbox/squarespace/orders/" + id + "/hold-fulfillments").then().statusCode(204);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> fulfil(id, FIXTURE).statusCode());
        Awaitility.await().until(() -> view(id).getBoolean("fulfillmentCallInProgress"));

        assertErrorObject(fulfil(id, FIXTURE).then().statusCode(409)).body("subtype", equalTo("CONCURRENT_MODIFICATION"));
        given().post("/_sandbox/squarespace/orders/" + id + "/release-fulfillments").then().statusCode(204);

        assertThat(first.join()).isEqualTo(204);
        assertThat(view(id).getInt("fulfillmentCalls")).isEqualTo(1);
        assertThat(view(id).getBoolean("fulfillmentCallInProgress")).isFalse();
    }

    @Test
    void anIdempotencyKeyIsIgnoredByDefaultAndHonouredWhenTheBehaviourSaysSo() {
        String ignored = newOrder();
        fulfil(ignored, FIXTURE, "shipment-1").then().statusCode(204);
        fulfil(ignored, FIXTURE, "shipment-1").then().statusCode(204);
        assertThat(view(ignored).getInt("fulfillmentCalls")).isEqualTo(2);

        given().contentType("application/json").body(Map.of("honourIdempotencyKey", true)).put("/_sandbox/squarespace/behaviour")
                .then().statusCode(200).body("honourIdempotencyKey", equalTo(true));
        String honoured = newOrder();
        fulfil(honoured, FIXTURE, "shipment-2").then().statusCode(204);
        fulfil(honoured, FIXTURE, "shipment-2").then().statusCode(204);
        fulfil(honoured, FIXTURE, "shipment-3").then().statusCode(204);
        assertThat(view(honoured).getInt("fulfillmentCalls")).isEqualTo(2);
        assertThat(view(honoured).getList("shipments")).hasSize(4);
    }

    private static String newOrder() {
        return createSquarespaceOrder(Map.of("notify", false, "lines", List.of(Map.of("sku", "TEE", "quantity", 1))));
    }

    static Response fulfil(String orderId, String body) {
        return squarespace().body(body).post("/squarespace/1.0/commerce/orders/" + orderId + "/fulfillments");
    }

    private static Response fulfil(String orderId, String body, String idempotencyKey) {
        return squarespace().header("Idempotency-Key", idempotencyKey).body(body)
                .post("/squarespace/1.0/commerce/orders/" + orderId + "/fulfillments");
    }

    static JsonPath view(String orderId) {
        return given().get("/_sandbox/squarespace/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }
}
