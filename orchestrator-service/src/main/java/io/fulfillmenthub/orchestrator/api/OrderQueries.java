package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.orchestrator.persistence.FulfillmentEntity;
import io.fulfillmenthub.orchestrator.persistence.OrderEntity;
import io.fulfillmenthub.orchestrator.persistence.OrderStore;
import io.fulfillmenthub.orchestrator.persistence.StoredOrder;
import io.fulfillmenthub.orchestrator.persistence.TimelineEntryEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads for the operations API; no locks, one session per request. */
@ApplicationScoped
public class OrderQueries {

    @Inject
    OrderStore store;

    /** The order, or null when unknown. */
    @WithSession
    public Uni<OrderView> order(String hubOrderId) {
        return store.load(hubOrderId).chain(stored -> stored == null ? Uni.createFrom().nullItem()
                : store.timeline(hubOrderId).map(timeline -> view(stored, timeline)));
    }

    /** Keyset page: orders with an id after {@code after}, by id, optionally of one status. */
    @WithSession
    public Uni<OrderPage> page(OrderStatus status, String after, int limit) {
        String query = "hubOrderId > :after" + (status == null ? "" : " and status = :status");
        Parameters parameters = Parameters.with("after", after == null ? "" : after);
        if (status != null) {
            parameters.and("status", status.name());
        }
        return OrderEntity.<OrderEntity>find(query, Sort.by("hubOrderId"), parameters)
                .page(Page.ofSize(limit + 1)).list()
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<OrderEntity> page = more ? rows.subList(0, limit) : rows;
                    return new OrderPage(page.stream().map(row -> new OrderPage.Summary(row.hubOrderId, row.storefront,
                            row.orderNumber, row.status, row.updatedAt)).toList(),
                            more ? page.get(page.size() - 1).hubOrderId : null);
                });
    }

    private static OrderView view(StoredOrder stored, List<TimelineEntryEntity> timeline) {
        OrderEntity row = stored.row();
        List<String> holdReasons = new ArrayList<>();
        if (row.holdReason != null) {
            holdReasons.add(row.holdReason);
        }
        for (FulfillmentEntity fulfillment : stored.fulfillmentRows()) {
            if (fulfillment.holdReason != null && "ON_HOLD".equals(fulfillment.status)) {
                holdReasons.add(fulfillment.fulfillmentId + ": " + fulfillment.holdReason);
            }
        }
        var fulfillmentLines = stored.fulfillmentLineRows().stream().collect(Collectors.groupingBy(line -> line.fulfillmentId,
                Collectors.mapping(line -> new OrderView.FulfillmentLineView(line.lineId, line.sku, line.fulfillerSku,
                        line.ordered, line.shipped), Collectors.toList())));
        var shipmentLines = stored.shipmentLineRows().stream().collect(Collectors.groupingBy(line -> line.shipmentId,
                Collectors.mapping(line -> new OrderView.ShipmentLineView(line.lineId, line.quantity), Collectors.toList())));
        return new OrderView(row.hubOrderId, row.storefront, row.sourceOrderId, row.orderNumber, row.status,
                row.cancelledAtSource, holdReasons, row.placedAt, row.updatedAt, row.version,
                stored.lineRows().stream().map(line -> new OrderView.Line(line.lineId, line.variantId, line.sku, line.name,
                        line.quantity, line.unitPrice)).toList(),
                stored.fulfillmentRows().stream().map(f -> new OrderView.FulfillmentView(f.fulfillmentId,
                        f.sourceFulfillmentId, f.fulfiller, f.status, f.vendorReference, f.holdReason, f.rejectionReason,
                        f.version, fulfillmentLines.getOrDefault(f.fulfillmentId, List.of()))).toList(),
                stored.shipmentRows().stream().map(s -> new OrderView.ShipmentView(s.shipmentId, s.fulfillmentId, s.carrier,
                        s.trackingNumber, s.trackingUrl, s.dispatchedAt, shipmentLines.getOrDefault(s.shipmentId, List.of())))
                        .toList(),
                timeline.stream().map(t -> new OrderView.TimelineView(t.occurredAt, t.recordedAt,
                        new OrderView.Cause(t.factType, t.factId), t.fulfillmentId, t.fromStatus, t.toStatus, t.note))
                        .toList());
    }
}
