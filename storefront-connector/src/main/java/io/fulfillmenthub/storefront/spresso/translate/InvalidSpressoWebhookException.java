package io.fulfillmenthub.storefront.spresso.translate;

/** A Spresso webhook the connector cannot turn into a fact; the message names the JSON path at fault. */
public final class InvalidSpressoWebhookException extends RuntimeException {

    public InvalidSpressoWebhookException(String message) {
        super("Spresso webhook: " + message);
    }

    public InvalidSpressoWebhookException(String message, Throwable cause) {
        super("Spresso webhook: " + message, cause);
    }
}
