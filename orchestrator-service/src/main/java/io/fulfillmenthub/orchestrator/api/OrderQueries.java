package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.kit.deadletter.DeadLetterHeaders;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterEntry;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterRows;
import io.fulfillmenthub.orchestrator.domain.Fulfillment;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import io.fulfillmenthub.orchestrator.domain.Waiting;
import io.fulfillmenthub.orchestrator.persistence.LoadedOrder;
import io.fulfillmenthub.orchestrator.persistence.OrderRows;
import io.fulfillmenthub.orchestrator.persistence.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads for the operations API, with the reactive SQL client through {@link OrderRows}; no locks. */
@ApplicationScoped
public class OrderQueries {

    /**
     * An order takes several statements (one per table, and the timeline). Each would otherwise see the
     * commits made before it, so a batch committing in between could show a shipment without its lines,
     * or a timeline ahead of the state: REPEATABLE READ gives them all the snapshot of the first.
     */
    private static final String ONE_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    @Inject
    Pool database;

    @Inject
    OrderRows rows;

    @Inject
    DeadLetterRows deadLetters;

    @Inject
    OutboxRows outbox;

    /** The order, or null when unknown. */
    public Uni<OrderView> order(String hubOrderId) {
        return database.withTransaction(connection -> connection.query(ONE_SNAPSHOT).execute()
                .chain(() -> rows.load(connection, hubOrderId))
                .chain(order -> order == null ? Uni.createFrom().nullItem()
                        : rows.timeline(connection, hubOrderId).chain(timeline -> deadLetters
                                .notReplayedOf(connection, hubOrderId)
                                .chain(waiting -> outbox.failedOf(connection, hubOrderId)
                                        .map(unpublished -> view(order, timeline, blocked(waiting), unpublished))))));
    }

    /** Keyset page: orders with an id after {@code after}, by id, optionally of one status or only blocked ones. */
    public Uni<OrderPage> page(OrderStatus status, boolean blockedOnly, String after, int limit) {
        // one more than the page: whether there is a next one
        return rows.summariesAfter(database, status, blockedOnly, after == null ? "" : after, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<OrderRows.OrderSummary> page = more ? found.subList(0, limit) : found;
            return new OrderPage(page.stream().map(order -> new OrderPage.Summary(order.hubOrderId(),
                    order.storefront().name(), order.orderNumber(), order.status().name(), order.updatedAt(),
                    order.blocked())).toList(),
                    more ? page.get(page.size() - 1).hubOrderId() : null);
        });
    }

    /**
     * Null when nothing waits. The reason names the first dead letter that is not merely held behind
     * another: the one to fix.
     */
    private static OrderView.Blocked blocked(List<DeadLetterEntry> waiting) {
        if (waiting.isEmpty()) {
            return null;
        }
        DeadLetterEntry first = waiting.stream().filter(entry -> !DeadLetterHeaders.KIND_HELD.equals(entry.kind()))
                .findFirst().orElse(waiting.get(0));
        String reason = first.group() + " could not process " + first.ceType() + " " + first.ceId() + ": "
                + first.reason() + (waiting.size() == 1 ? "" : " (" + waiting.size() + " dead letters wait)");
        Instant now = Instant.now();
        return new OrderView.Blocked(reason, waiting.stream().map(entry -> DeadLetterView.of(entry, now)).toList());
    }

    private static OrderView.Waiting waiting(Order order) {
        Waiting waiting = order.waiting(Instant.now());
        return waiting == null ? null : new OrderView.Waiting(waiting.reason(), waiting.until());
    }

    private static OrderView view(LoadedOrder loaded, List<OrderRows.RecordedEntry> timeline, OrderView.Blocked blocked,
            List<OutboxRows.Failed> unpublished) {
        Order order = loaded.order();
        List<String> holdReasons = new ArrayList<>();
        if (order.holdReason() != null) {
            holdReasons.add(order.holdReason());
        }
        for (Fulfillment fulfillment : order.fulfillments()) {
            if (fulfillment.holdReason() != null && fulfillment.status() == FulfillmentStatus.ON_HOLD) {
                holdReasons.add(fulfillment.fulfillmentId() + ": " + fulfillment.holdReason());
            }
        }
        return new OrderView(order.hubOrderId(), order.storefront().name(), order.sourceOrderId(), order.orderNumber(),
                order.status().name(), order.cancelledAtSource(), holdReasons, blocked,
                order.payment() == null ? null : order.payment().name(), waiting(order), order.placedAt(),
                loaded.row().updatedAt(),
                loaded.row().version(),
                order.lines().stream().map(line -> new OrderView.Line(line.lineId(), line.variantId(), line.sku(),
                        line.name(), line.quantity(), line.unitPrice())).toList(),
                order.fulfillments().stream().map(f -> new OrderView.FulfillmentView(f.fulfillmentId(),
                        f.sourceFulfillmentId(), f.fulfiller() == null ? null : f.fulfiller().name(), f.status().name(),
                        f.fulfiller() == null ? null : f.externalIdAtFulfiller(), f.submissions(), f.vendorReference(), f.holdReason(), f.rejectionReason(),
                        loaded.fulfillment(f.fulfillmentId()).version(),
                        f.lines().stream().map(line -> new OrderView.FulfillmentLineView(line.lineId(), line.sku(),
                                line.fulfillerSku(), line.ordered(), line.shipped())).toList(),
                        f.hold() == null ? null : new OrderView.Hold(f.hold().reason(), f.hold().detail(),
                                f.hold().statusBefore().name()),
                        order.heldParcels().stream().filter(p -> p.fulfillmentId().equals(f.fulfillmentId()))
                                .map(p -> new OrderView.HeldParcelView(p.carrier(), p.trackingNumber(), p.trackingUrl(),
                                        p.items().stream().map(item -> new OrderView.ParcelItemView(item.vendorSku(),
                                                item.quantity())).toList(),
                                        p.dispatchedAt(), p.heldAt(), p.assignedShipmentId())).toList(),
                        f.store() == null ? null : f.store().mode().name(),
                        f.store() == null ? null : f.store().outlet(),
                        f.store() == null ? null : f.store().outletId(),
                        f.store() == null ? null : f.vendorReference())).toList(),
                order.shipments().stream().map(s -> new OrderView.ShipmentView(s.shipmentId(), s.fulfillmentId(),
                        s.carrier(), s.trackingNumber(), s.trackingUrl(), s.dispatchedAt(), s.deliveredAt(), s.lines().stream()
                                .map(line -> new OrderView.ShipmentLineView(line.lineId(), line.quantity())).toList()))
                        .toList(),
                timeline.stream().map(recorded -> {
                    TimelineEntry t = recorded.entry();
                    return new OrderView.TimelineView(t.at(), recorded.recordedAt(),
                            new OrderView.Cause(t.factType(), t.factId()), t.fulfillmentId(), t.fromStatus(),
                            t.toStatus(), t.note());
                }).toList(),
                unpublished.stream().map(OutboxMessageView::of).toList());
    }
}
