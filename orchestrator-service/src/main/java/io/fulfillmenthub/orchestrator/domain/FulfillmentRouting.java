package io.fulfillmenthub.orchestrator.domain;

import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import java.util.Map;

/** Decides where a storefront's fulfillment goes; the routing package implements it from configuration. */
public interface FulfillmentRouting {

    /**
     * @param orderLines the order's lines by line id
     */
    Route route(SourceFulfillment fulfillment, Map<String, OrderLine> orderLines);

    /**
     * Where a fulfillment the hub formed by a routing rule goes: a rule naming a store outlet sends it there (its
     * method is the fulfillment's); any other as {@link #route(SourceFulfillment, Map)}.
     */
    default Route route(FormedFulfillment formed, Map<String, OrderLine> orderLines) {
        return route(formed.fulfillment(), orderLines);
    }
}
