package io.fulfillmenthub.spod.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.kit.http.VendorRetry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpodErrorsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503})
    void transientStatusesAreRetried(int status) {
        assertThat(SpodErrors.classify("POST /orders", status, "", null, NOW)).isInstanceOf(SpodTransientException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 410, 422})
    void otherClientErrorsAreFinalWithSpodsMessageAndTraceId(int status) {
        SpodApiException error = SpodErrors.classify("POST /orders", status,
                "{\"message\": \"bad sku\", \"trace-id\": \"t-1\"}", null, NOW);

        assertThat(error).isInstanceOf(SpodRejection.class).hasMessageContaining("bad sku").hasMessageContaining("t-1");
        assertThat(error.vendorMessage()).isEqualTo("bad sku");
        assertThat(error.traceId()).isEqualTo("t-1");
    }

    /** What the client repeats at once (the hub's rule, kit.http.VendorRetry, with SPOD's documented flag). */
    @Test
    void theClientRepeatsFiveHundredsTooManyRequestsAndWhatSpodCallsRetryableOnly() {
        assertThat(VendorRetry.retryable(SpodErrors.classify("c", 503, "", null, NOW))).isTrue();
        assertThat(VendorRetry.retryable(SpodErrors.classify("c", 429, "", null, NOW))).isTrue();
        assertThat(VendorRetry.retryable(SpodErrors.classify("c", 400, "{\"retryable\": true}", null, NOW))).isTrue();
        assertThat(VendorRetry.retryable(SpodErrors.classify("c", 503, "{\"retryable\": false}", null, NOW))).isFalse();
        // transient for the consumer, which repeats them, but no 4xx is repeated by the client unless SPOD says so
        assertThat(VendorRetry.retryable(SpodErrors.classify("c", 409, "", null, NOW))).isFalse();
        assertThat(VendorRetry.retryable(SpodErrors.classify("c", 400, "", null, NOW))).isFalse();
        assertThat(VendorRetry.retryable(SpodErrors.classify("c", 401, "", null, NOW))).isFalse();
    }

    @Test
    void theBodysRetryableWins() {
        assertThat(SpodErrors.classify("c", 400, "{\"message\": \"busy\", \"retryable\": true}", null, NOW))
                .isInstanceOf(SpodTransientException.class);
        assertThat(SpodErrors.classify("c", 503, "{\"message\": \"gone\", \"retryable\": false}", null, NOW))
                .isInstanceOf(SpodRejection.class);
    }

    @Test
    void refusedCredentialsAreNeitherRetriedNorARejection() {
        assertThat(SpodErrors.classify("c", 401, null, null, NOW)).isInstanceOf(SpodAuthorizationException.class);
        assertThat(SpodErrors.classify("c", 403, "not json", null, NOW)).isInstanceOf(SpodAuthorizationException.class);
    }

    @Test
    void retryAfterIsKept() {
        SpodApiException error = SpodErrors.classify("c", 429, "<html>slow down</html>", "7", NOW);

        assertThat(((SpodTransientException) error).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(error.vendorMessage()).isNull();
    }
}
