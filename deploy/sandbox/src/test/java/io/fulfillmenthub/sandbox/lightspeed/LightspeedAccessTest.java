package io.fulfillmenthub.sandbox.lightspeed;

import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.CLIENT_ID;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.CLIENT_SECRET;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.FIRST_REFRESH_TOKEN;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.createSale;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.lightspeed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth with single-use rotating refresh tokens, bearer checks, and the rate limit with its headers and storms. */
@QuarkusTest
class LightspeedAccessTest {

    @BeforeEach
    void freshStore() {
        LightspeedTestSupport.reset();
    }

    @Test
    void aRefreshIssuesANewPairAndTheUsedRefreshTokenIsRefusedAfterwards() {
        Response first = refresh(CLIENT_ID, CLIENT_SECRET, FIRST_REFRESH_TOKEN);
        first.then().statusCode(200).body("token_type", equalTo("Bearer")).body("access_token", notNullValue())
                .body("expires_in", equalTo(86400)).body("expires", greaterThan((int) Instant.now().getEpochSecond()))
                .body("domain_prefix", equalTo("hubstore")).body("refresh_token", not(equalTo(FIRST_REFRESH_TOKEN)));
        String access = first.path("access_token");
        String next = first.path("refresh_token");

        refresh(CLIENT_ID, CLIENT_SECRET, FIRST_REFRESH_TOKEN).then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("message", containsString("refresh_token"));
        refresh(CLIENT_ID, CLIENT_SECRET, next).then().statusCode(200);
        refresh(CLIENT_ID, CLIENT_SECRET, next).then().statusCode(400).body("error", equalTo("invalid_grant"));

        given().header("Authorization", "Bearer " + access).get("/lightspeed/api/2.0/sales").then().statusCode(200);
        given().get("/_sandbox/lightspeed/tokens").then().statusCode(200)
                .body("refreshes", equalTo(2)).body("refusedRefreshTokens", equalTo(2)).body("activeAccessTokens", equalTo(2));
    }

    @Test
    void theCallRecordKeepsNoSecretOfATokenRequest() {
        io.fulfillmenthub.sandbox.support.SandboxFaults.clearCalls();
        String next = refresh(CLIENT_ID, CLIENT_SECRET, FIRST_REFRESH_TOKEN).then().statusCode(200).extract().path("refresh_token");

        String recorded = io.fulfillmenthub.sandbox.support.SandboxFaults.calls("lightspeed").toString();
        assertThat(recorded).contains("/lightspeed/api/1.0/token").contains("client_id=" + CLIENT_ID)
                .doesNotContain(CLIENT_SECRET).doesNotContain(FIRST_REFRESH_TOKEN).doesNotContain(next);
    }

    @Test
    void aWrongClientIsRefused401AndAMissingFieldIsNamed() {
        refresh(CLIENT_ID, "not-the-secret", FIRST_REFRESH_TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));
        refresh("someone-else", CLIENT_SECRET, FIRST_REFRESH_TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").formParam("client_id", CLIENT_ID).formParam("client_secret", CLIENT_SECRET)
                .post("/lightspeed/api/1.0/token").then().statusCode(400).body("message", containsString("grant_type"));
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "refresh_token").formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET).post("/lightspeed/api/1.0/token").then().statusCode(400)
                .body("message", containsString("refresh_token"));
        // the refused attempts did not use the first refresh token up
        refresh(CLIENT_ID, CLIENT_SECRET, FIRST_REFRESH_TOKEN).then().statusCode(200);
    }

    @Test
    void withoutAValidBearerEveryApiCallIs401AndAnExpiredAccessTokenToo() {
        String access = refresh(CLIENT_ID, CLIENT_SECRET, FIRST_REFRESH_TOKEN).then().statusCode(200).extract().path("access_token");

        given().get("/lightspeed/api/2.0/sales").then().statusCode(401).body("error", notNullValue())
                .body("message", containsString("Authorization"));
        given().header("Authorization", "Bearer nope").get("/lightspeed/api/2.0/sales").then().statusCode(401);
        given().header("Authorization", "Bearer " + access).get("/lightspeed/api/2.0/sales").then().statusCode(200);

        given().post("/_sandbox/lightspeed/tokens/expire").then().statusCode(200).body("expired", equalTo(1));

        given().header("Authorization", "Bearer " + access).get("/lightspeed/api/2.0/sales").then().statusCode(401);
        lightspeed().get("/lightspeed/api/2.0/sales").then().statusCode(200); // the personal token does not expire
    }

    @Test
    void everyAnswerCarriesTheRateLimitAndOverItA429NamesAnHttpDateToRetryAfter() {
        String sale = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        given().contentType("application/json").body("{\"rateLimitPerWindow\": 3, \"windowMs\": 300}").put("/_sandbox/lightspeed/behaviour")
                .then().statusCode(200);

        lightspeed().get("/lightspeed/api/2.0/sales/" + sale).then().statusCode(200)
                .header("X-RateLimit-Limit", "3").header("X-RateLimit-Remaining", "2").header("X-RateLimit-Reset", not(emptyString()));
        lightspeed().get("/lightspeed/api/2.0/sales/" + sale).then().statusCode(200).header("X-RateLimit-Remaining", "1");
        lightspeed().get("/lightspeed/api/2.0/sales/no-such-sale").then().statusCode(404).header("X-RateLimit-Remaining", "0");
        Response refused = lightspeed().get("/lightspeed/api/2.0/sales/" + sale);
        refused.then().statusCode(429).body("error", equalTo("Too Many Requests")).header("X-RateLimit-Remaining", "0");
        assertIsHttpDate(refused.header("Retry-After"));
        assertIsHttpDate(refused.header("X-RateLimit-Reset"));

        Awaitility.await().until(() -> lightspeed().get("/lightspeed/api/2.0/sales/" + sale).statusCode() == 200);
    }

    @Test
    void aStormAnswersEveryApiCall429UntilItEndsWhileTheControlsKeepAnswering() {
        String sale = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        given().contentType("application/json").body("{\"durationMs\": 600000}").post("/_sandbox/lightspeed/rate-limit/storm")
                .then().statusCode(200).body("stormUntil", notNullValue());

        Response refused = lightspeed().body("{\"fulfillment_type\": \"PICKED_UP\"}").post("/lightspeed/api/2.0/sales/" + sale + "/fulfill");
        refused.then().statusCode(429).body("error", equalTo("Too Many Requests"));
        ZonedDateTime retryAt = assertIsHttpDate(refused.header("Retry-After"));
        assertThat(retryAt.toInstant()).isAfter(Instant.now().plusSeconds(500));
        given().get("/_sandbox/lightspeed/sales/" + sale).then().statusCode(200).body("sale.status", equalTo("AWAITING_PICKUP"));

        given().delete("/_sandbox/lightspeed/behaviour").then().statusCode(200).body("stormUntil", equalTo(""))
                .body("rateLimitPerWindow", equalTo(650)).body("windowMs", equalTo(300000)).body("voidClosed", equalTo("refuse"));
        lightspeed().body("{\"fulfillment_type\": \"PICKED_UP\"}").post("/lightspeed/api/2.0/sales/" + sale + "/fulfill").then().statusCode(200);
    }

    private static ZonedDateTime assertIsHttpDate(String value) {
        assertThat(value).as("an HTTP date, not seconds").matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    private static Response refresh(String clientId, String clientSecret, String refreshToken) {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).formParam("client_id", clientId).formParam("client_secret", clientSecret)
                .post("/lightspeed/api/1.0/token");
    }
}
