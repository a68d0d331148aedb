package io.fulfillmenthub.storefront.spresso.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpressoBackoffTest {

    private static final RuntimeException FAILED = new SpressoUnavailableException("503", null, null);

    @Test
    void delaysDoubleUpToTheMaximum() {
        var backoff = new SpressoBackoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.5, () -> 0.0);

        assertThat(backoff.nextDelayInMillis(FAILED)).isEqualTo(100);
        assertThat(backoff.nextDelayInMillis(FAILED)).isEqualTo(200);
        assertThat(backoff.nextDelayInMillis(FAILED)).isEqualTo(400);
        assertThat(backoff.nextDelayInMillis(FAILED)).isEqualTo(500);
    }

    @Test
    void jitterTakesOffUpToItsFraction() {
        var backoff = new SpressoBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0.5, () -> 1.0);

        assertThat(backoff.nextDelayInMillis(FAILED)).isEqualTo(50);
        assertThat(backoff.nextDelayInMillis(FAILED)).isEqualTo(100);
    }

    @Test
    void retryAfterIsHonouredUpToTheMaximumDelay() {
        var backoff = new SpressoBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0.5, () -> 0.0);

        assertThat(backoff.nextDelayInMillis(new SpressoUnavailableException("429", Duration.ofSeconds(3), null))).isEqualTo(3000);
        assertThat(backoff.nextDelayInMillis(new SpressoUnavailableException("429", Duration.ofMinutes(5), null))).isEqualTo(10_000);
    }
}
