package io.fulfillmenthub.orchestrator.domain;

import org.jspecify.annotations.Nullable;

/**
 * One order line in one fulfillment: how many were ordered from this fulfiller and how many have
 * shipped so far, so partial and short fulfilment is exact.
 *
 * @param sku the storefront's SKU
 * @param fulfillerSku the fulfiller's stock-keeping unit, when routed
 */
public record FulfillmentLine(String lineId, @Nullable String sku, @Nullable String fulfillerSku, int ordered,
        int shipped) {

    public FulfillmentLine {
        if (ordered <= 0 || shipped < 0 || shipped > ordered) {
            throw new IllegalArgumentException("line " + lineId + ": ordered " + ordered + ", shipped " + shipped);
        }
    }

    public int remaining() {
        return ordered - shipped;
    }

    FulfillmentLine withShipped(int more) {
        return new FulfillmentLine(lineId, sku, fulfillerSku, ordered, shipped + more);
    }
}
