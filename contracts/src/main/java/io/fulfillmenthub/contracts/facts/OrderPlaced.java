package io.fulfillmenthub.contracts.facts;

import static io.fulfillmenthub.contracts.Fields.nonEmpty;
import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredList;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A storefront order the hub must fulfil. {@code fulfillableAtSource} is true when the storefront
 * itself has already applied payment and grace period (Spresso's {@code order_fulfillable}); when false
 * (Squarespace, which reports an order the moment it is created) the orchestrator applies its own
 * fulfillable rule: paid (or cash on delivery), its storefront's grace period passed, not cancelled.
 *
 * <p>{@code sourceFulfillments} are the storefront's own fulfillments (Spresso); empty where the
 * storefront has none (Squarespace), and then the hub forms fulfillments from {@code lines} by its routing
 * rules. A storefront may publish the order again when it learns more (another {@code ce_id}, e.g. the
 * payment state changed): an order still awaiting fulfillable takes the newer payment state and
 * {@code fulfillableAtSource}; anything else is a repeat.
 */
public record OrderPlaced(
        String hubOrderId,
        Storefront storefront,
        String sourceOrderId,
        String orderNumber,
        Instant placedAt,
        @Nullable String currency,
        PaymentStatus payment,
        Boolean fulfillableAtSource,
        @Nullable String customerEmail,
        Address shippingAddress,
        List<OrderLine> lines,
        List<SourceFulfillment> sourceFulfillments) implements Fact {

    public OrderPlaced {
        requiredText(hubOrderId, "hubOrderId");
        required(fulfillableAtSource, "fulfillableAtSource");
        required(storefront, "storefront");
        requiredText(sourceOrderId, "sourceOrderId");
        requiredText(orderNumber, "orderNumber");
        required(placedAt, "placedAt");
        required(payment, "payment");
        required(shippingAddress, "shippingAddress");
        lines = nonEmpty(lines, "lines");
        sourceFulfillments = requiredList(sourceFulfillments, "sourceFulfillments");
    }
}
