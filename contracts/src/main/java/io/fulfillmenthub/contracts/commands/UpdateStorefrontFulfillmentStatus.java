package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredList;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.Storefront;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Move a storefront fulfillment to a new status. For {@link Status#IN_TRANSIT} {@code fulfilledLines}
 * lists every line with the quantity fulfilled, short fulfilment included.
 */
public record UpdateStorefrontFulfillmentStatus(
        String hubOrderId,
        Storefront storefront,
        String sourceOrderId,
        @Nullable String sourceFulfillmentId,
        Status status,
        List<LineQuantity> fulfilledLines) implements Command {

    public UpdateStorefrontFulfillmentStatus {
        requiredText(hubOrderId, "hubOrderId");
        required(storefront, "storefront");
        requiredText(sourceOrderId, "sourceOrderId");
        required(status, "status");
        fulfilledLines = requiredList(fulfilledLines, "fulfilledLines");
        if (status == Status.IN_TRANSIT && fulfilledLines.isEmpty()) {
            throw new IllegalArgumentException("fulfilledLines must list every line when status is IN_TRANSIT");
        }
    }

    /**
     * The storefront's fulfillment statuses the hub reports, in the order they happen: the fulfiller has
     * the order, it is being made, it left (every line listed), it arrived.
     */
    public enum Status {
        RECEIVED_BY_FULFILLER, PREPARING_ITEMS, IN_TRANSIT, DELIVERED
    }
}
