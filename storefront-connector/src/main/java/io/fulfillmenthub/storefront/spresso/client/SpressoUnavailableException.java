package io.fulfillmenthub.storefront.spresso.client;

import io.fulfillmenthub.kit.failure.TransientFailure;
import java.time.Duration;
import java.util.Optional;

/** A call that may succeed when repeated: 5xx, 408, 409, 429, a timeout or no connection. */
public final class SpressoUnavailableException extends RuntimeException implements TransientFailure {

    private final transient Duration retryAfter;

    public SpressoUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long Spresso asked the hub to wait ({@code Retry-After}), if it did. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
