package io.fulfillmenthub.storefront.spresso.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void secondsAreADelay() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void anHttpDateIsTheTimeToWaitUntil() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:16:00 GMT", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableHeaderAsksForNothing() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    }
}
