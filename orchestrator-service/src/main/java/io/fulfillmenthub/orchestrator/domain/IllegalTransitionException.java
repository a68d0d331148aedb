package io.fulfillmenthub.orchestrator.domain;

/**
 * A fact that the current state does not allow, e.g. a delivery before the fulfillment shipped. The
 * state is left as it was; the orchestrator records the refusal on the order's timeline and moves on.
 */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }

    static IllegalTransitionException of(String subject, Enum<?> status, String transition) {
        return new IllegalTransitionException(subject + " is " + status + ": cannot " + transition);
    }
}
