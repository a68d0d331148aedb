package io.fulfillmenthub.spod.client;

import io.fulfillmenthub.kit.failure.TransientFailure;
import java.time.Duration;
import java.util.Optional;

/** A 5xx, 408, 409 or 429, or any error whose body says {@code retryable: true}: worth another attempt. */
public final class SpodTransientException extends SpodApiException implements TransientFailure {

    private final transient Duration retryAfter;

    public SpodTransientException(String call, int status, String vendorMessage, String traceId, Duration retryAfter) {
        super(call, status, vendorMessage, traceId);
        this.retryAfter = retryAfter;
    }

    /** How long SPOD asked us to wait ({@code Retry-After}), when it said. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
