package io.fulfillmenthub.storefront.spresso.translate;

import io.fulfillmenthub.kit.failure.ContractViolation;

/**
 * A Spresso webhook the connector cannot turn into a fact; the message names the JSON path at fault. It
 * is dead-lettered at once, to be replayed once the mapper reads it.
 */
public final class InvalidSpressoWebhookException extends RuntimeException implements ContractViolation {

    public InvalidSpressoWebhookException(String message) {
        super("Spresso webhook: " + message);
    }

    public InvalidSpressoWebhookException(String message, Throwable cause) {
        super("Spresso webhook: " + message, cause);
    }
}
