package io.fulfillmenthub.contracts.commands;

import static io.fulfillmenthub.contracts.Fields.nonEmpty;
import static io.fulfillmenthub.contracts.Fields.positive;
import static io.fulfillmenthub.contracts.Fields.required;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import io.fulfillmenthub.contracts.Command;
import io.fulfillmenthub.contracts.model.Address;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Print and ship one fulfillment. The print order's unique external id at the fulfiller makes the submit
 * safe to repeat: the fulfillment id for the first submission, and {@code externalOrderId} for a
 * resubmission after the fulfiller failed or cancelled the one before ({@code <fulfillmentId>-r<n>}, kept
 * on the fulfillment). The fulfiller's facts about a submission carry the same {@code externalOrderId}.
 */
public record SubmitPrintOrder(
        String hubOrderId,
        String fulfillmentId,
        String currency,
        List<Item> items,
        Shipping shipping,
        @Nullable String externalOrderId) implements Command {

    /** For the fulfillment's first submission, whose external id at the fulfiller is the fulfillment id. */
    public SubmitPrintOrder(String hubOrderId, String fulfillmentId, String currency, List<Item> items,
            Shipping shipping) {
        this(hubOrderId, fulfillmentId, currency, items, shipping, null);
    }

    /** The print order's external id at the fulfiller: {@code externalOrderId}, else the fulfillment id. */
    public String externalIdAtFulfiller() {
        return externalOrderId == null ? fulfillmentId : externalOrderId;
    }

    public SubmitPrintOrder {
        requiredText(hubOrderId, "hubOrderId");
        requiredText(fulfillmentId, "fulfillmentId");
        requiredText(currency, "currency");
        items = nonEmpty(items, "items");
        required(shipping, "shipping");
    }

    /** One printed product: the order line it fulfils, the fulfiller's stock-keeping unit and the designs. */
    public record Item(
            String lineId,
            String stockKeepingUnit,
            int quantity,
            BigDecimal price,
            List<Design> designs) {

        public Item {
            requiredText(lineId, "lineId");
            requiredText(stockKeepingUnit, "stockKeepingUnit");
            positive(quantity, "quantity");
            required(price, "price");
            designs = nonEmpty(designs, "designs");
        }
    }

    /** A design printed on one side of the product. */
    public record Design(String side, @Nullable String align, String url) {

        public Design {
            requiredText(side, "side");
            requiredText(url, "url");
        }
    }

    public record Shipping(String type, BigDecimal price, Address address) {

        public Shipping {
            requiredText(type, "type");
            required(price, "price");
            required(address, "address");
        }
    }
}
