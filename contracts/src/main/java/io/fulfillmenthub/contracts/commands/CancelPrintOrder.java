package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;
import org.jspecify.annotations.Nullable;

/**
 * Cancel a print order not yet in production; the answer comes back as a cancelled or cancellation-rejected
 * fact. {@code externalOrderId} names the submission to cancel, as in {@link SubmitPrintOrder}.
 */
public record CancelPrintOrder(
        String hubOrderId,
        String fulfillmentId,
        @Nullable String reason,
        @Nullable String externalOrderId) implements Command {

    /** For the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public CancelPrintOrder(String hubOrderId, String fulfillmentId, @Nullable String reason) {
        this(hubOrderId, fulfillmentId, reason, null);
    }

    /** The print order's external id at the fulfiller: {@code externalOrderId}, else the fulfillment id. */
    public String externalIdAtFulfiller() {
        return externalOrderId == null ? fulfillmentId : externalOrderId;
    }

    public CancelPrintOrder {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
    }
}
