package io.fulfillmenthub.orchestrator.fulfiller;

import io.fulfillmenthub.contracts.HubMessage;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.domain.FulfillerIntent;

/** One fulfiller's commands: a CDI bean per fulfiller, found by {@link FulfillerCommandMappers} through {@link #fulfiller()}. */
public interface FulfillerCommandMapper {

    Fulfiller fulfiller();

    /** Its command for a submission (first or resubmission) of one of its fulfillments. */
    HubMessage submit(FulfillerIntent.Submit intent);

    /** Its command cancelling the current submission of one of its fulfillments. */
    HubMessage cancel(FulfillerIntent.Cancel intent);

    /** Its command closing a store sale as handed over; a fulfiller without stores has none. */
    default HubMessage handover(FulfillerIntent.Handover intent) {
        throw new IllegalArgumentException(fulfiller() + " hands nothing over at a store (fulfillment "
                + intent.fulfillmentId() + ")");
    }
}
