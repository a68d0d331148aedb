package io.fulfillmenthub.kit.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * Implemented by a failure that may pass when repeated, such as a vendor's 5xx or 429, or a refused
 * credential an operator can fix. A consumer retries the record in place until it succeeds.
 */
public interface TransientFailure {

    /** How long the other side asked us to wait ({@code Retry-After}); waited out in full, never cut. */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
