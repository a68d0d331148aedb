package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.domain.Fulfillment;
import io.fulfillmenthub.orchestrator.domain.FulfillmentLine;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.Shipment;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads and stores the order aggregate. Every method runs in the caller's transaction (one per batch
 * of facts); none opens its own. Rows with an assigned id (orders, fulfillments, shipments) and all
 * updates go through the session and are batched at flush; rows with an identity id (lines, timeline)
 * are inserted a table at a time with {@link MultiRowInsert}.
 */
@ApplicationScoped
public class OrderStore {

    private static final List<String> ORDER_LINE_COLUMNS = List.of("hub_order_id", "line_id", "variant_id", "sku", "name",
            "quantity", "unit_price");
    private static final List<String> FULFILLMENT_LINE_COLUMNS = List.of("hub_order_id", "fulfillment_id", "line_id", "sku",
            "fulfiller_sku", "ordered", "shipped");
    private static final List<String> SHIPMENT_LINE_COLUMNS = List.of("hub_order_id", "shipment_id", "line_id", "quantity");
    private static final List<String> TIMELINE_COLUMNS = List.of("hub_order_id", "occurred_at", "recorded_at", "fact_type",
            "fact_id", "fulfillment_id", "from_status", "to_status", "note");

    /** The order row locked (SELECT ... FOR UPDATE) for the rest of the transaction, with everything under it; null if unknown. */
    public Uni<StoredOrder> lockAndLoad(String hubOrderId) {
        return OrderEntity.<OrderEntity>findById(hubOrderId, LockModeType.PESSIMISTIC_WRITE)
                .chain(row -> row == null ? Uni.createFrom().nullItem() : loadUnder(row));
    }

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
                                                .map(shipmentLines -> new StoredOrder(toOrder(row, lines, fulfillments,
                                                        fulfillmentLines, shipments, shipmentLines), row, lines, fulfillments,
                                                        fulfillmentLines, shipments, shipmentLines))))));
    }

    public Uni<List<TimelineEntryEntity>> timeline(String hubOrderId) {
        return TimelineEntryEntity.list("hubOrderId = ?1 order by id", hubOrderId);
    }

    /** Inserts a new order with everything under it. */
    public Uni<Void> insert(Order order) {
        Instant now = Instant.now();
        OrderEntity row = new OrderEntity();
        row.hubOrderId = order.hubOrderId();
        row.storefront = order.storefront().name();
        row.sourceOrderId = order.sourceOrderId();
        row.orderNumber = order.orderNumber();
        row.currency = order.currency();
        row.customerEmail = order.customerEmail();
        row.shippingAddress = new String(HubJson.write(order.shippingAddress()), StandardCharsets.UTF_8);
        row.placedAt = order.placedAt();
        row.createdAt = now;
        copyOrderState(order, row, now);
        List<Object[]> lines = order.lines().stream().map(line -> new Object[] {order.hubOrderId(), line.lineId(),
                line.variantId(), line.sku(), line.name(), line.quantity(), line.unitPrice()}).toList();
        var stored = new StoredOrder(order, row, List.of(), List.of(), List.of(), List.of(), List.of());
        return Panache.getSession().chain(session -> session.persist(row))
                .chain(() -> MultiRowInsert.into("order_line", ORDER_LINE_COLUMNS, lines))
                .chain(() -> writeChanges(stored, order, now));
    }

    /** Writes back what a transition changed; versions guard concurrent writers. */
    public Uni<Void> save(StoredOrder stored, Order order) {
        Instant now = Instant.now();
        copyOrderState(order, stored.row(), now);
        return writeChanges(stored, order, now);
    }

    private Uni<Void> writeChanges(StoredOrder stored, Order order, Instant now) {
        Map<String, FulfillmentEntity> fulfillmentRows = stored.fulfillmentRows().stream()
                .collect(Collectors.toMap(row -> row.fulfillmentId, row -> row));
        Map<String, FulfillmentLineEntity> lineRows = new HashMap<>();
        stored.fulfillmentLineRows().forEach(row -> lineRows.put(row.fulfillmentId + "\u001f" + row.lineId, row));
        Set<String> knownShipments = stored.shipmentRows().stream().map(row -> row.shipmentId).collect(Collectors.toSet());

        List<Object> parents = new ArrayList<>();
        List<Object[]> newFulfillmentLines = new ArrayList<>();
        List<Object[]> newShipmentLines = new ArrayList<>();
        for (Fulfillment fulfillment : order.fulfillments()) {
            FulfillmentEntity row = fulfillmentRows.get(fulfillment.fulfillmentId());
            if (row == null) {
                row = new FulfillmentEntity();
                row.fulfillmentId = fulfillment.fulfillmentId();
                row.hubOrderId = order.hubOrderId();
                row.sourceFulfillmentId = fulfillment.sourceFulfillmentId();
                row.createdAt = now;
                parents.add(row);
            }
            copyFulfillmentState(fulfillment, row, now);
            for (FulfillmentLine line : fulfillment.lines()) {
                FulfillmentLineEntity lineRow = lineRows.get(fulfillment.fulfillmentId() + "\u001f" + line.lineId());
                if (lineRow == null) {
                    newFulfillmentLines.add(new Object[] {order.hubOrderId(), fulfillment.fulfillmentId(), line.lineId(),
                            line.sku(), line.fulfillerSku(), line.ordered(), line.shipped()});
                } else {
                    lineRow.shipped = line.shipped();
                }
            }
        }
        for (Shipment shipment : order.shipments()) {
            if (knownShipments.contains(shipment.shipmentId())) {
                continue;
            }
            ShipmentEntity row = new ShipmentEntity();
            row.shipmentId = shipment.shipmentId();
            row.hubOrderId = order.hubOrderId();
            row.fulfillmentId = shipment.fulfillmentId();
            row.carrier = shipment.carrier();
            row.trackingNumber = shipment.trackingNumber();
            row.trackingUrl = shipment.trackingUrl();
            row.dispatchedAt = shipment.dispatchedAt();
            row.createdAt = now;
            parents.add(row);
            for (LineQuantity quantity : shipment.lines()) {
                newShipmentLines.add(new Object[] {order.hubOrderId(), shipment.shipmentId(), quantity.lineId(),
                        quantity.quantity()});
            }
        }
        // each multi-row insert flushes the session first: the rows it refers to are in the database by then
        return Panache.getSession().chain(session -> session.persistAll(parents.toArray()))
                .chain(() -> MultiRowInsert.into("fulfillment_line", FULFILLMENT_LINE_COLUMNS, newFulfillmentLines))
                .chain(() -> MultiRowInsert.into("shipment_line", SHIPMENT_LINE_COLUMNS, newShipmentLines))
                .chain(() -> appendTimeline(order.hubOrderId(), order.newTimelineEntries(), now));
    }

    /** Appends timeline entries without touching the order, e.g. a refused fact. */
    public Uni<Void> appendTimeline(String hubOrderId, List<TimelineEntry> entries) {
        return appendTimeline(hubOrderId, entries, Instant.now());
    }

    private static Uni<Void> appendTimeline(String hubOrderId, List<TimelineEntry> entries, Instant now) {
        return MultiRowInsert.into("order_timeline", TIMELINE_COLUMNS, entries.stream().map(entry -> new Object[] {
                hubOrderId, entry.at(), now, entry.factType(), entry.factId(), entry.fulfillmentId(), entry.fromStatus(),
                entry.toStatus(), entry.note()}).toList());
    }

    private static void copyOrderState(Order order, OrderEntity row, Instant now) {
        if (!Objects.equals(row.status, order.status().name()) || row.cancelledAtSource != order.cancelledAtSource()
                || !Objects.equals(row.holdReason, order.holdReason())) {
            row.updatedAt = now;
        }
        row.status = order.status().name();
        row.cancelledAtSource = order.cancelledAtSource();
        row.holdReason = order.holdReason();
    }

    private static void copyFulfillmentState(Fulfillment fulfillment, FulfillmentEntity row, Instant now) {
        String before = row.status + row.vendorReference + row.statusBeforeCancellation;
        row.fulfiller = fulfillment.fulfiller() == null ? null : fulfillment.fulfiller().name();
        row.status = fulfillment.status().name();
        row.statusBeforeCancellation = name(fulfillment.statusBeforeCancellation());
        row.vendorReference = fulfillment.vendorReference();
        row.holdReason = fulfillment.holdReason();
        row.rejectionReason = fulfillment.rejectionReason();
        if (row.updatedAt == null || !before.equals(row.status + row.vendorReference + row.statusBeforeCancellation)) {
            row.updatedAt = now;
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Order toOrder(OrderEntity row, List<OrderLineEntity> lines, List<FulfillmentEntity> fulfillments,
            List<FulfillmentLineEntity> fulfillmentLines, List<ShipmentEntity> shipments,
            List<ShipmentLineEntity> shipmentLines) {
        Map<String, List<FulfillmentLine>> linesByFulfillment = fulfillmentLines.stream().collect(Collectors.groupingBy(
                line -> line.fulfillmentId, Collectors.mapping(line -> new FulfillmentLine(line.lineId, line.sku,
                        line.fulfillerSku, line.ordered, line.shipped), Collectors.toList())));
        Map<String, List<LineQuantity>> linesByShipment = shipmentLines.stream().collect(Collectors.groupingBy(
                line -> line.shipmentId, Collectors.mapping(line -> new LineQuantity(line.lineId, line.quantity),
                        Collectors.toList())));
        return new Order(row.hubOrderId, Storefront.valueOf(row.storefront), row.sourceOrderId, row.orderNumber,
                row.currency, row.customerEmail,
                HubJson.read(row.shippingAddress.getBytes(StandardCharsets.UTF_8), Address.class), row.placedAt,
                OrderStatus.valueOf(row.status), row.cancelledAtSource, row.holdReason,
                lines.stream().map(line -> new OrderLine(line.lineId, line.variantId, line.sku, line.name, line.quantity,
                        line.unitPrice)).toList(),
                fulfillments.stream().map(f -> new Fulfillment(f.fulfillmentId, f.sourceFulfillmentId,
                        f.fulfiller == null ? null : Fulfiller.valueOf(f.fulfiller), FulfillmentStatus.valueOf(f.status),
                        f.statusBeforeCancellation == null ? null : FulfillmentStatus.valueOf(f.statusBeforeCancellation),
                        f.vendorReference, f.holdReason, f.rejectionReason,
                        linesByFulfillment.getOrDefault(f.fulfillmentId, List.of()))).toList(),
                shipments.stream().map(s -> new Shipment(s.shipmentId, s.fulfillmentId, s.carrier, s.trackingNumber,
                        s.trackingUrl, s.dispatchedAt, linesByShipment.getOrDefault(s.shipmentId, List.of()))).toList());
    }
}
