package io.fulfillmenthub.contracts;

/** What the orchestrator asks one connector to do; published on that connector's commands topic. */
public non-sealed interface Command extends HubMessage {
}
