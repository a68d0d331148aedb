package io.fulfillmenthub.orchestrator.messaging;

/** A fact about an order the orchestrator never received: nothing to record it on, so it is dead-lettered for replay. */
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(String hubOrderId, String factType, String factId) {
        super("no order " + hubOrderId + " for " + factType + " " + factId);
    }
}
