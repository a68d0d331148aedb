package io.fulfillmenthub.contracts.model;

import static io.fulfillmenthub.contracts.Fields.positive;
import static io.fulfillmenthub.contracts.Fields.requiredText;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One line of a storefront order. {@code lineId} is the storefront's identifier of the line (for
 * Spresso the variant id, which is how Spresso names lines in fulfillments and shipments). The unit
 * price is absent where the storefront does not report it (Spresso's order webhook has none).
 */
public record OrderLine(
        String lineId,
        String variantId,
        @Nullable String sku,
        @Nullable String name,
        int quantity,
        @Nullable BigDecimal unitPrice) {

    public OrderLine {
        requiredText(lineId, "lineId");
        requiredText(variantId, "variantId");
        positive(quantity, "quantity");
    }
}
