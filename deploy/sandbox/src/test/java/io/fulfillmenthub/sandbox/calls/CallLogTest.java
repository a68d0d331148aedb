package io.fulfillmenthub.sandbox.calls;

import static io.fulfillmenthub.sandbox.support.SandboxApis.SPOD_API_SECRET;
import static io.fulfillmenthub.sandbox.support.SandboxApis.SPRESSO_API_TOKEN;
import static io.fulfillmenthub.sandbox.support.SandboxApis.USER_AGENT;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodTokenRequest;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spresso;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CallLogTest {

    @Test
    void everyVendorRequestIsRecordedInOrderWithAuthorizationRedacted() {
        given().delete("/_sandbox/calls").then().statusCode(204);

        String token = spodTokenRequest().post("/spod/oauth/token").then().statusCode(200)
                .extract().path("access_token");
        given().header("User-Agent", USER_AGENT).auth().oauth2(token)
                .queryParam("limit", 5).get("/spod/orders").then().statusCode(200);
        given().header("User-Agent", "curl/8.5.0").get("/spod/orders").then().statusCode(403);
        spresso().body("{\"status\": \"in_transit\"}").put("/spresso/v1/fulfillments/f-unknown").then().statusCode(404);

        List<Map<String, Object>> spod = given().queryParam("vendor", "spod").get("/_sandbox/calls").then()
                .statusCode(200).body("$", hasSize(3)).extract().path("$");
        assertThat(spod).extracting(c -> c.get("method") + " " + c.get("path") + " " + c.get("status"))
                .containsExactly("POST /spod/oauth/token 200", "GET /spod/orders 200", "GET /spod/orders 403");
        assertThat(headers(spod.get(0)).get("authorization")).isEqualTo("Basic [redacted]");
        assertThat(headers(spod.get(1)).get("authorization")).isEqualTo("Bearer [redacted]");
        assertThat(headers(spod.get(1)).get("user-agent")).isEqualTo(USER_AGENT);
        assertThat(spod.get(1).get("query")).isEqualTo("limit=5");
        assertThat((String) spod.get(0).get("body")).contains("grant_type=client_credentials");
        assertThat(spod).extracting(c -> (Number) c.get("sequence")).isSorted();

        given().queryParam("vendor", "spresso").get("/_sandbox/calls").then()
                .body("$", hasSize(1))
                .body("[0].method", equalTo("PUT"))
                .body("[0].body", equalTo("{\"status\": \"in_transit\"}"))
                .body("[0].status", equalTo(404))
                .body("[0].headers.authorization", equalTo("Bearer [redacted]"));

        String everything = given().get("/_sandbox/calls").then().statusCode(200).body("$", hasSize(4))
                .extract().asString();
        assertThat(everything).doesNotContain(token, SPOD_API_SECRET, SPRESSO_API_TOKEN);
    }

    @Test
    void clearingEmptiesTheLog() {
        given().header("User-Agent", USER_AGENT).get("/spod").then().statusCode(200);

        given().delete("/_sandbox/calls").then().statusCode(204);

        given().get("/_sandbox/calls").then().body("$", empty());
    }

    @Test
    void anUnknownVendorIsRefused() {
        given().queryParam("vendor", "acme").get("/_sandbox/calls").then().statusCode(400);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> call) {
        return (Map<String, String>) call.get("headers");
    }
}
