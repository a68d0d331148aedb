package io.fulfillmenthub.sandbox.control;

import static io.fulfillmenthub.sandbox.support.SandboxFaults.addFault;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.clearFaults;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class FaultControlTest {

    @AfterEach
    void noFaultOutlivesItsTest() {
        clearFaults();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"kind\": \"freeze\"}                                                   | vendor",
            "{\"vendor\": \"acme\", \"kind\": \"freeze\"}                             | vendor",
            "{\"vendor\": \"spod\"}                                                   | kind",
            "{\"vendor\": \"spod\", \"kind\": \"melt\"}                               | kind",
            "{\"vendor\": \"spod\", \"kind\": \"error\", \"status\": 404}             | status",
            "{\"vendor\": \"spod\", \"kind\": \"error\", \"count\": 0}                | count",
            "{\"vendor\": \"spod\", \"kind\": \"error\", \"count\": \"three\"}        | count",
            "{\"vendor\": \"spod\", \"kind\": \"error\", \"retryAfterSeconds\": -1}   | retryAfterSeconds",
            "{\"vendor\": \"spod\", \"kind\": \"latency\"}                            | latencyMs",
            "{\"vendor\": \"spod\", \"kind\": \"freeze\", \"count\": 3}               | count",
            "{\"vendor\": \"spod\", \"kind\": \"freeze\", \"durationMs\": 1.5}        | durationMs",
            "{\"vendor\": \"spod\", \"kind\": \"freeze\", \"durationSeconds\": 90}    | durationSeconds",
            "{\"vendor\": \"spod\", \"kind\": \"freeze\", \"method\": \"FETCH\"}      | method",
            "{\"vendor\": \"spod\", \"kind\": \"freeze\", \"path\": \"/spod/orders[\"} | path",
            "{\"vendor\": \"spod\", \"kind\": \"freeze\", \"path\": \"orders\"}       | path",
            "{\"vendor\": \"spod\", \"kind\": \"drop-webhooks\"}                      | kind",
            "{\"vendor\": \"spresso\", \"kind\": \"drop-webhooks\", \"path\": \"/x\"} | path",
            "{\"vendor\": \"spresso\", \"kind\": \"reorder-webhooks\", \"count\": 1}  | count",
            "{\"vendor\": \"spresso\", \"kind\": \"reorder-webhooks\"}                | count",
            "[]                                                                       | body",
            "{\"vendor\":                                                             | body",
    })
    void badControlInputIsRefusedNamingTheField(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/_sandbox/faults").then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("message", startsWith(field + ":"));
        given().get("/_sandbox/faults").then().body("$", empty());
    }

    @Test
    void aFaultIsListedWithItsDefaultsUntilCleared() {
        given().contentType(ContentType.JSON)
                .body(Map.of("vendor", "spod", "kind", "error", "status", 429, "count", 3, "method", "post",
                        "path", "/spod/orders"))
                .post("/_sandbox/faults").then()
                .statusCode(201)
                .header("Location", containsString("/_sandbox/faults/fault-"))
                .body("id", startsWith("fault-"))
                .body("vendor", equalTo("spod"))
                .body("kind", equalTo("error"))
                .body("status", equalTo(429))
                .body("retryAfterSeconds", equalTo(1))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/spod/orders"))
                .body("count", equalTo(3))
                .body("remaining", equalTo(3))
                .body("createdAt", notNullValue())
                .body("holding", equalTo(0));
        String freeze = addFault(Map.of("vendor", "spresso", "kind", "freeze", "durationMs", 90_000));

        given().get("/_sandbox/faults").then().body("$", hasSize(2)).body("kind", equalTo(List.of("error", "freeze")));
        given().queryParam("vendor", "spresso").get("/_sandbox/faults").then()
                .body("id", equalTo(List.of(freeze)))
                .body("[0].until", notNullValue());
        given().queryParam("vendor", "acme").get("/_sandbox/faults").then().statusCode(400)
                .body("message", startsWith("vendor:"));

        given().queryParam("vendor", "spod").delete("/_sandbox/faults").then().statusCode(204);
        given().get("/_sandbox/faults").then().body("id", equalTo(List.of(freeze)));
        given().delete("/_sandbox/faults/{id}", freeze).then().statusCode(204);
        given().delete("/_sandbox/faults/{id}", freeze).then().statusCode(404);
        given().get("/_sandbox/faults").then().body("$", empty());
    }

    @Test
    void aResetEndsEveryFault() {
        addFault(Map.of("vendor", "spod", "kind", "error"));
        addFault(Map.of("vendor", "spresso", "kind", "latency", "latencyMs", 10));

        given().post("/_sandbox/reset").then().statusCode(204);

        given().get("/_sandbox/faults").then().body("$", empty());
    }
}
