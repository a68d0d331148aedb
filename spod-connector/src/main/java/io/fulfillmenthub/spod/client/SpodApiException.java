package io.fulfillmenthub.spod.client;

import io.fulfillmenthub.kit.http.VendorStatus;

/**
 * SPOD answered with an error status. What the connector does with it depends on the subclass:
 * {@link SpodTransientException} is retried, {@link SpodRejection} is final and becomes a fact,
 * {@link SpodAuthorizationException} fails the work so it can be replayed once the credentials are fixed.
 */
public abstract sealed class SpodApiException extends RuntimeException implements VendorStatus
        permits SpodTransientException, SpodRejection, SpodAuthorizationException {

    private final int status;
    private final String vendorMessage;
    private final String traceId;

    protected SpodApiException(String call, int status, String vendorMessage, String traceId) {
        super(call + " answered HTTP " + status + (vendorMessage == null ? "" : ": " + vendorMessage)
                + (traceId == null ? "" : " (trace-id " + traceId + ")"));
        this.status = status;
        this.vendorMessage = vendorMessage;
        this.traceId = traceId;
    }

    @Override
    public int status() {
        return status;
    }

    /** SPOD's {@code message}, null when the body had none. */
    public String vendorMessage() {
        return vendorMessage;
    }

    /** SPOD's {@code trace-id}, null when the body had none. */
    public String traceId() {
        return traceId;
    }
}
