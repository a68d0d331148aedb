package io.fulfillmenthub.contracts;

/** What happened at a storefront or fulfiller, in neutral terms; published by connectors on {@link Topics#FACTS}. */
public non-sealed interface Fact extends HubMessage {
}
