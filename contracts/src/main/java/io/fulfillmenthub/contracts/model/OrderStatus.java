package io.fulfillmenthub.contracts.model;

/** The hub's state of one order, as published on the public lifecycle topic. */
public enum OrderStatus {
    RECEIVED, AWAITING_FULFILLABLE, ON_HOLD, IN_FULFILLMENT, PARTIALLY_SHIPPED, SHIPPED, COMPLETED,
    CANCELLED, FAILED
}
