package io.fulfillmenthub.storefront.squarespace.client;

/**
 * Squarespace refused a call for good (a 4xx other than 401, 403, 408, 409 and 429): repeating it cannot help.
 * Its error body is documented as {@code {type, subtype, message, details, contextId}}.
 */
public final class SquarespaceRefusedException extends RuntimeException {

    private final int status;
    private final String subtype;
    private final String vendorMessage;
    private final String contextId;

    public SquarespaceRefusedException(String call, int status, String type, String subtype, String vendorMessage,
            String contextId) {
        super("Squarespace refused " + call + " with " + status + (type == null ? "" : " " + type)
                + (subtype == null ? "" : " " + subtype) + (vendorMessage == null ? "" : ": " + vendorMessage));
        this.status = status;
        this.subtype = subtype;
        this.vendorMessage = vendorMessage;
        this.contextId = contextId;
    }

    public int status() {
        return status;
    }

    public String subtype() {
        return subtype;
    }

    /** What Squarespace said, or null when its answer had no readable body. */
    public String vendorMessage() {
        return vendorMessage;
    }

    /** Squarespace's {@code contextId}, for its support; null when absent. */
    public String contextId() {
        return contextId;
    }
}
