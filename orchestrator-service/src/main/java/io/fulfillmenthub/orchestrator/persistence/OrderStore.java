package io.fulfillmenthub.orchestrator.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads orders for the operations API, with Hibernate Reactive in the caller's session. Facts are
 * applied by {@link OrderRows}, set-based.
 */
@ApplicationScoped
public class OrderStore {

    /** Without a lock, for reading. */
    public Uni<StoredOrder> load(String hubOrderId) {
        return OrderEntity.<OrderEntity>findById(hubOrderId)
                .chain(row -> row == null ? Uni.createFrom().nullItem() : loadUnder(row));
    }

    private Uni<StoredOrder> loadUnder(OrderEntity row) {
        String id = row.hubOrderId;
        return OrderLineEntity.<OrderLineEntity>list("hubOrderId = ?1 order by id", id)
                .chain(lines -> FulfillmentEntity.<FulfillmentEntity>list("hubOrderId = ?1 order by createdAt, fulfillmentId", id)
                        .chain(fulfillments -> FulfillmentLineEntity.<FulfillmentLineEntity>list("hubOrderId = ?1 order by id", id)
                                .chain(fulfillmentLines -> ShipmentEntity.<ShipmentEntity>list("hubOrderId = ?1 order by dispatchedAt, shipmentId", id)
                                        .chain(shipments -> ShipmentLineEntity.<ShipmentLineEntity>list("hubOrderId = ?1 order by id", id)
                                                .map(shipmentLines -> new StoredOrder(row, lines, fulfillments,
                                                        fulfillmentLines, shipments, shipmentLines))))));
    }

    public Uni<List<TimelineEntryEntity>> timeline(String hubOrderId) {
        return TimelineEntryEntity.list("hubOrderId = ?1 order by id", hubOrderId);
    }
}
