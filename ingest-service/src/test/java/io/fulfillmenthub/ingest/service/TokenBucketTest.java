package io.fulfillmenthub.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketLetsItsCapacityThroughAtOnceThenSaysWhenTheNextTokenComes() {
        TokenBucket bucket = new TokenBucket(3, 0.5, now::get);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).as("seconds until one token at 0.5/s").isEqualTo(2);
    }

    @Test
    void tokensComeBackAtTheRefillRateAndNeverPastTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, now::get);
        bucket.tryTake();
        bucket.tryTake();
        assertThat(bucket.tryTake()).isEqualTo(1);

        now.addAndGet(100_000_000L); // 0.1 s: one token at 10/s
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(1);

        now.addAndGet(60_000_000_000L); // a minute: full again, but only 2
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(1);
    }

    @Test
    void aSlowRefillIsAnsweredWithTheWholeSecondsToWait() {
        TokenBucket bucket = new TokenBucket(1, 0.05, now::get);
        bucket.tryTake();

        assertThat(bucket.tryTake()).isEqualTo(20);
        now.addAndGet(15_500_000_000L);
        assertThat(bucket.tryTake()).isEqualTo(5);
    }

    @Test
    void aBucketThatCouldNeverLetAnythingThroughIsRefused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new TokenBucket(1, 0, now::get)).hasMessageContaining("refill-per-second");
    }
}
