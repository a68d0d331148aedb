package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.nonEmpty;
import static io.fulfillmenthub.contracts.Fields.positive;
import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Create a store sale that waits for pickup or dispatch. The point-of-sale call is not idempotent, so
 * the connector dedupes on the fulfillment id and records it as the sale's source id.
 */
public record CreateSale(
        String hubOrderId,
        String fulfillmentId,
        SaleMode mode,
        String outletId,
        String registerId,
        List<Line> lines,
        @Nullable String note) implements Command {

    public CreateSale {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(mode, "mode");
        requiredText(outletId, "outletId");
        requiredText(registerId, "registerId");
        lines = nonEmpty(lines, "lines");
    }

    public record Line(String lineId, String productId, int quantity, BigDecimal price, @Nullable String taxId) {

        public Line {
            requiredText(lineId, "lineId");
            requiredText(productId, "productId");
            positive(quantity, "quantity");
            required(price, "price");
        }
    }
}
