package io.fulfillmenthub.storefront.squarespace.client;

import io.fulfillmenthub.kit.failure.TransientFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * A call that may succeed when repeated: 5xx, 408, 409, 429 (and its cool-down), a timeout, no connection,
 * or credentials an operator must fix (401, 403, no key).
 */
public final class SquarespaceUnavailableException extends RuntimeException implements TransientFailure {

    private final transient Duration retryAfter;

    public SquarespaceUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
