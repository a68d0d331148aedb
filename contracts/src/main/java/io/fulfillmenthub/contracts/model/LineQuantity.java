package io.fulfillmenthub.contracts.model;

import static io.fulfillmenthub.contracts.Fields.notNegative;
import static io.fulfillmenthub.contracts.Fields.requiredText;

/** A quantity of one order line; zero is allowed, for a line fulfilled short to nothing. */
public record LineQuantity(String lineId, int quantity) {

    public LineQuantity {
        requiredText(lineId, "lineId");
        notNegative(quantity, "quantity");
    }
}
