package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;

/** The customer collected the fulfillment at the store (Lightspeed {@code PICKED_UP}). */
public record FulfillmentPickedUp(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        Instant pickedUpAt) implements Fact {

    public FulfillmentPickedUp {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(pickedUpAt, "pickedUpAt");
    }
}
