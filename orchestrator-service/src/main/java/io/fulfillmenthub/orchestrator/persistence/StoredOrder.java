package io.fulfillmenthub.orchestrator.persistence;

import java.util.List;

/** An order's rows as stored, for the operations API. */
public record StoredOrder(
        OrderEntity row,
        List<OrderLineEntity> lineRows,
        List<FulfillmentEntity> fulfillmentRows,
        List<FulfillmentLineEntity> fulfillmentLineRows,
        List<ShipmentEntity> shipmentRows,
        List<ShipmentLineEntity> shipmentLineRows) {
}
