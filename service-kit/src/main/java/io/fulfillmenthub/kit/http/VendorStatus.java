package io.fulfillmenthub.kit.http;

/**
 * Implemented by a vendor client's failure that carries the vendor's HTTP answer, so that
 * {@link VendorRetry} decides from the status, the same way for every vendor.
 */
public interface VendorStatus {

    /** The HTTP status the vendor answered. */
    int status();

    /**
     * Whether the vendor's own documentation says this answer is worth repeating although its status is
     * not 5xx or 429 (SPOD's {@code retryable: true}, Spresso's 409 {@code CONCURRENT_MODIFICATION}).
     */
    default boolean documentedRetryable() {
        return false;
    }
}
