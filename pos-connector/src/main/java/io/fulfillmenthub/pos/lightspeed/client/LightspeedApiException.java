package io.fulfillmenthub.pos.lightspeed.client;

import io.fulfillmenthub.kit.http.VendorStatus;

/** An error answer from Lightspeed ({@code {"error", "message"}}), naming the call and the status. */
public class LightspeedApiException extends RuntimeException implements VendorStatus {

    private final String call;
    private final int status;
    private final String error;
    private final String vendorMessage;

    public LightspeedApiException(String call, int status, String error, String vendorMessage) {
        super("Lightspeed answered " + call + " with HTTP " + status + (error == null ? "" : " " + error)
                + (vendorMessage == null ? "" : ": " + vendorMessage), null, false, false);
        this.call = call;
        this.status = status;
        this.error = error;
        this.vendorMessage = vendorMessage;
    }

    public String call() {
        return call;
    }

    @Override
    public int status() {
        return status;
    }

    /** Lightspeed's {@code error}, e.g. {@code invalid_grant}; null when the body had none. */
    public String error() {
        return error;
    }

    /** Lightspeed's {@code message}, or its {@code error} when it sent no message. */
    public String vendorMessage() {
        return vendorMessage != null ? vendorMessage : error;
    }
}
