package io.fulfillmenthub.contracts;

/** The public order lifecycle, published by the orchestrator on {@link Topics#ORDERS}. */
public non-sealed interface LifecycleEvent extends HubMessage {
}
