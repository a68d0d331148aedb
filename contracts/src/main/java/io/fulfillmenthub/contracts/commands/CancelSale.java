package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;
import org.jspecify.annotations.Nullable;

/**
 * Void a store sale not yet handed over; the answer comes back as a cancelled or cancellation-rejected fact
 * (rejected once the customer collected it or it was dispatched).
 */
public record CancelSale(String hubOrderId, String fulfillmentId, @Nullable String reason) implements Command {

    public CancelSale {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
    }
}
