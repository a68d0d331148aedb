package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.orchestrator.domain.Order;
import java.util.List;

/** An order as loaded: the domain object and the managed rows it was built from, to write changes back. */
public record StoredOrder(
        Order order,
        OrderEntity row,
        List<OrderLineEntity> lineRows,
        List<FulfillmentEntity> fulfillmentRows,
        List<FulfillmentLineEntity> fulfillmentLineRows,
        List<ShipmentEntity> shipmentRows,
        List<ShipmentLineEntity> shipmentLineRows) {
}
