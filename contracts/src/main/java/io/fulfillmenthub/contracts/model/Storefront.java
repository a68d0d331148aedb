package io.fulfillmenthub.contracts.model;

/** Where customers buy. Its lower-case name is the source part of a hub order id. */
public enum Storefront {
    SPRESSO, SQUARESPACE
}
