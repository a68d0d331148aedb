package io.fulfillmenthub.ingest.service;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens, refills continuously at {@code refillPerSecond}, and
 * each request takes one. Written here because no rate-limit library that is a token bucket (Bucket4j) is
 * served to this build; Resilience4j's limiter is a fixed-cycle one and would let twice the rate through at a
 * cycle's edge.
 */
public final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final long capacity;
    private final double refillPerNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /** @param nanoTime a monotonic clock, {@link System#nanoTime} outside tests */
    public TokenBucket(long capacity, double refillPerSecond, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("refill-per-second must be a positive number, was " + refillPerSecond);
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when one was taken; otherwise the whole seconds (at least 1) until one will be there
     */
    public synchronized long tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * refillPerNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double nanosToOne = (1 - tokens) / refillPerNano;
        return Math.max(1, (long) Math.ceil(nanosToOne / NANOS_PER_SECOND));
    }
}
