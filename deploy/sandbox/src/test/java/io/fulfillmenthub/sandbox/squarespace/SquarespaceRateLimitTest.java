package io.fulfillmenthub.sandbox.squarespace;

import static io.fulfillmenthub.sandbox.squarespace.SquarespaceOrdersApiTest.assertErrorObject;
import static io.fulfillmenthub.sandbox.support.SandboxApis.createSquarespaceOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.squarespace;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The documented rate limit (300 a minute, then 429 and a cool-down), with numbers a test can shrink. */
@QuarkusTest
class SquarespaceRateLimitTest {

    @AfterEach
    void restoreBehaviour() {
        given().delete("/_sandbox/squarespace/behaviour").then().statusCode(200)
                .body("rateLimitPerMinute", equalTo(300)).body("coolDownMs", equalTo(60000));
    }

    @Test
    void overTheLimitEveryCallIs429UntilTheCoolDownEnds() {
        String id = createSquarespaceOrder(Map.of("notify", false, "lines", List.of(Map.of("sku", "TEE", "quantity", 1))));
        given().contentType("application/json").body(Map.of("rateLimitPerMinute", 3, "coolDownMs", 300))
                .put("/_sandbox/squarespace/behaviour").then().statusCode(200);

        for (int i = 0; i < 3; i++) {
            squarespace().get("/squarespace/1.0/commerce/orders/" + id).then().statusCode(200);
        }
        assertErrorObject(squarespace().get("/squarespace/1.0/commerce/orders/" + id).then().statusCode(429))
                .body("type", equalTo("RATE_LIMITED"));
        assertErrorObject(SquarespaceFulfillmentsTest.fulfil(id, "{\"shipments\": []}").then().statusCode(429));

        Awaitility.await().until(() -> squarespace().get("/squarespace/1.0/commerce/orders/" + id).statusCode() == 200);
        SquarespaceFulfillmentsTest.fulfil(id, "{\"shipments\": []}").then().statusCode(204);
    }

    @Test
    void aStormStartsNowAndTheRestoredBehaviourEndsIt() {
        String id = createSquarespaceOrder(Map.of("notify", false, "lines", List.of(Map.of("sku", "TEE", "quantity", 1))));
        given().contentType("application/json").body(Map.of("durationMs", 600000)).post("/_sandbox/squarespace/rate-limit/storm")
                .then().statusCode(200);
        given().get("/_sandbox/squarespace/behaviour").then().body("coolDownUntil", not(emptyString()));

        squarespace().get("/squarespace/1.0/commerce/orders/" + id).then().statusCode(429);
        // the control API is not the vendor's: it keeps answering
        given().get("/_sandbox/squarespace/orders/" + id).then().statusCode(200);

        given().delete("/_sandbox/squarespace/behaviour").then().statusCode(200);
        squarespace().get("/squarespace/1.0/commerce/orders/" + id).then().statusCode(200);
    }

    @Test
    void aBadSwitchIsRefusedNamingIt() {
        given().contentType("application/json").body(Map.of("rateLimitPerMinute", 0)).put("/_sandbox/squarespace/behaviour")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("rateLimitPerMinute"));
        given().contentType("application/json").body(Map.of("durationMs", 0)).post("/_sandbox/squarespace/rate-limit/storm")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("durationMs"));
    }
}
