package io.fulfillmenthub.sandbox.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** How the tests call the sandbox's vendor APIs as the hub would, with the %test credentials. */
public final class SandboxApis {

    public static final String USER_AGENT = "fulfillment-hub/test";
    public static final String SPOD_API_KEY = "sandbox-test-spod-api-key";
    public static final String SPOD_API_SECRET = "sandbox-test-spod-api-secret";
    public static final String SPRESSO_API_TOKEN = "sandbox-test-spresso-api-token";
    public static final String SPRESSO_CLIENT_SECRET = "sandbox-test-spresso-client-secret";
    public static final String SQUARESPACE_API_KEY = "sandbox-test-squarespace-api-key";
    public static final String SQUARESPACE_WEBHOOK_SECRET = "73616e64626f782d746573742d73717561726573706163652d73656372657431";
    public static final String SCOPES = "industrial-fulfillment.read industrial-fulfillment.write";

    private SandboxApis() {}

    public static RequestSpecification spodTokenRequest() {
        return spodTokenRequest(USER_AGENT, "client_credentials", SCOPES);
    }

    /** A token request as the hub sends it, with the given User-Agent, grant type and scope. */
    public static RequestSpecification spodTokenRequest(String userAgent, String grantType, String scope) {
        return given()
                .header("User-Agent", userAgent)
                .auth().preemptive().basic(SPOD_API_KEY, SPOD_API_SECRET)
                .contentType(ContentType.URLENC)
                .formParam("grant_type", grantType)
                .formParam("client_id", SPOD_API_KEY)
                .formParam("scope", scope);
    }

    public static String spodToken() {
        return spodTokenRequest().post("/spod/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A request to the SPOD API with a fresh token and an application User-Agent. */
    public static RequestSpecification spod() {
        return given().header("User-Agent", USER_AGENT).auth().oauth2(spodToken()).contentType(ContentType.JSON);
    }

    public static RequestSpecification spresso() {
        return given().header("User-Agent", USER_AGENT).auth().oauth2(SPRESSO_API_TOKEN).contentType(ContentType.JSON);
    }

    /** A request to the Squarespace API as the hub sends it: its API key and an application User-Agent. */
    public static RequestSpecification squarespace() {
        return given().header("User-Agent", USER_AGENT).auth().oauth2(SQUARESPACE_API_KEY).contentType(ContentType.JSON);
    }

    /** Creates a Squarespace order through the control API (and notifies as the body says); answers its id. */
    public static String createSquarespaceOrder(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/_sandbox/squarespace/orders").then()
                .statusCode(201).extract().path("order.order.id");
    }

    /** SPOD's documented example order, with the given id and one black tee, printed on the front. */
    public static Map<String, Object> spodOrder(String externalOrderId) {
        return Map.of(
                "external-order-id", externalOrderId,
                "currency", "USD",
                "items", List.of(Map.of(
                        "quantity", 2,
                        "stock-keeping-unit", "812-4-2",
                        "price", "19.00",
                        "configuration", List.of(Map.of(
                                "type", "design",
                                "side", "front",
                                "align", "center-top",
                                "content", Map.of("url", "https://example.com/designs/fox.png"))))),
                "shipping", Map.of(
                        "type", "standard",
                        "price", "3.99",
                        "address", Map.of(
                                "first-name", "Ada",
                                "last-name", "Lovelace",
                                "street", "12 Crescent Road",
                                "street-annex", "Flat 3",
                                "city", "London",
                                "country-code", "GB",
                                "zip-code", "NW1 4NP")));
    }

    /** Places a Spresso order through the control API and answers the control API's reply. */
    public static io.restassured.response.ValidatableResponse placeSpressoOrder(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/_sandbox/spresso/orders").then();
    }
}
