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
 * Loads and stores the order aggregate. Every method runs in the caller's transaction (one per fact
 * today, one per batch of facts later); none opens its own.
 */
@ApplicationScoped
public class OrderStore {

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
        List<OrderLineEntity> lines = order.lines().stream().map(line -> {
            OrderLineEntity lineRow = new OrderLineEntity();
            lineRow.hubOrderId = order.hubOrderId();
            lineRow.lineId = line.lineId();
            lineRow.variantId = line.variantId();
            lineRow.sku = line.sku();
            lineRow.name = line.name();
            lineRow.quantity = line.quantity();
            lineRow.unitPrice = line.unitPrice();
            return lineRow;
        }).toList();
        var stored = new StoredOrder(order, row, lines, List.of(), List.of(), List.of(), List.of());
        // the parent rows first: rows with identity ids are inserted at persist, before the flush
        return Panache.getSession().chain(session -> session.persist(row).chain(session::flush)
                .chain(() -> session.persistAll(lines.toArray())))
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
        List<Object> children = new ArrayList<>();
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
                    lineRow = new FulfillmentLineEntity();
                    lineRow.hubOrderId = order.hubOrderId();
                    lineRow.fulfillmentId = fulfillment.fulfillmentId();
                    lineRow.lineId = line.lineId();
                    lineRow.sku = line.sku();
                    lineRow.fulfillerSku = line.fulfillerSku();
                    lineRow.ordered = line.ordered();
                    children.add(lineRow);
                }
                lineRow.shipped = line.shipped();
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
                ShipmentLineEntity lineRow = new ShipmentLineEntity();
                lineRow.hubOrderId = order.hubOrderId();
                lineRow.shipmentId = shipment.shipmentId();
                lineRow.lineId = quantity.lineId();
                lineRow.quantity = quantity.quantity();
                children.add(lineRow);
            }
        }
        children.addAll(timelineRows(order.hubOrderId(), order.newTimelineEntries(), now));
        return Panache.getSession().chain(session -> session.persistAll(parents.toArray()).chain(session::flush)
                .chain(() -> session.persistAll(children.toArray())));
    }

    /** Appends timeline entries without touching the order, e.g. a refused fact. */
    public Uni<Void> appendTimeline(String hubOrderId, List<TimelineEntry> entries) {
        return Panache.getSession().chain(session -> session.persistAll(
                timelineRows(hubOrderId, entries, Instant.now()).toArray()));
    }

    private static List<TimelineEntryEntity> timelineRows(String hubOrderId, List<TimelineEntry> entries, Instant now) {
        return entries.stream().map(entry -> {
            TimelineEntryEntity row = new TimelineEntryEntity();
            row.hubOrderId = hubOrderId;
            row.occurredAt = entry.at();
            row.recordedAt = now;
            row.factType = entry.factType();
            row.factId = entry.factId();
            row.fulfillmentId = entry.fulfillmentId();
            row.fromStatus = entry.fromStatus();
            row.toStatus = entry.toStatus();
            row.note = entry.note();
            return row;
        }).toList();
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
