package io.fulfillmenthub.spod.client;

/** A permanent refusal: a 4xx other than 401, 403, 408, 409 and 429, or {@code retryable: false}. Never retried. */
public final class SpodRejection extends SpodApiException {

    /** Final, whatever the status: SPOD said {@code retryable: false}, or it is a 4xx (VENDOR-FACTS.md). */
    @Override
    public boolean retryable() {
        return false;
    }

    public SpodRejection(String call, int status, String vendorMessage, String traceId) {
        super(call, status, vendorMessage, traceId);
    }
}
