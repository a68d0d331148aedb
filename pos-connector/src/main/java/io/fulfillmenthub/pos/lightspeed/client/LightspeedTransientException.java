package io.fulfillmenthub.pos.lightspeed.client;

import io.fulfillmenthub.kit.failure.TransientFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * A 5xx, 408, 409 or 429, or refused credentials (401/403, a refused refresh token) an operator can fix: worth
 * another attempt, later. The consumer retries it in place, never dead-lettering; a 429's {@code Retry-After}
 * (an HTTP date at Lightspeed) is waited out in full.
 */
public final class LightspeedTransientException extends LightspeedApiException implements TransientFailure {

    private final transient Duration retryAfter;

    public LightspeedTransientException(String call, int status, String error, String vendorMessage, Duration retryAfter) {
        super(call, status, error, vendorMessage);
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean retryable() {
        // 401/403 wait for an operator (the consumer's back-off), not for the client's short repeats
        return status() == 408 || status() == 409 || super.retryable();
    }
}
