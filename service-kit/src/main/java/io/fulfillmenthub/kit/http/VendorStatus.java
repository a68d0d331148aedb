package io.fulfillmenthub.kit.http;

/**
 * Implemented by a vendor client's failure that carries the vendor's HTTP answer, so that
 * {@link VendorRetry} decides from the status, the same way for every vendor.
 */
public interface VendorStatus {

    /** The HTTP status the vendor answered. */
    int status();

    /**
     * Whether this answer is worth repeating: by the rule, a 5xx or a 429 ({@link VendorRetry#retryableStatus}).
     * A vendor client overrides it only where the vendor's documentation says otherwise for an answer
     * (SPOD's error body {@code retryable}, Spresso's 409 {@code CONCURRENT_MODIFICATION}).
     */
    default boolean retryable() {
        return VendorRetry.retryableStatus(status());
    }
}
