package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Fulfiller;
import java.time.Instant;

/** The fulfillment reached the customer. */
public record FulfillmentDelivered(
        String hubOrderId,
        String fulfillmentId,
        Fulfiller fulfiller,
        Instant deliveredAt) implements Fact {

    public FulfillmentDelivered {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(fulfiller, "fulfiller");
        required(deliveredAt, "deliveredAt");
    }
}
