package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import java.util.List;

/**
 * Groups the lines of an order whose storefront forms no fulfillments (Squarespace) into fulfillments, by the
 * routing rules of that storefront; the routing package implements it from configuration.
 */
public interface FulfillmentForming {

    /** No rules at all: every line waits in one fulfillment on hold. */
    FulfillmentForming NONE = (storefront, sourceOrderId, lines) -> List.of(new FormedFulfillment(
            new SourceFulfillment(sourceOrderId + "-1", null, null,
                    lines.stream().map(line -> new LineQuantity(line.lineId(), line.quantity())).toList()),
            "no routing rules for " + storefront));

    /**
     * @return the groups in the order of the rules, each line in exactly one (its whole quantity); ids
     *         {@code <source order id>-1}, {@code -2}, ...
     */
    List<FormedFulfillment> form(Storefront storefront, String sourceOrderId, List<OrderLine> lines);
}
