package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.HubMessage;
import io.fulfillmenthub.contracts.model.Fulfiller;

/**
 * Turns an intent into the command of the fulfillment's own fulfiller, so a fulfiller's command only ever goes
 * to its own fulfillments. The fulfiller package implements it with one mapper per fulfiller.
 */
public interface FulfillerCommands {

    /** Whether intents for this fulfiller can be sent: an order holds a fulfillment whose fulfiller has none. */
    boolean maps(Fulfiller fulfiller);

    /**
     * @throws IllegalStateException when no mapper knows the intent's fulfiller (ask {@link #maps} first)
     */
    HubMessage command(FulfillerIntent intent);
}
