package io.fulfillmenthub.spod.client;

/** A permanent refusal: a 4xx other than 401, 403, 408, 409 and 429, or {@code retryable: false}. Never retried. */
public final class SpodRejection extends SpodApiException {

    public SpodRejection(String call, int status, String vendorMessage, String traceId) {
        super(call, status, vendorMessage, traceId);
    }
}
