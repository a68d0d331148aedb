package io.fulfillmenthub.sandbox.faults;

import static io.fulfillmenthub.sandbox.support.SandboxApis.USER_AGENT;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spod;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodTokenRequest;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spresso;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.addFault;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.calls;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.clearCalls;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.clearFaults;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.holding;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each API fault, seen as the hub sees it: through real calls to the vendor APIs, and in the call records. */
@QuarkusTest
class VendorApiFaultsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/spod")
    URI spodMeta;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startFromNoCalls() {
        clearCalls();
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        clearFaults();
    }

    private static int spodMetaStatus() {
        return given().header("User-Agent", USER_AGENT).get("/spod").statusCode();
    }

    /** The SPOD status check, called without waiting for the answer. */
    private CompletableFuture<HttpResponse<String>> spodMetaLater() {
        return spodMetaLater(Duration.ofMinutes(2));
    }

    private CompletableFuture<HttpResponse<String>> spodMetaLater(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(spodMeta).header("User-Agent", USER_AGENT).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fault(Map<String, Object> call) {
        return (Map<String, Object>) call.get("fault");
    }

    private static List<String> appliedKinds(Map<String, Object> call) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> applied = (List<Map<String, Object>>) fault(call).get("applied");
        return applied.stream().map(a -> (String) a.get("kind")).toList();
    }

    @Test
    void anErrorFaultAnswers503ForTheNextCallsThenTheVendorAnswersAgain() {
        String faultId = addFault(Map.of("vendor", "spod", "kind", "error", "count", 2));

        given().header("User-Agent", USER_AGENT).get("/spod").then()
                .statusCode(503)
                .body("retryable", equalTo(true))
                .header("Retry-After", nullValue());
        assertThat(spodMetaStatus()).isEqualTo(503);
        assertThat(spodMetaStatus()).isEqualTo(200);

        List<Map<String, Object>> recorded = calls("spod");
        assertThat(recorded).extracting(c -> c.get("status")).containsExactly(503, 503, 200);
        assertThat(fault(recorded.get(0))).containsEntry("reachedVendor", false);
        assertThat(fault(recorded.get(0)).get("applied")).isEqualTo(List.of(Map.of("id", faultId, "kind", "error")));
        assertThat(fault(recorded.get(1))).containsEntry("reachedVendor", false);
        assertThat(fault(recorded.get(2))).isNull();
        given().get("/_sandbox/faults/{id}", faultId).then().statusCode(404);
    }

    @Test
    void a429CarriesRetryAfterInSecondsInTheVendorsErrorShape() {
        addFault(Map.of("vendor", "spresso", "kind", "error", "status", 429, "retryAfterSeconds", 7, "count", 1));

        spresso().body("{\"status\": \"in_transit\"}").put("/spresso/v1/fulfillments/f-unknown").then()
                .statusCode(429)
                .header("Retry-After", "7")
                .body("error", equalTo("rate_limited"));
        spresso().body("{\"status\": \"in_transit\"}").put("/spresso/v1/fulfillments/f-unknown").then()
                .statusCode(404);

        assertThat(calls("spresso")).extracting(c -> c.get("status")).containsExactly(429, 404);
    }

    @Test
    void aFaultOnPostOrdersFailsSubmissionsButNotTokenRequestsNorReads() {
        String faultId = addFault(Map.of("vendor", "spod", "kind", "error", "status", 500, "method", "POST",
                "path", "/spod/orders"));
        String id = "fault-path-" + UUID.randomUUID();

        spodTokenRequest().post("/spod/oauth/token").then().statusCode(200);
        spod().body(spodOrder(id)).post("/spod/orders").then().statusCode(500);
        spod().get("/spod/orders").then().statusCode(200);
        given().delete("/_sandbox/faults/{id}", faultId).then().statusCode(204);
        spod().body(spodOrder(id)).post("/spod/orders").then().statusCode(201);

        List<Map<String, Object>> submissions = calls("spod").stream()
                .filter(c -> "POST".equals(c.get("method")) && "/spod/orders".equals(c.get("path"))).toList();
        assertThat(submissions).extracting(c -> c.get("status")).containsExactly(500, 201);
        assertThat(fault(submissions.get(0))).containsEntry("reachedVendor", false);
        assertThat(fault(submissions.get(1))).isNull();
        assertThat(calls("spod").stream().filter(c -> fault(c) != null)).hasSize(1);
    }

    @Test
    void aFrozenVendorAnswersNothingUntilTheFreezeIsOverThenAnswersNormally() {
        String freeze = addFault(Map.of("vendor", "spod", "kind", "freeze", "durationMs", 5000, "path", "/spod"));

        CompletableFuture<HttpResponse<String>> answer = spodMetaLater();
        await().atMost(PATIENCE).until(() -> holding(freeze) == 1);
        assertThat(answer).isNotDone();

        HttpResponse<String> answered = await().atMost(PATIENCE).until(() -> answer.getNow(null), a -> a != null);
        assertThat(answered.statusCode()).isEqualTo(200);
        // The answer came because the freeze was over, not before.
        given().get("/_sandbox/faults/{id}", freeze).then().statusCode(404);
        Map<String, Object> call = calls("spod").get(0);
        assertThat(call.get("status")).isEqualTo(200);
        assertThat(fault(call)).containsEntry("reachedVendor", true);
        assertThat(appliedKinds(call)).containsExactly("freeze");
    }

    @Test
    void unfreezingLetsEveryHeldCallThrough() {
        String freeze = addFault(Map.of("vendor", "spod", "kind", "freeze"));

        CompletableFuture<HttpResponse<String>> first = spodMetaLater();
        CompletableFuture<HttpResponse<String>> second = spodMetaLater();
        await().atMost(PATIENCE).until(() -> holding(freeze) == 2);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        given().delete("/_sandbox/faults/{id}", freeze).then().statusCode(204);

        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(second.join().statusCode()).isEqualTo(200);
        assertThat(calls("spod")).hasSize(2).allSatisfy(c -> assertThat(fault(c)).containsEntry("reachedVendor", true));
    }

    @Test
    void aCallerThatGivesUpOnAFrozenVendorIsRecordedAsNeverReachingIt() {
        String freeze = addFault(Map.of("vendor", "spod", "kind", "freeze"));

        CompletableFuture<HttpResponse<String>> givenUp = spodMetaLater(Duration.ofMillis(500));
        await().atMost(PATIENCE).until(givenUp::isCompletedExceptionally);
        await().atMost(PATIENCE).until(() -> calls("spod").size() == 1);
        given().delete("/_sandbox/faults/{id}", freeze).then().statusCode(204);

        Map<String, Object> call = calls("spod").get(0);
        assertThat(call.get("status")).isNull();
        assertThat(fault(call)).containsEntry("reachedVendor", false);
        assertThat(appliedKinds(call)).containsExactly("freeze");
    }

    @Test
    void latencyHoldsEachAnswerUntilClearedThenTheVendorAnswers() {
        String latency = addFault(Map.of("vendor", "spod", "kind", "latency", "latencyMs", 600_000));

        CompletableFuture<HttpResponse<String>> answer = spodMetaLater();
        await().atMost(PATIENCE).until(() -> holding(latency) == 1);
        assertThat(answer).isNotDone();
        given().delete("/_sandbox/faults/{id}", latency).then().statusCode(204);

        assertThat(answer.join().statusCode()).isEqualTo(200);
        Map<String, Object> call = calls("spod").get(0);
        assertThat(fault(call)).containsEntry("reachedVendor", true);
        assertThat(appliedKinds(call)).containsExactly("latency");
    }

    @Test
    void aShortLatencyDelaysTheNextCallsOnly() {
        addFault(Map.of("vendor", "spod", "kind", "latency", "latencyMs", 200, "count", 1));

        assertThat(spodMetaStatus()).isEqualTo(200);
        assertThat(spodMetaStatus()).isEqualTo(200);

        List<Map<String, Object>> recorded = calls("spod");
        assertThat(appliedKinds(recorded.get(0))).containsExactly("latency");
        assertThat(fault(recorded.get(1))).isNull();
    }

    @Test
    void faultsStackFreezeThenErrorAndTheRecordSaysBoth() {
        String freeze = addFault(Map.of("vendor", "spod", "kind", "freeze"));
        addFault(Map.of("vendor", "spod", "kind", "error", "count", 1));

        CompletableFuture<HttpResponse<String>> answer = spodMetaLater();
        await().atMost(PATIENCE).until(() -> holding(freeze) == 1);
        given().delete("/_sandbox/faults/{id}", freeze).then().statusCode(204);

        assertThat(answer.join().statusCode()).isEqualTo(503);
        Map<String, Object> call = calls("spod").get(0);
        assertThat(fault(call)).containsEntry("reachedVendor", false);
        assertThat(appliedKinds(call)).containsExactly("freeze", "error");
    }

    @Test
    void aFaultOfOneVendorLeavesTheOtherAlone() {
        addFault(Map.of("vendor", "spresso", "kind", "error"));

        assertThat(spodMetaStatus()).isEqualTo(200);
        spresso().body("{\"status\": \"in_transit\"}").put("/spresso/v1/fulfillments/f-unknown").then().statusCode(503);
    }
}
