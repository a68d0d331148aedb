package io.fulfillmenthub.spod.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpodBackoffTest {

    @Test
    void doublesEachTimeWithHalfOfEachStepRandomUpToTheMaximum() {
        SpodBackoff lowest = new SpodBackoff(Duration.ofMillis(1000), () -> 0.0);
        SpodBackoff highest = new SpodBackoff(Duration.ofMillis(1000), () -> 0.999999);
        lowest.init(100);
        highest.init(100);

        long[] low = new long[5];
        long[] high = new long[5];
        for (int i = 0; i < 5; i++) {
            low[i] = lowest.nextDelayInMillis(new RuntimeException());
            high[i] = highest.nextDelayInMillis(new RuntimeException());
        }

        assertThat(low).containsExactly(50, 100, 200, 400, 500);
        assertThat(high).containsExactly(99, 199, 399, 799, 999);
    }

    @Test
    void retryAfterIsHonouredUpToTheMaximum() {
        SpodBackoff backoff = new SpodBackoff(Duration.ofSeconds(30), () -> 0.5);
        backoff.init(100);

        assertThat(backoff.nextDelayInMillis(transientWith(Duration.ofSeconds(3)))).isEqualTo(3000);
        assertThat(backoff.nextDelayInMillis(transientWith(Duration.ofMinutes(5)))).isEqualTo(30_000);
    }

    private static SpodTransientException transientWith(Duration retryAfter) {
        return new SpodTransientException("c", 429, null, null, retryAfter);
    }
}
