package io.fulfillmenthub.contracts.commands;

/** How a store hands a sale to the customer. */
public enum SaleMode {
    /** Click and collect: the customer picks it up at the outlet. */
    PICKUP,
    /** Local delivery from the outlet. */
    DELIVERY
}
