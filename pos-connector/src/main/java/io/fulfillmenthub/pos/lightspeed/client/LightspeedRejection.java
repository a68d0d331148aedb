package io.fulfillmenthub.pos.lightspeed.client;

/** A permanent refusal: a 4xx other than 401, 403, 408, 409 and 429. Repeating the same call cannot help. */
public final class LightspeedRejection extends LightspeedApiException {

    public LightspeedRejection(String call, int status, String error, String vendorMessage) {
        super(call, status, error, vendorMessage);
    }
}
