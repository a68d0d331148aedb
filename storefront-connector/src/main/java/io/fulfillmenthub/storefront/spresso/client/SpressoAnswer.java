package io.fulfillmenthub.storefront.spresso.client;

import io.fulfillmenthub.kit.http.VendorStatus;

/**
 * The status of Spresso's answer, the cause of a {@link SpressoUnavailableException} that has one (one
 * without is a timeout or no connection), so the hub's one retry rule ({@code kit.http.VendorRetry})
 * reads it.
 */
final class SpressoAnswer extends RuntimeException implements VendorStatus {

    private final int status;

    SpressoAnswer(int status) {
        super("HTTP " + status, null, false, false);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }

    /** VENDOR-FACTS.md: a 409 is {@code CONCURRENT_MODIFICATION}, another request on the order: retry later. */
    @Override
    public boolean retryable() {
        return status == 409 || VendorStatus.super.retryable();
    }
}
