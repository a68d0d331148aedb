package io.fulfillmenthub.spod.client;

import io.fulfillmenthub.kit.failure.TransientFailure;
import io.fulfillmenthub.kit.http.VendorRetry;
import java.time.Duration;
import java.util.Optional;

/**
 * A 5xx, 408, 409 or 429, or any error whose body says {@code retryable: true}: worth another attempt. The
 * client repeats it at once ({@code kit.http.VendorRetry}: 5xx, 429, or {@code retryable: true}); the others
 * (408, 409 without the flag) are repeated by the consumer.
 */
public final class SpodTransientException extends SpodApiException implements TransientFailure {

    private final transient Duration retryAfter;
    private final boolean saidRetryable;

    /** @param saidRetryable whether SPOD's error body said {@code retryable: true} */
    public SpodTransientException(String call, int status, String vendorMessage, String traceId, Duration retryAfter,
            boolean saidRetryable) {
        super(call, status, vendorMessage, traceId);
        this.retryAfter = retryAfter;
        this.saidRetryable = saidRetryable;
    }

    /** SPOD documents its error body's {@code retryable} as the answer to honour (VENDOR-FACTS.md). */
    @Override
    public boolean retryable() {
        return saidRetryable || VendorRetry.retryableStatus(status());
    }

    /** How long SPOD asked us to wait ({@code Retry-After}), when it said. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
