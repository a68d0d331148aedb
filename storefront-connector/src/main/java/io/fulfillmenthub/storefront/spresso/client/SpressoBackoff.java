package io.fulfillmenthub.storefront.spresso.client;

import io.fulfillmenthub.storefront.config.SpressoConfig;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The delay before each retry of one call: exponential from the initial delay, part of it taken off at
 * random, and at least what a {@code Retry-After} asked for; never more than the maximum delay.
 */
public final class SpressoBackoff implements CustomBackoffStrategy {

    private final long initialMillis;
    private final long maxMillis;
    private final double jitter;
    private final DoubleSupplier random;
    private int retries;

    public SpressoBackoff(SpressoConfig.Retry retry) {
        this(retry.initialDelay(), retry.maxDelay(), retry.jitter(), () -> ThreadLocalRandom.current().nextDouble());
    }

    SpressoBackoff(Duration initialDelay, Duration maxDelay, double jitter, DoubleSupplier random) {
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("hub.spresso.retry.jitter must be between 0 and 1, was " + jitter);
        }
        this.initialMillis = initialDelay.toMillis();
        this.maxMillis = maxDelay.toMillis();
        this.jitter = jitter;
        this.random = random;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long exponential = Math.min(maxMillis, initialMillis << Math.min(retries++, 30));
        long delay = exponential - (long) (exponential * jitter * random.getAsDouble());
        long asked = retryAfter(cause).map(Duration::toMillis).orElse(0L);
        return Math.min(maxMillis, Math.max(delay, asked));
    }

    private static Optional<Duration> retryAfter(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SpressoUnavailableException unavailable) {
                return unavailable.retryAfter();
            }
        }
        return Optional.empty();
    }
}
