package io.fulfillmenthub.contracts.model;

/** The hub's state of one fulfillment. */
public enum FulfillmentStatus {
    PENDING, ON_HOLD, SUBMITTED, ACCEPTED, REJECTED, PARTIALLY_SHIPPED, SHIPPED, READY_FOR_PICKUP,
    PICKED_UP, DELIVERED, CANCELLATION_REQUESTED, CANCELLED
}
