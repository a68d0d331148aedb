package io.fulfillmenthub.contracts.orders;

import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredList;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.LifecycleEvent;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The public order lifecycle: one event per change of an order's status, with its fulfillments as
 * they stand, so a consumer needs no other message to know where the order is.
 */
public record OrderStatusChanged(
        String hubOrderId,
        Storefront storefront,
        String orderNumber,
        OrderStatus status,
        @Nullable OrderStatus previousStatus,
        String cause,
        List<FulfillmentSummary> fulfillments,
        Instant changedAt) implements LifecycleEvent {

    public OrderStatusChanged {
        requiredText(hubOrderId, "hubOrderId");
        required(storefront, "storefront");
        requiredText(orderNumber, "orderNumber");
        required(status, "status");
        requiredText(cause, "cause");
        fulfillments = requiredList(fulfillments, "fulfillments");
        required(changedAt, "changedAt");
    }

    public record FulfillmentSummary(
            String fulfillmentId,
            @Nullable Fulfiller fulfiller,
            FulfillmentStatus status,
            @Nullable String vendorReference) {

        public FulfillmentSummary {
            requiredText(fulfillmentId, "fulfillmentId");
            required(status, "status");
        }
    }
}
