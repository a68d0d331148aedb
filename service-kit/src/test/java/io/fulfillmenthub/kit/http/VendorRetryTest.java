package io.fulfillmenthub.kit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.kit.failure.TransientFailure;
import io.smallrye.mutiny.Uni;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VendorRetryTest {

    private static final Duration WAIT_LONG_ENOUGH = Duration.ofSeconds(30);

    /** A vendor's answer, as a vendor client would fail with it. */
    static final class Answered extends RuntimeException implements VendorStatus, TransientFailure {

        private final int status;
        private final Boolean documented;
        private final Duration retryAfter;

        Answered(int status, Boolean documented, Duration retryAfter) {
            super("answered " + status);
            this.status = status;
            this.documented = documented;
            this.retryAfter = retryAfter;
        }

        Answered(int status) {
            this(status, null, null);
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public boolean retryable() {
            return documented == null ? VendorStatus.super.retryable() : documented;
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void fiveHundredsAndTooManyRequestsAreRetried(int status) {
        assertThat(VendorRetry.retryable(new Answered(status))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 408, 409, 422})
    void noOtherFourHundredIsRetried(int status) {
        assertThat(VendorRetry.retryable(new Answered(status))).isFalse();
    }

    @Test
    void theVendorsDocumentationOutweighsTheStatus() {
        assertThat(VendorRetry.retryable(new Answered(409, true, null))).isTrue();
        assertThat(VendorRetry.retryable(new Answered(503, false, null))).isFalse();
    }

    @Test
    void connectionFailuresAndTimeoutsAreRetriedEvenWrapped() {
        assertThat(VendorRetry.retryable(new ConnectException("refused"))).isTrue();
        assertThat(VendorRetry.retryable(new IllegalStateException(new UncheckedIOException(new ConnectException("refused")))))
                .isTrue();
        assertThat(VendorRetry.retryable(new TimeoutException())).isTrue();
        assertThat(VendorRetry.retryable(new io.smallrye.mutiny.TimeoutException())).isTrue();
    }

    @Test
    void theVendorsAnswerOutweighsTheTransportItCameWith() {
        Answered refused = new Answered(400);
        refused.initCause(new ConnectException("a cause the answer came with"));
        assertThat(VendorRetry.retryable(refused)).isFalse();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(VendorRetry.retryable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aRetryableFailureIsRepeatedUntilTheCallSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        VendorRetry retry = new VendorRetry(5, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30), null);

        String answer = retry.call(() -> attempts.incrementAndGet() < 3
                ? Uni.createFrom().<String>failure(new Answered(503))
                : Uni.createFrom().item("created")).await().atMost(WAIT_LONG_ENOUGH);

        assertThat(answer).isEqualTo("created");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void afterItsLastAttemptTheCallFailsWithTheVendorsAnswer() {
        AtomicInteger attempts = new AtomicInteger();
        VendorRetry retry = new VendorRetry(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30), null);

        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().<String>failure(new Answered(500));
        }).await().atMost(WAIT_LONG_ENOUGH)).isInstanceOf(Answered.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aPermanentRefusalIsNotRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        VendorRetry retry = new VendorRetry(5, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30), null);

        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().<String>failure(new Answered(400));
        }).await().atMost(WAIT_LONG_ENOUGH)).isInstanceOf(Answered.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aRetryAfterLongerThanTheBackOffIsWaitedOut() {
        List<Long> startedAt = new ArrayList<>();
        VendorRetry retry = new VendorRetry(5, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(30), null);

        retry.call(() -> {
            startedAt.add(System.nanoTime());
            return startedAt.size() == 1
                    ? Uni.createFrom().<String>failure(new Answered(429, null, Duration.ofMillis(400)))
                    : Uni.createFrom().item("ok");
        }).await().atMost(WAIT_LONG_ENOUGH);

        assertThat(startedAt).hasSize(2);
        // a lower bound only: the repeat never starts before the vendor asked
        assertThat(Duration.ofNanos(startedAt.get(1) - startedAt.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aRetryAfterLongerThanTheLongestDelayIsLeftToTheConsumer() {
        AtomicInteger attempts = new AtomicInteger();
        VendorRetry retry = new VendorRetry(5, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(30), null);

        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().<String>failure(new Answered(429, null, Duration.ofMinutes(1)));
        }).await().atMost(WAIT_LONG_ENOUGH)).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.retryAfter()).contains(Duration.ofMinutes(1)));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anAttemptThatDoesNotAnswerInTimeIsATimeoutAndRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        VendorRetry retry = new VendorRetry(1, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(30),
                Duration.ofMillis(50));

        String answer = retry.call(() -> attempts.incrementAndGet() == 1
                ? Uni.createFrom().<String>nothing()
                : Uni.createFrom().item("late but there")).await().atMost(WAIT_LONG_ENOUGH);

        assertThat(answer).isEqualTo("late but there");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aBadPolicyIsRefusedAtStart() {
        assertThatThrownBy(() -> new VendorRetry(-1, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1), null))
                .hasMessageContaining("max-retries");
        assertThatThrownBy(() -> new VendorRetry(1, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), null))
                .hasMessageContaining("initial");
    }
}
