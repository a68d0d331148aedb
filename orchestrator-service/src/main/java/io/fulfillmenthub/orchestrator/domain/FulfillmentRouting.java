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
}
