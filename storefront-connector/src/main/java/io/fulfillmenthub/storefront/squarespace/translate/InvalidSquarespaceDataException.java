package io.fulfillmenthub.storefront.squarespace.translate;

import io.fulfillmenthub.kit.failure.ContractViolation;

/**
 * A Squarespace notification or order the connector cannot turn into facts; the message names the JSON path
 * at fault. A notification is dead-lettered at once, to be replayed once the mapper reads it.
 */
public final class InvalidSquarespaceDataException extends RuntimeException implements ContractViolation {

    public InvalidSquarespaceDataException(String message) {
        super(message);
    }

    public InvalidSquarespaceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
