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
 * Create a store sale that waits for pickup or dispatch at an outlet. The point-of-sale call is not idempotent,
 * so the connector dedupes on the fulfillment id and records it as the sale's source id.
 *
 * <p>Version 2 ({@code hub.command.create-sale.v2}) added {@code userId} and each line's {@code tax}, which
 * Lightspeed requires; version 1 was never produced.
 *
 * @param outletId the outlet the customer collects from or that delivers (Lightspeed {@code fulfillment_outlet_id})
 * @param registerId a register at that outlet
 * @param userId the user (staff member) the sale is recorded under
 */
public record CreateSale(
        String hubOrderId,
        String fulfillmentId,
        SaleMode mode,
        String outletId,
        String registerId,
        String userId,
        List<Line> lines,
        @Nullable String note) implements Command {

    public CreateSale {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        required(mode, "mode");
        requiredText(outletId, "outletId");
        requiredText(registerId, "registerId");
        requiredText(userId, "userId");
        lines = nonEmpty(lines, "lines");
    }

    /**
     * One line of the sale.
     *
     * @param lineId the order line it fulfils
     * @param productId the point-of-sale product
     * @param price the unit price, tax excluded
     * @param tax the tax on one unit
     * @param taxId the point-of-sale tax
     */
    public record Line(String lineId, String productId, int quantity, BigDecimal price, BigDecimal tax, String taxId) {

        public Line {
            requiredText(lineId, "lineId");
            requiredText(productId, "productId");
            positive(quantity, "quantity");
            required(price, "price");
            required(tax, "tax");
            requiredText(taxId, "taxId");
        }
    }
}
