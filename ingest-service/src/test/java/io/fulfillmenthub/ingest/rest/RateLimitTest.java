package io.fulfillmenthub.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.ingest.service.WebhookMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The test profile's {@code rate-limited-test} source holds 3 webhooks and refills one every 20 s; the other
 * sources keep the generous default, so this one's bucket running dry throttles nobody else.
 */
@QuarkusTest
class RateLimitTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aSourceOverItsRateIsAnswered429WithRetryAfterBeforeAnythingElseIsChecked() {
        double before = metrics.counter(WebhookMetrics.REJECTED, "source", "rate-limited-test", "reason", "rate_limited").count();
        // unsigned: each still takes a token, as the limit bounds the work a source's path can cause
        for (int i = 0; i < 3; i++) {
            post("/webhooks/rate-limited-test").then().statusCode(401).body("error", equalTo("invalid_signature"));
        }

        Response limited = post("/webhooks/rate-limited-test");

        limited.then().statusCode(429)
                .contentType(containsString("application/json"))
                .body("error", equalTo("rate_limited"))
                .body("message", containsString("hub.ingest.sources.rate-limited-test.rate-limit"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 20);
        assertThat(metrics.counter(WebhookMetrics.REJECTED, "source", "rate-limited-test", "reason", "rate_limited").count())
                .isEqualTo(before + 1);
        // the others are not throttled by it
        post("/webhooks/plain-test").then().statusCode(401).body("error", equalTo("invalid_signature"));
    }

    private static Response post(String path) {
        return given().contentType("application/json").body("{\"data\":{\"orderId\":\"o-1\"}}").when().post(path);
    }
}
