package io.fulfillmenthub.contracts.model;

/** Who fulfils a fulfillment. */
public enum Fulfiller {
    SPOD, LIGHTSPEED
}
