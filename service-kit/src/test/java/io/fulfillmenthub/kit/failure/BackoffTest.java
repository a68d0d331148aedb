package io.fulfillmenthub.kit.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Throwable DOWN = new ConnectException("refused");

    @Test
    void doublesFromTheInitialDelayUpToTheCapWithHalfOfEachStepRandom() {
        Backoff least = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.0);
        Backoff most = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.999_999);

        assertThat(least.after(1, DOWN)).isEqualTo(Duration.ofMillis(100));
        assertThat(most.after(1, DOWN)).isEqualTo(Duration.ofMillis(199));
        assertThat(least.after(4, DOWN)).isEqualTo(Duration.ofMillis(800));
        assertThat(least.after(50, DOWN)).isEqualTo(Duration.ofSeconds(15));
        assertThat(most.after(50, DOWN)).isLessThanOrEqualTo(Duration.ofSeconds(30)).isGreaterThan(Duration.ofSeconds(29));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsWaitedOutInFull() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.5);

        assertThat(backoff.after(1, new RateLimited(Duration.ofSeconds(90)))).isEqualTo(Duration.ofSeconds(90));
        assertThat(backoff.after(1, new RuntimeException("wrapped", new RateLimited(Duration.ofMinutes(2)))))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aRetryAfterShorterThanTheBackOffDoesNotShortenIt() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.0);

        assertThat(backoff.after(10, new RateLimited(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(15));
    }

    private static final class RateLimited extends RuntimeException implements TransientFailure {
        private final Duration wait;

        RateLimited(Duration wait) {
            super("429");
            this.wait = wait;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(wait);
        }
    }
}
