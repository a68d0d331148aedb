package io.fulfillmenthub.spod.client;

import io.fulfillmenthub.kit.failure.TransientFailure;

/**
 * SPOD refused the credentials (401 even with a freshly fetched token, or 403). Not a verdict on the
 * order: the work waits, retried with back-off, until an operator fixes the credentials; it is never
 * dead-lettered for it.
 */
public final class SpodAuthorizationException extends SpodApiException implements TransientFailure {

    public SpodAuthorizationException(String call, int status, String vendorMessage, String traceId) {
        super(call, status, vendorMessage, traceId);
    }
}
