package io.fulfillmenthub.storefront.spresso.client;

/**
 * Spresso refused a call for good (a 4xx other than 408, 409 and 429): repeating it cannot help.
 *
 * @see SpressoUnavailableException for what is worth retrying
 */
public final class SpressoRefusedException extends RuntimeException {

    private final int status;
    private final String vendorMessage;

    public SpressoRefusedException(String call, int status, String errorCode, String vendorMessage) {
        super("Spresso refused " + call + " with " + status + (errorCode == null ? "" : " " + errorCode));
        this.status = status;
        this.vendorMessage = vendorMessage;
    }

    public int status() {
        return status;
    }

    /** What Spresso said, or null when its answer had no body. */
    public String vendorMessage() {
        return vendorMessage;
    }
}
