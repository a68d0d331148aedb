package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;

/** Close a store sale as picked up or dispatched. */
public record FulfilSale(String hubOrderId, String fulfillmentId, SaleMode mode) implements Command {

    public FulfilSale {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(mode, "mode");
    }
}
