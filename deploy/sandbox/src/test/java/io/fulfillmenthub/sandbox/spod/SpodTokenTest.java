package io.fulfillmenthub.sandbox.spod;

import static io.fulfillmenthub.sandbox.support.SandboxApis.SCOPES;
import static io.fulfillmenthub.sandbox.support.SandboxApis.SPOD_API_KEY;
import static io.fulfillmenthub.sandbox.support.SandboxApis.USER_AGENT;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodToken;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodTokenRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpodTokenTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void goodCredentialsGetABearerTokenWithTheConfiguredLifetime() {
        spodTokenRequest().post("/spod/oauth/token").then()
                .statusCode(200)
                .body("access_token", matchesPattern("[\\w-]+\\.[\\w-]+\\.[\\w-]+"))
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(86399))
                .body("scope", equalTo(SCOPES));
    }

    @Test
    void theTokenOpensTheOrdersApi() {
        given().header("User-Agent", USER_AGENT).auth().oauth2(spodToken())
                .get("/spod/orders").then().statusCode(200);
    }

    @Test
    void badCredentialsAreRefusedWithSpodsErrorBody() {
        given().header("User-Agent", USER_AGENT)
                .auth().preemptive().basic(SPOD_API_KEY, "wrong-secret")
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", SPOD_API_KEY)
                .formParam("scope", SCOPES)
                .post("/spod/oauth/token").then()
                .statusCode(401)
                .body("message", notNullValue())
                .body("trace-id", notNullValue())
                .body("retryable", equalTo(false));
    }

    @Test
    void noCredentialsAreRefused() {
        given().header("User-Agent", USER_AGENT).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/spod/oauth/token").then().statusCode(401);
    }

    @Test
    void onlyTheClientCredentialsGrantIsOffered() {
        spodTokenRequest(USER_AGENT, "password", SCOPES)
                .post("/spod/oauth/token").then()
                .statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("grant_type"));
    }

    @Test
    void curlUserAgentsAreRefused() {
        spodTokenRequest("curl/8.5.0", "client_credentials", SCOPES)
                .post("/spod/oauth/token").then()
                .statusCode(403)
                .body("message", org.hamcrest.Matchers.containsString("User-Agent"))
                .body("trace-id", notNullValue())
                .body("retryable", equalTo(false));
    }

    @Test
    void anEmptyUserAgentIsRefused() {
        spodTokenRequest("", "client_credentials", SCOPES)
                .post("/spod/oauth/token").then()
                .statusCode(400)
                .body("retryable", equalTo(false));
    }

    @Test
    void aRequestWithoutUserAgentIsRefused() throws IOException {
        // Every HTTP client library adds a User-Agent of its own, so this one is written by hand.
        String body = "grant_type=client_credentials&client_id=" + SPOD_API_KEY;
        String basic = java.util.Base64.getEncoder().encodeToString(
                (SPOD_API_KEY + ":sandbox-test-spod-api-secret").getBytes(StandardCharsets.UTF_8));
        String request = "POST /spod/oauth/token HTTP/1.1\r\n"
                + "Host: " + root.getHost() + ":" + root.getPort() + "\r\n"
                + "Authorization: Basic " + basic + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String response = answer.toString(StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("\"retryable\":false");
        }
    }

    @Test
    void theOrdersApiRefusesRequestsWithoutAValidToken() {
        given().header("User-Agent", USER_AGENT).get("/spod/orders").then()
                .statusCode(401).body("retryable", equalTo(false));
        given().header("User-Agent", USER_AGENT).auth().oauth2("not.a.token")
                .get("/spod/orders").then().statusCode(401);
    }

    @Test
    void aReadOnlyTokenCannotSubmit() {
        String readOnly = spodTokenRequest(USER_AGENT, "client_credentials", "industrial-fulfillment.read")
                .post("/spod/oauth/token").then().statusCode(200)
                .body("scope", equalTo("industrial-fulfillment.read"))
                .extract().path("access_token");
        given().header("User-Agent", USER_AGENT).auth().oauth2(readOnly).contentType(ContentType.JSON)
                .body("{}").post("/spod/orders").then().statusCode(403);
    }

    @Test
    void metaNeedsAUserAgentButNoToken() {
        given().header("User-Agent", USER_AGENT).get("/spod").then().statusCode(200).body("version", notNullValue());
        given().header("User-Agent", "curl/8.5.0").get("/spod").then().statusCode(403);
    }
}
