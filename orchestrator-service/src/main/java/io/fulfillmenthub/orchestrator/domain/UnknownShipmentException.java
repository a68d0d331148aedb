package io.fulfillmenthub.orchestrator.domain;

/**
 * A delivery names a tracking number no shipment of the order has. Not a refusal the timeline can hold:
 * whoever sent it must be told (the operations API answers 404; a fact from the topic is a dead letter).
 */
public class UnknownShipmentException extends RuntimeException {

    public UnknownShipmentException(String hubOrderId, String trackingNumber) {
        super("order " + hubOrderId + " has no shipment with tracking number '" + trackingNumber + "'");
    }
}
