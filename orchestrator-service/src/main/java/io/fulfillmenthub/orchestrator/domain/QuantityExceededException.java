package io.fulfillmenthub.orchestrator.domain;

/** A shipment names a line the fulfillment does not have, or more of a line than is still to ship. */
public class QuantityExceededException extends IllegalTransitionException {

    public QuantityExceededException(String message) {
        super(message);
    }
}
