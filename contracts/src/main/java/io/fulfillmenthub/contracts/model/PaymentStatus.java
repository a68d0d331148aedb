package io.fulfillmenthub.contracts.model;

/** Payment state as the storefront reports it; the fulfillable rule excludes cash on delivery. */
public enum PaymentStatus {
    PAID, PENDING, CASH_ON_DELIVERY, REFUNDED
}
