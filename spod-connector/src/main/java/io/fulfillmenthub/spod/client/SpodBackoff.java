package io.fulfillmenthub.spod.client;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The wait before the next attempt at a SPOD call: what {@code Retry-After} asked for when SPOD sent
 * one, else exponential backoff with jitter (half the step fixed, half random, so that many callers
 * spread out); never more than the configured maximum (a longer {@code Retry-After} is not retried here:
 * the consumer waits it out). One instance per guarded call.
 */
public final class SpodBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private final DoubleSupplier random;
    private long nextStepMillis;

    public SpodBackoff(Duration maxDelay) {
        this(maxDelay, () -> ThreadLocalRandom.current().nextDouble());
    }

    SpodBackoff(Duration maxDelay, DoubleSupplier random) {
        this.maxDelayMillis = maxDelay.toMillis();
        this.random = random;
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextStepMillis = Math.max(1, initialDelayInMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable failure) {
        long step = Math.min(nextStepMillis, maxDelayMillis);
        nextStepMillis = Math.min(maxDelayMillis, nextStepMillis * 2);
        if (failure instanceof SpodTransientException spod && spod.retryAfter().isPresent()) {
            return Math.min(spod.retryAfter().get().toMillis(), maxDelayMillis);
        }
        return step / 2 + (long) (random.getAsDouble() * (step - step / 2));
    }
}
