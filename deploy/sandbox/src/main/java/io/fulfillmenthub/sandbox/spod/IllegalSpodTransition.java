package io.fulfillmenthub.sandbox.spod;

/** A state change the order's current state does not allow. */
public class IllegalSpodTransition extends RuntimeException {

    IllegalSpodTransition(String message) {
        super(message);
    }
}
