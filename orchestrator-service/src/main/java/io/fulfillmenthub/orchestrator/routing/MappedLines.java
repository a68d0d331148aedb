package io.fulfillmenthub.orchestrator.routing;

import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fulfillment's lines mapped by SKU to a fulfiller's products (SPOD's print products, Lightspeed's store
 * products): the fulfiller's items, or why the fulfillment must be held, naming every line that cannot go.
 *
 * @param holdReason null when every line with a quantity has its item
 */
record MappedLines<T>(List<T> items, @Nullable String holdReason) {

    /** The fulfiller's item for one line: the order line, its product mapping, the quantity to fulfil. */
    interface ItemOf<P, T> {
        T item(OrderLine line, P product, int quantity);
    }

    static <P, T> MappedLines<T> of(SourceFulfillment fulfillment, Map<String, OrderLine> orderLines, Map<String, P> products,
            String fulfiller, ItemOf<P, T> itemOf) {
        List<String> problems = new ArrayList<>();
        List<T> items = new ArrayList<>();
        for (LineQuantity quantity : fulfillment.lines()) {
            if (quantity.quantity() == 0) {
                continue;
            }
            OrderLine line = orderLines.get(quantity.lineId());
            if (line == null) {
                problems.add("line '" + quantity.lineId() + "' is not on the order");
            } else if (line.sku() == null || line.sku().isBlank()) {
                problems.add("line '" + quantity.lineId() + "' has no SKU");
            } else if (!products.containsKey(line.sku())) {
                problems.add("no " + fulfiller + " product mapping for SKU '" + line.sku() + "' (line " + line.lineId() + ")");
            } else {
                items.add(itemOf.item(line, products.get(line.sku()), quantity.quantity()));
            }
        }
        if (!problems.isEmpty()) {
            return new MappedLines<>(List.of(), String.join("; ", problems));
        }
        if (items.isEmpty()) {
            return new MappedLines<>(List.of(), "fulfillment " + fulfillment.sourceFulfillmentId() + " has no quantity to fulfil");
        }
        return new MappedLines<>(List.copyOf(items), null);
    }
}
