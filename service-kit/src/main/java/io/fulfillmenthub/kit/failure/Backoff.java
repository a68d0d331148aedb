package io.fulfillmenthub.kit.failure;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The wait before the next attempt: exponential from {@code initial}, capped at {@code max}, with
 * "equal jitter" (half the step fixed, half random) so that many waiting records spread out. A
 * {@code Retry-After} the other side sent is waited out in full, even when it is longer than the cap.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, not initial " + initial + ", max " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** @param attempt how many attempts failed so far, from 1 */
    public Duration after(int attempt, Throwable failure) {
        long step = initial.toMillis();
        for (int i = 1; i < attempt && step < max.toMillis(); i++) {
            step *= 2;
        }
        step = Math.min(step, max.toMillis());
        Duration jittered = Duration.ofMillis(step / 2 + (long) (random.getAsDouble() * (step - step / 2)));
        return Failures.retryAfter(failure).filter(asked -> asked.compareTo(jittered) > 0).orElse(jittered);
    }
}
