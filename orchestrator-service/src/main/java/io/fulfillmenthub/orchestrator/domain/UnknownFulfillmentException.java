package io.fulfillmenthub.orchestrator.domain;

/** A fact names a fulfillment that is not part of the order. */
public class UnknownFulfillmentException extends IllegalTransitionException {

    public UnknownFulfillmentException(String hubOrderId, String fulfillmentId) {
        super("order " + hubOrderId + " has no fulfillment " + fulfillmentId);
    }
}
