package io.fulfillmenthub.kit.http;

import java.util.Set;

/**
 * A vendor's HTTP answer as the cause of a client's failure, so that {@link VendorRetry} reads its status:
 * retryable by the rule (5xx, 429) or where the vendor documents another status as "retry later".
 */
public final class VendorAnswer extends RuntimeException implements VendorStatus {

    private final int status;
    private final Set<Integer> documentedRetryable;

    /** @param documentedRetryable statuses the vendor documents as worth repeating beyond the rule, e.g. a 409 */
    public VendorAnswer(int status, Set<Integer> documentedRetryable) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.documentedRetryable = Set.copyOf(documentedRetryable);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public boolean retryable() {
        return documentedRetryable.contains(status) || VendorStatus.super.retryable();
    }
}
