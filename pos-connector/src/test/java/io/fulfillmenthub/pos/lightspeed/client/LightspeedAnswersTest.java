package io.fulfillmenthub.pos.lightspeed.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.pos.lightspeed.LightspeedConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lightspeed's answers read tolerantly, bad ones named; the pace kept from its headers. */
class LightspeedAnswersTest {

    private static final String CALL = "POST /api/register_sales";

    @Test
    void aSaleWithoutAnIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> LightspeedSale.fromRegisterSale(CALL, "{\"register_sale\": {\"status\": \"AWAITING_PICKUP\"}}"))
                .isInstanceOf(LightspeedAnswerException.class)
                .hasMessageContaining("'register_sale.id'").hasMessageContaining(CALL);
        assertThatThrownBy(() -> LightspeedSale.fromData("GET /api/2.0/sales/{id}", "<html>busy</html>"))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LightspeedSale.listFromData("GET /api/2.0/sales", "{\"data\": {\"id\": \"s\"}}"))
                .hasMessageContaining("'data' is not an array");
    }

    @Test
    void unknownFieldsAndAVersionAsTextAreRead() {
        LightspeedSale sale = LightspeedSale.fromData("GET", "{\"data\": {\"id\": \"s-1\", \"status\": \"PICKED_UP_CLOSED\", "
                + "\"version\": \"42\", \"source_id\": \"spresso:o:f\", \"something_new\": [1]}}");
        assertThat(sale.version()).isEqualTo(42);
        assertThat(sale.handedOver()).isTrue();
        assertThat(sale.sourceId()).isEqualTo("spresso:o:f");
    }

    @Test
    void errorsAreSortedIntoRetryLaterAndNever() {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        LightspeedApiException tooMany = LightspeedErrors.classify(CALL, 429, "{\"error\": \"Too Many Requests\"}",
                "Fri, 04 Dec 2026 12:00:30 GMT", now, false);
        assertThat(tooMany).isInstanceOf(LightspeedTransientException.class);
        assertThat(((LightspeedTransientException) tooMany).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(LightspeedErrors.classify(CALL, 400, "{\"error\": \"Bad Request\", \"message\": \"register_id is required\"}",
                null, now, false)).isInstanceOf(LightspeedRejection.class)
                .satisfies(error -> assertThat(error.vendorMessage()).isEqualTo("register_id is required"));
        assertThat(LightspeedErrors.classify("POST /api/1.0/token", 400, "{\"error\": \"invalid_grant\"}", null, now, true))
                .isInstanceOf(LightspeedTransientException.class).hasMessageContaining("invalid_grant");
        assertThat(LightspeedErrors.classify(CALL, 503, "not json", null, now, false).retryable()).isTrue();
    }

    @Test
    void thePaceSlowsDownBelowTheReserveAndWaitsOutARetryAfterDate() {
        LightspeedPace pace = new LightspeedPace(config(30, Duration.ofSeconds(1)));
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        assertThat(pace.before(now)).isZero();
        pace.observe("100", null);
        assertThat(pace.before(now)).isZero();
        pace.observe("12", null);
        assertThat(pace.before(now)).isEqualTo(Duration.ofSeconds(1));
        pace.observe("0", "Fri, 04 Dec 2026 12:01:00 GMT");
        assertThat(pace.before(now)).isEqualTo(Duration.ofMinutes(1));
        pace.observe("600", "Fri, 04 Dec 2026 12:05:00 GMT");
        assertThat(pace.refused("Fri, 04 Dec 2026 12:00:20 GMT", now)).isEqualTo(Duration.ofSeconds(20));
        assertThat(pace.before(now.plusSeconds(5))).isEqualTo(Duration.ofSeconds(15));
        assertThat(pace.before(now.plusSeconds(25))).isZero();
        pace.observe("not a number", "not a date");
        assertThat(pace.before(now.plusSeconds(25))).isZero();
    }

    @Test
    void aRefusalsRetryAfterWinsOverTheWindowResetItCameWith() {
        // a 429 storm: the refusal says 0 remaining until the window resets in five minutes, and to call again in 15 s
        LightspeedPace pace = new LightspeedPace(config(30, Duration.ofSeconds(1)));
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        pace.observe("0", "Fri, 04 Dec 2026 12:05:00 GMT");
        assertThat(pace.refused("Fri, 04 Dec 2026 12:00:15 GMT", now)).isEqualTo(Duration.ofSeconds(15));
        assertThat(pace.before(now.plusSeconds(5))).isEqualTo(Duration.ofSeconds(10));
        assertThat(pace.before(now.plusSeconds(15))).isZero();
        // a refusal without a readable Retry-After keeps what the headers said
        pace.observe("0", "Fri, 04 Dec 2026 12:05:00 GMT");
        assertThat(pace.refused(null, now.plusSeconds(15))).isNull();
        assertThat(pace.before(now.plusSeconds(60))).isEqualTo(Duration.ofMinutes(4));
    }

    private static LightspeedConfig config(int slowBelow, Duration pause) {
        return new LightspeedConfig() {
            public java.net.URI baseUrl() { return java.net.URI.create("http://localhost"); }
            public Optional<String> clientId() { return Optional.empty(); }
            public Optional<String> clientSecret() { return Optional.empty(); }
            public Optional<String> refreshToken() { return Optional.empty(); }
            public Optional<String> personalToken() { return Optional.empty(); }
            public Duration timeout() { return Duration.ofSeconds(10); }
            public Duration tokenSkew() { return Duration.ofMinutes(1); }
            public int feedPageSize() { return 200; }
            public Poll poll() { return null; }
            public Retry retry() { return null; }
            public RateLimit rateLimit() {
                return new RateLimit() {
                    public int slowBelow() { return slowBelow; }
                    public Duration pause() { return pause; }
                };
            }
        };
    }
}
