package io.fulfillmenthub.storefront.spresso.translate;

/** A command that is well-formed for the hub but cannot be expressed as a Spresso call. */
public final class UnexecutableCommandException extends RuntimeException {

    public UnexecutableCommandException(String message) {
        super(message);
    }
}
