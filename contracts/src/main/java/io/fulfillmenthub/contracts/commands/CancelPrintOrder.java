package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;
import org.jspecify.annotations.Nullable;

/** Cancel a print order not yet in production; the answer comes back as a cancelled or cancellation-rejected fact. */
public record CancelPrintOrder(String hubOrderId, String fulfillmentId, @Nullable String reason) implements Command {

    public CancelPrintOrder {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
    }
}
