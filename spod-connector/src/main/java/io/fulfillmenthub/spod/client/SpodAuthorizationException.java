package io.fulfillmenthub.spod.client;

/**
 * SPOD refused the credentials (401 even with a freshly fetched token, or 403). Not a verdict on the
 * order: the work fails and goes to the dead-letter topic, to be replayed once the configuration is fixed.
 */
public final class SpodAuthorizationException extends SpodApiException {

    public SpodAuthorizationException(String call, int status, String vendorMessage, String traceId) {
        super(call, status, vendorMessage, traceId);
    }
}
