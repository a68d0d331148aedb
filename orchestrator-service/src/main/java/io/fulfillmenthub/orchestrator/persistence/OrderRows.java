package io.fulfillmenthub.orchestrator.persistence;

import static io.fulfillmenthub.orchestrator.persistence.Unnest.Column.bigint;
import static io.fulfillmenthub.orchestrator.persistence.Unnest.Column.bool;
import static io.fulfillmenthub.orchestrator.persistence.Unnest.Column.integer;
import static io.fulfillmenthub.orchestrator.persistence.Unnest.Column.numeric;
import static io.fulfillmenthub.orchestrator.persistence.Unnest.Column.text;
import static io.fulfillmenthub.orchestrator.persistence.Unnest.Column.timestamp;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.EarlyCancellation;
import io.fulfillmenthub.orchestrator.domain.Fulfillment;
import io.fulfillmenthub.orchestrator.domain.FulfillmentLine;
import io.fulfillmenthub.orchestrator.domain.HeldParcel;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.Shipment;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import io.fulfillmenthub.orchestrator.persistence.TrackedOrder.FulfillmentState;
import io.fulfillmenthub.orchestrator.persistence.Unnest.Column;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The orchestrator's tables, mapped once. Writes are set-based: whatever the number of facts in a
 * transaction, the inbox takes one statement, loading their orders one per table, and storing what
 * changed one per table and kind of change. The operations API reads orders the same way, without a
 * lock, and their timeline and pages. Every method runs on the caller's connection, in its transaction.
 */
@ApplicationScoped
public class OrderRows {

    private static final List<Column> ORDER = List.of(text("hub_order_id"), text("storefront"), text("source_order_id"),
            text("order_number"), text("currency"), text("customer_email"), text("shipping_address"), timestamp("placed_at"),
            text("status"), bool("cancelled_at_source"), text("hold_reason"), text("payment"),
            timestamp("fulfillable_after"), bool("hub_forms_fulfillments"), timestamp("created_at"),
            timestamp("updated_at"));
    private static final List<Column> ORDER_UPDATE = List.of(text("hub_order_id"), text("status"),
            bool("cancelled_at_source"), text("hold_reason"), text("payment"), timestamp("fulfillable_after"),
            bool("hub_forms_fulfillments"), timestamp("updated_at"), bigint("version"));
    private static final List<Column> GRACE_PERIOD_TIMER = List.of(text("hub_order_id"), timestamp("due_at"));
    private static final List<Column> ORDER_LINE = List.of(text("hub_order_id"), text("line_id"), text("variant_id"),
            text("sku"), text("name"), integer("quantity"), numeric("unit_price"));
    private static final List<Column> FULFILLMENT = List.of(text("fulfillment_id"), text("hub_order_id"),
            text("source_fulfillment_id"), text("fulfiller"), text("status"), text("status_before_cancellation"),
            text("vendor_reference"), text("hold_reason"), text("rejection_reason"), text("storefront_status"),
            text("hold_code"), text("hold_detail"), text("status_before_hold"), integer("submissions"),
            text("external_order_id"), text("sale_mode"), text("outlet"), text("outlet_id"), timestamp("created_at"),
            timestamp("updated_at"));
    private static final List<Column> FULFILLMENT_UPDATE = List.of(text("fulfillment_id"), text("fulfiller"),
            text("status"), text("status_before_cancellation"), text("vendor_reference"), text("hold_reason"),
            text("rejection_reason"), text("storefront_status"), text("hold_code"), text("hold_detail"),
            text("status_before_hold"), integer("submissions"), text("external_order_id"), timestamp("updated_at"),
            bigint("version"));
    private static final List<Column> HELD_PARCEL = List.of(text("fulfillment_id"), text("tracking_number"),
            text("hub_order_id"), text("carrier"), text("tracking_url"), text("items"), timestamp("dispatched_at"),
            timestamp("held_at"), text("assigned_shipment_id"));
    private static final List<Column> HELD_PARCEL_ASSIGNED = List.of(text("fulfillment_id"), text("tracking_number"),
            text("assigned_shipment_id"));
    private static final List<Column> FULFILLMENT_LINE = List.of(text("hub_order_id"), text("fulfillment_id"),
            text("line_id"), text("sku"), text("fulfiller_sku"), integer("ordered"), integer("shipped"));
    private static final List<Column> FULFILLMENT_LINE_UPDATE = List.of(text("fulfillment_id"), text("line_id"),
            integer("shipped"));
    private static final List<Column> SHIPMENT = List.of(text("shipment_id"), text("hub_order_id"),
            text("fulfillment_id"), text("carrier"), text("tracking_number"), text("tracking_url"),
            timestamp("dispatched_at"), timestamp("delivered_at"), timestamp("created_at"));
    private static final List<Column> SHIPMENT_DELIVERED = List.of(text("shipment_id"), timestamp("delivered_at"));
    private static final List<Column> SHIPMENT_LINE = List.of(text("hub_order_id"), text("shipment_id"),
            text("line_id"), integer("quantity"));
    private static final List<Column> TIMELINE = List.of(text("hub_order_id"), timestamp("occurred_at"),
            timestamp("recorded_at"), text("fact_type"), text("fact_id"), text("fulfillment_id"), text("from_status"),
            text("to_status"), text("note"));
    private static final List<Column> EARLY_CANCELLATION = List.of(text("hub_order_id"), text("storefront"),
            text("source_order_id"), text("reason"), timestamp("cancelled_at"), text("fact_type"), text("fact_id"),
            timestamp("occurred_at"));
    private static final List<Column> OUTBOX = List.of(text("topic"), text("message_key"), text("ce_id"),
            text("ce_type"), text("ce_source"), text("payload"), timestamp("created_at"));

    /**
     * The inbox (eventuate style) for a batch: inserts (consumer, id) for every message id and returns
     * those it inserted, that is the ones this consumer sees for the first time. {@code ON CONFLICT DO
     * NOTHING}, so duplicates (also within the batch) do not abort the transaction.
     */
    public Uni<Set<String>> firstDeliveries(SqlConnection connection, String consumer, List<String> messageIds) {
        return connection.preparedQuery("INSERT INTO processed_message (consumer, message_id) "
                        + "SELECT $1, id FROM unnest($2::text[]) AS u(id) ON CONFLICT DO NOTHING RETURNING message_id")
                .execute(Tuple.of(consumer, messageIds.toArray(new String[0])))
                .map(rows -> {
                    Set<String> first = new HashSet<>();
                    rows.forEach(row -> first.add(row.getString(0)));
                    return first;
                });
    }

    /**
     * Locks the stored ones among these orders (SELECT ... FOR UPDATE, in id order so that two
     * transactions cannot deadlock on them) for the rest of the transaction, and loads them with
     * everything under them into a unit of work.
     */
    public Uni<UnitOfWork> lockAndLoad(SqlConnection connection, Collection<String> hubOrderIds) {
        return lockAndLoad(connection, hubOrderIds, List.of());
    }

    /**
     * As {@link #lockAndLoad(SqlConnection, Collection)}, and with the cancellations at source kept for
     * {@code mayHaveComeEarly} before their orders (V7), read in the same round trip (the connection
     * pipelines the statement with the orders').
     */
    public Uni<UnitOfWork> lockAndLoad(SqlConnection connection, Collection<String> hubOrderIds,
            Collection<String> mayHaveComeEarly) {
        String[] ids = hubOrderIds.stream().sorted().toArray(String[]::new);
        Uni<Map<String, EarlyCancellation>> early = mayHaveComeEarly.isEmpty() ? Uni.createFrom().item(Map.of())
                : earlyCancellations(connection, mayHaveComeEarly.toArray(String[]::new));
        return Uni.combine().all().unis(load(connection, ids, true), early).asTuple().map(loaded -> {
            Map<String, TrackedOrder> tracked = new LinkedHashMap<>();
            loaded.getItem1().forEach(order -> tracked.put(order.order().hubOrderId(), TrackedOrder.loaded(order)));
            return new UnitOfWork(tracked, loaded.getItem2());
        });
    }

    private static Uni<Map<String, EarlyCancellation>> earlyCancellations(SqlConnection connection, String[] ids) {
        return select(connection, "SELECT hub_order_id, storefront, source_order_id, reason, cancelled_at, fact_type, "
                + "fact_id, occurred_at FROM early_cancellation WHERE hub_order_id = ANY($1)", Tuple.of((Object) ids))
                .map(rows -> {
                    Map<String, EarlyCancellation> early = new HashMap<>();
                    for (Row row : rows) {
                        String id = row.getString("hub_order_id");
                        early.put(id, new EarlyCancellation(new OrderCancelledAtSource(id,
                                Storefront.valueOf(row.getString("storefront")), row.getString("source_order_id"),
                                row.getString("reason"), row.getOffsetDateTime("cancelled_at").toInstant()),
                                new Cause(row.getString("fact_type"), row.getString("fact_id"),
                                        row.getOffsetDateTime("occurred_at").toInstant())));
                    }
                    return early;
                });
    }

    /**
     * The order with everything under it, as {@link #lockAndLoad} loads it but without a lock; null when
     * unknown. It takes one statement per table: only a transaction whose snapshot holds for all of them
     * (REPEATABLE READ) makes them one consistent order.
     */
    public Uni<LoadedOrder> load(SqlConnection connection, String hubOrderId) {
        return load(connection, new String[] {hubOrderId}, false)
                .map(orders -> orders.isEmpty() ? null : orders.get(0));
    }

    /** The order's timeline in the order it was written (by id), each entry with when it was written. */
    public Uni<List<RecordedEntry>> timeline(SqlConnection connection, String hubOrderId) {
        return select(connection, "SELECT occurred_at, recorded_at, fact_type, fact_id, fulfillment_id, from_status, "
                + "to_status, note FROM order_timeline WHERE hub_order_id = $1 ORDER BY id", Tuple.of(hubOrderId))
                .map(rows -> rows.stream().map(row -> new RecordedEntry(new TimelineEntry(
                        row.getOffsetDateTime("occurred_at").toInstant(), row.getString("fact_type"),
                        row.getString("fact_id"), row.getString("fulfillment_id"), row.getString("from_status"),
                        row.getString("to_status"), row.getString("note")),
                        row.getOffsetDateTime("recorded_at").toInstant())).toList());
    }

    /**
     * A keyset page: at most {@code count} orders with an id after {@code after} ("" for the first), by
     * id, of the status when one is given, or only the blocked ones. An order is blocked while it has a
     * dead letter not replayed (V5). One statement, so one snapshot.
     */
    public Uni<List<OrderSummary>> summariesAfter(SqlClient client, @Nullable OrderStatus status, boolean blockedOnly,
            String after, int count) {
        String sql = "SELECT o.hub_order_id, o.storefront, o.order_number, o.status, o.updated_at, EXISTS (SELECT 1 "
                + "FROM dead_letter d WHERE d.hub_order_id = o.hub_order_id AND d.replayed_at IS NULL) AS blocked "
                + "FROM orders o WHERE o.hub_order_id > $1" + (status == null ? "" : " AND o.status = $3")
                + (blockedOnly ? " AND o.hub_order_id IN (SELECT hub_order_id FROM dead_letter WHERE replayed_at IS NULL)" : "")
                + " ORDER BY o.hub_order_id LIMIT $2";
        Tuple parameters = status == null ? Tuple.of(after, (long) count) : Tuple.of(after, (long) count, status.name());
        return select(client, sql, parameters).map(rows -> rows.stream().map(row -> new OrderSummary(
                row.getString("hub_order_id"), Storefront.valueOf(row.getString("storefront")),
                row.getString("order_number"), OrderStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("updated_at").toInstant(), row.getBoolean("blocked"))).toList());
    }

    /** The order's status, or null when there is no such order. */
    public Uni<@Nullable OrderStatus> status(SqlClient client, String hubOrderId) {
        return select(client, "SELECT status FROM orders WHERE hub_order_id = $1", Tuple.of(hubOrderId))
                .map(rows -> rows.isEmpty() ? null : OrderStatus.valueOf(rows.get(0).getString("status")));
    }

    /** Adds entries to a stored order's timeline outside a unit of work, e.g. an operator's replay. */
    public Uni<Void> appendTimeline(SqlConnection connection, String hubOrderId, List<TimelineEntry> entries) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Unnest.insert(connection, "order_timeline", TIMELINE,
                entries.stream().map(entry -> timelineRow(hubOrderId, entry, now)).toList()).replaceWithVoid();
    }

    /** A row of {@code order_timeline} in the column order of {@link #TIMELINE}. */
    static Object[] timelineRow(String hubOrderId, TimelineEntry entry, OffsetDateTime recordedAt) {
        return new Object[] {hubOrderId, entry.at().atOffset(ZoneOffset.UTC), recordedAt, entry.factType(),
                entry.factId(), entry.fulfillmentId(), entry.fromStatus(), entry.toStatus(), entry.note()};
    }

    /** A timeline entry and when it was written ({@code recorded_at}). */
    public record RecordedEntry(TimelineEntry entry, Instant recordedAt) {
    }

    /**
     * An order's row without what lies under it, for lists.
     *
     * @param blocked whether a dead letter of the order is not replayed yet
     */
    public record OrderSummary(String hubOrderId, Storefront storefront, String orderNumber, OrderStatus status,
            Instant updatedAt, boolean blocked) {
    }

    /**
     * The stored ones among these orders, in id order, with everything under them: one statement for the
     * orders, and one per child table when any of them is stored.
     *
     * @param forUpdate lock the order rows for the rest of the transaction
     */
    private static Uni<List<LoadedOrder>> load(SqlConnection connection, String[] ids, boolean forUpdate) {
        return connection.preparedQuery("SELECT hub_order_id, storefront, source_order_id, order_number, currency, "
                        + "customer_email, shipping_address, placed_at, status, cancelled_at_source, hold_reason, "
                        + "payment, fulfillable_after, hub_forms_fulfillments, updated_at, version FROM orders WHERE hub_order_id = ANY($1) ORDER BY hub_order_id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of((Object) ids))
                .chain(orderRows -> {
                    if (orderRows.size() == 0) {
                        return Uni.createFrom().item(List.<LoadedOrder>of());
                    }
                    Tuple stored = Tuple.of((Object) list(orderRows).stream().map(row -> row.getString("hub_order_id"))
                            .toArray(String[]::new));
                    return select(connection, "SELECT hub_order_id, line_id, variant_id, sku, name, quantity, unit_price "
                            + "FROM order_line WHERE hub_order_id = ANY($1) ORDER BY id", stored)
                            .chain(lines -> select(connection, "SELECT fulfillment_id, hub_order_id, source_fulfillment_id, "
                                    + "fulfiller, status, status_before_cancellation, vendor_reference, hold_reason, "
                                    + "rejection_reason, storefront_status, hold_code, hold_detail, status_before_hold, submissions, external_order_id, "
                                    + "sale_mode, outlet, outlet_id, updated_at, version FROM fulfillment WHERE hub_order_id = ANY($1) "
                                    + "ORDER BY created_at, fulfillment_id", stored)
                            .chain(fulfillments -> select(connection, "SELECT hub_order_id, fulfillment_id, line_id, sku, "
                                    + "fulfiller_sku, ordered, shipped FROM fulfillment_line WHERE hub_order_id = ANY($1) "
                                    + "ORDER BY id", stored)
                            .chain(fulfillmentLines -> select(connection, "SELECT shipment_id, hub_order_id, "
                                    + "fulfillment_id, carrier, tracking_number, tracking_url, dispatched_at, delivered_at FROM shipment "
                                    + "WHERE hub_order_id = ANY($1) ORDER BY dispatched_at, shipment_id", stored)
                            .chain(shipments -> select(connection, "SELECT hub_order_id, shipment_id, line_id, quantity "
                                    + "FROM shipment_line WHERE hub_order_id = ANY($1) ORDER BY id", stored)
                            .chain(shipmentLines -> select(connection, "SELECT fulfillment_id, tracking_number, "
                                    + "hub_order_id, carrier, tracking_url, items, dispatched_at, held_at, "
                                    + "assigned_shipment_id FROM held_parcel WHERE hub_order_id = ANY($1) "
                                    + "ORDER BY held_at, tracking_number", stored)
                            .map(heldParcels -> orders(list(orderRows), lines, fulfillments, fulfillmentLines,
                                    shipments, shipmentLines, heldParcels)))))));
                });
    }

    /** Stores everything the unit of work changed: inserts of new rows, updates of changed ones, in foreign-key order. */
    public Uni<Void> write(SqlConnection connection, UnitOfWork work) {
        OffsetDateTime now = work.now();
        List<Object[]> newOrders = new ArrayList<>();
        List<Object[]> changedOrders = new ArrayList<>();
        List<Object[]> orderLines = new ArrayList<>();
        List<Object[]> newFulfillments = new ArrayList<>();
        List<Object[]> changedFulfillments = new ArrayList<>();
        List<Object[]> newFulfillmentLines = new ArrayList<>();
        List<Object[]> shippedLines = new ArrayList<>();
        List<Object[]> newShipments = new ArrayList<>();
        List<Object[]> shipmentLines = new ArrayList<>();
        List<Object[]> deliveredShipments = new ArrayList<>();
        List<Object[]> newHeldParcels = new ArrayList<>();
        List<Object[]> assignedHeldParcels = new ArrayList<>();
        List<Object[]> timers = new ArrayList<>();
        List<String> droppedTimers = new ArrayList<>();
        for (TrackedOrder tracked : work.orders()) {
            Order order = tracked.order();
            String id = order.hubOrderId();
            if (tracked.isPlaced()) {
                newOrders.add(new Object[] {id, order.storefront().name(), order.sourceOrderId(), order.orderNumber(),
                        order.currency(), order.customerEmail(),
                        new String(HubJson.write(order.shippingAddress()), StandardCharsets.UTF_8),
                        order.placedAt().atOffset(ZoneOffset.UTC), order.status().name(), order.cancelledAtSource(),
                        order.holdReason(), name(order.payment()), offsetOrNull(order.fulfillableAfter()),
                        order.hubFormsFulfillments(), now, now});
                for (OrderLine line : order.lines()) {
                    orderLines.add(new Object[] {id, line.lineId(), line.variantId(), line.sku(), line.name(),
                            line.quantity(), line.unitPrice() == null ? null : line.unitPrice().toPlainString()});
                }
            } else if (tracked.before().differsFrom(order)) {
                changedOrders.add(new Object[] {id, order.status().name(), order.cancelledAtSource(), order.holdReason(),
                        name(order.payment()), offsetOrNull(order.fulfillableAfter()), order.hubFormsFulfillments(), now,
                        tracked.before().version()});
            }
            Instant timer = order.gracePeriodTimer();
            if (!Objects.equals(timer, tracked.timerBefore())) {
                if (timer == null) {
                    droppedTimers.add(id);
                } else {
                    timers.add(new Object[] {id, timer.atOffset(ZoneOffset.UTC)});
                }
            }
            for (Fulfillment fulfillment : order.fulfillments()) {
                String fulfillmentId = fulfillment.fulfillmentId();
                FulfillmentState before = tracked.fulfillmentBefore(fulfillmentId);
                if (before == null) {
                    newFulfillments.add(new Object[] {fulfillmentId, id, fulfillment.sourceFulfillmentId(),
                            name(fulfillment.fulfiller()), fulfillment.status().name(),
                            name(fulfillment.statusBeforeCancellation()), fulfillment.vendorReference(),
                            fulfillment.holdReason(), fulfillment.rejectionReason(), name(fulfillment.storefrontStatus()),
                            holdCode(fulfillment), holdDetail(fulfillment), statusBeforeHold(fulfillment),
                            fulfillment.submissions(), fulfillment.externalOrderId(),
                            fulfillment.store() == null ? null : fulfillment.store().mode().name(),
                            fulfillment.store() == null ? null : fulfillment.store().outlet(),
                            fulfillment.store() == null ? null : fulfillment.store().outletId(), now, now});
                } else if (!before.values().equals(FulfillmentState.values(fulfillment))) {
                    boolean moved = !before.statusChange().equals(FulfillmentState.statusChange(fulfillment));
                    changedFulfillments.add(new Object[] {fulfillmentId, name(fulfillment.fulfiller()),
                            fulfillment.status().name(), name(fulfillment.statusBeforeCancellation()),
                            fulfillment.vendorReference(), fulfillment.holdReason(), fulfillment.rejectionReason(),
                            name(fulfillment.storefrontStatus()), holdCode(fulfillment), holdDetail(fulfillment),
                            statusBeforeHold(fulfillment), fulfillment.submissions(), fulfillment.externalOrderId(),
                            moved ? now : before.updatedAt().atOffset(ZoneOffset.UTC), before.version()});
                }
                for (FulfillmentLine line : fulfillment.lines()) {
                    Integer shippedBefore = tracked.shippedBefore(fulfillmentId, line.lineId());
                    if (shippedBefore == null) {
                        newFulfillmentLines.add(new Object[] {id, fulfillmentId, line.lineId(), line.sku(),
                                line.fulfillerSku(), line.ordered(), line.shipped()});
                    } else if (shippedBefore != line.shipped()) {
                        shippedLines.add(new Object[] {fulfillmentId, line.lineId(), line.shipped()});
                    }
                }
            }
            for (HeldParcel parcel : order.heldParcels()) {
                String key = parcel.fulfillmentId() + "/" + parcel.trackingNumber();
                if (!tracked.hadHeldParcel(key)) {
                    newHeldParcels.add(new Object[] {parcel.fulfillmentId(), parcel.trackingNumber(), id, parcel.carrier(),
                            parcel.trackingUrl(), new String(HubJson.write(parcel.items()), StandardCharsets.UTF_8),
                            parcel.dispatchedAt() == null ? null : parcel.dispatchedAt().atOffset(ZoneOffset.UTC),
                            parcel.heldAt().atOffset(ZoneOffset.UTC), parcel.assignedShipmentId()});
                } else if (parcel.assignedShipmentId() != null && !tracked.heldParcelWasAssigned(key)) {
                    assignedHeldParcels.add(new Object[] {parcel.fulfillmentId(), parcel.trackingNumber(),
                            parcel.assignedShipmentId()});
                }
            }
            for (Shipment shipment : order.shipments()) {
                if (tracked.hadShipment(shipment.shipmentId())) {
                    if (shipment.deliveredAt() != null && tracked.deliveredBefore(shipment.shipmentId()) == null) {
                        deliveredShipments.add(new Object[] {shipment.shipmentId(),
                                shipment.deliveredAt().atOffset(ZoneOffset.UTC)});
                    }
                    continue;
                }
                newShipments.add(new Object[] {shipment.shipmentId(), id, shipment.fulfillmentId(), shipment.carrier(),
                        shipment.trackingNumber(), shipment.trackingUrl(), shipment.dispatchedAt().atOffset(ZoneOffset.UTC),
                        shipment.deliveredAt() == null ? null : shipment.deliveredAt().atOffset(ZoneOffset.UTC), now});
                for (LineQuantity quantity : shipment.lines()) {
                    shipmentLines.add(new Object[] {id, shipment.shipmentId(), quantity.lineId(), quantity.quantity()});
                }
            }
        }
        // the rows were locked when loaded; the version checks are a guard, and each update bumps the version
        return Unnest.insert(connection, "orders", ORDER, newOrders)
                .chain(() -> Unnest.update(connection, "orders", ORDER_UPDATE, "status = u.status, "
                        + "cancelled_at_source = u.cancelled_at_source, hold_reason = u.hold_reason, payment = u.payment, "
                        + "fulfillable_after = u.fulfillable_after, hub_forms_fulfillments = u.hub_forms_fulfillments, "
                        + "updated_at = u.updated_at, version = t.version + 1", "t.version = u.version", changedOrders))
                .chain(() -> Unnest.insert(connection, "order_line", ORDER_LINE, orderLines))
                .chain(() -> Unnest.insert(connection, "fulfillment", FULFILLMENT, newFulfillments))
                .chain(() -> Unnest.update(connection, "fulfillment", FULFILLMENT_UPDATE, "fulfiller = u.fulfiller, "
                        + "status = u.status, status_before_cancellation = u.status_before_cancellation, "
                        + "vendor_reference = u.vendor_reference, hold_reason = u.hold_reason, "
                        + "rejection_reason = u.rejection_reason, storefront_status = u.storefront_status, "
                        + "hold_code = u.hold_code, hold_detail = u.hold_detail, status_before_hold = u.status_before_hold, "
                        + "submissions = u.submissions, external_order_id = u.external_order_id, updated_at = u.updated_at, version = t.version + 1",
                        "t.version = u.version", changedFulfillments))
                .chain(() -> Unnest.insert(connection, "fulfillment_line", FULFILLMENT_LINE, newFulfillmentLines))
                .chain(() -> Unnest.update(connection, "fulfillment_line", FULFILLMENT_LINE_UPDATE, "shipped = u.shipped",
                        "t.line_id = u.line_id", shippedLines))
                .chain(() -> Unnest.insert(connection, "shipment", SHIPMENT, newShipments))
                .chain(() -> Unnest.insert(connection, "shipment_line", SHIPMENT_LINE, shipmentLines))
                .chain(() -> Unnest.update(connection, "shipment", SHIPMENT_DELIVERED, "delivered_at = u.delivered_at",
                        null, deliveredShipments))
                .chain(() -> Unnest.insert(connection, "held_parcel", HELD_PARCEL, newHeldParcels))
                .chain(() -> Unnest.update(connection, "held_parcel", HELD_PARCEL_ASSIGNED,
                        "assigned_shipment_id = u.assigned_shipment_id", "t.tracking_number = u.tracking_number",
                        assignedHeldParcels))
                .chain(() -> Unnest.insert(connection, "order_timeline", TIMELINE, work.timelineRows()))
                // a message id is written once: the same message caused again (an operator's action retried) is one row
                .chain(() -> Unnest.insert(connection, "outbox", OUTBOX, work.outboxRows(), "ON CONFLICT (ce_id) DO NOTHING"))
                // a replica that kept one for the same order at the same time: the first one counts
                .chain(() -> Unnest.insert(connection, "early_cancellation", EARLY_CANCELLATION,
                        work.newEarlyCancellations().stream().map(early -> new Object[] {early.fact().hubOrderId(),
                                early.fact().storefront().name(), early.fact().sourceOrderId(), early.fact().reason(),
                                early.fact().cancelledAt().atOffset(ZoneOffset.UTC), early.cause().factType(),
                                early.cause().factId(), early.cause().at().atOffset(ZoneOffset.UTC)}).toList(),
                        "ON CONFLICT (hub_order_id) DO NOTHING"))
                // only orders under the hub's fulfillable rule have timers: no statement for the others
                .chain(() -> Unnest.insert(connection, "grace_period_timer", GRACE_PERIOD_TIMER, timers,
                        "ON CONFLICT (hub_order_id) DO UPDATE SET due_at = EXCLUDED.due_at"))
                .chain(() -> droppedTimers.isEmpty() ? Uni.createFrom().item(0)
                        : connection.preparedQuery("DELETE FROM grace_period_timer WHERE hub_order_id = ANY($1)")
                                .execute(Tuple.of((Object) droppedTimers.toArray(String[]::new))).map(RowSet::rowCount))
                .replaceWithVoid();
    }

    private static Uni<List<Row>> select(SqlClient client, String sql, Tuple parameters) {
        return client.preparedQuery(sql).execute(parameters).map(OrderRows::list);
    }

    private static List<Row> list(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>(rows.size());
        rows.forEach(list::add);
        return list;
    }

    private static List<LoadedOrder> orders(List<Row> orders, List<Row> lines, List<Row> fulfillments,
            List<Row> fulfillmentLines, List<Row> shipments, List<Row> shipmentLines, List<Row> heldParcels) {
        Map<String, List<Row>> heldParcelsByOrder = byKey(heldParcels, "hub_order_id");
        Map<String, List<Row>> linesByOrder = byKey(lines, "hub_order_id");
        Map<String, List<Row>> fulfillmentsByOrder = byKey(fulfillments, "hub_order_id");
        Map<String, List<Row>> linesByFulfillment = byKey(fulfillmentLines, "fulfillment_id");
        Map<String, List<Row>> shipmentsByOrder = byKey(shipments, "hub_order_id");
        Map<String, List<Row>> linesByShipment = byKey(shipmentLines, "shipment_id");
        List<LoadedOrder> loaded = new ArrayList<>(orders.size());
        for (Row row : orders) {
            String id = row.getString("hub_order_id");
            Map<String, LoadedOrder.RowVersion> versions = new HashMap<>();
            List<Fulfillment> orderFulfillments = new ArrayList<>();
            for (Row f : fulfillmentsByOrder.getOrDefault(id, List.of())) {
                String fulfillmentId = f.getString("fulfillment_id");
                versions.put(fulfillmentId, rowVersion(f));
                orderFulfillments.add(new Fulfillment(fulfillmentId, f.getString("source_fulfillment_id"),
                        enumOrNull(Fulfiller::valueOf, f.getString("fulfiller")), FulfillmentStatus.valueOf(f.getString("status")),
                        enumOrNull(FulfillmentStatus::valueOf, f.getString("status_before_cancellation")),
                        f.getString("vendor_reference"), f.getString("hold_reason"), f.getString("rejection_reason"),
                        enumOrNull(UpdateStorefrontFulfillmentStatus.Status::valueOf, f.getString("storefront_status")),
                        f.getString("hold_code") == null ? null : new Fulfillment.Hold(f.getString("hold_code"),
                                f.getString("hold_detail"), FulfillmentStatus.valueOf(f.getString("status_before_hold"))),
                        f.getInteger("submissions"),
                        linesByFulfillment.getOrDefault(fulfillmentId, List.of()).stream().map(line -> new FulfillmentLine(
                                line.getString("line_id"), line.getString("sku"), line.getString("fulfiller_sku"),
                                line.getInteger("ordered"), line.getInteger("shipped"))).toList(),
                        f.getString("sale_mode") == null ? null : new Fulfillment.StoreSale(f.getString("outlet"),
                                f.getString("outlet_id"), SaleMode.valueOf(f.getString("sale_mode")))));
            }
            Order order = new Order(id, Storefront.valueOf(row.getString("storefront")), row.getString("source_order_id"),
                    row.getString("order_number"), row.getString("currency"), row.getString("customer_email"),
                    HubJson.read(row.getString("shipping_address").getBytes(StandardCharsets.UTF_8), Address.class),
                    row.getOffsetDateTime("placed_at").toInstant(), OrderStatus.valueOf(row.getString("status")),
                    row.getBoolean("cancelled_at_source"), row.getString("hold_reason"),
                    enumOrNull(PaymentStatus::valueOf, row.getString("payment")),
                    instantOrNull(row.getOffsetDateTime("fulfillable_after")), row.getBoolean("hub_forms_fulfillments"),
                    linesByOrder.getOrDefault(id, List.of()).stream().map(line -> new OrderLine(line.getString("line_id"),
                            line.getString("variant_id"), line.getString("sku"), line.getString("name"),
                            line.getInteger("quantity"), line.getBigDecimal("unit_price"))).toList(),
                    orderFulfillments,
                    shipmentsByOrder.getOrDefault(id, List.of()).stream().map(s -> new Shipment(s.getString("shipment_id"),
                            s.getString("fulfillment_id"), s.getString("carrier"), s.getString("tracking_number"),
                            s.getString("tracking_url"), s.getOffsetDateTime("dispatched_at").toInstant(),
                            linesByShipment.getOrDefault(s.getString("shipment_id"), List.of()).stream()
                                    .map(line -> new LineQuantity(line.getString("line_id"), line.getInteger("quantity")))
                                    .toList(), instantOrNull(s.getOffsetDateTime("delivered_at")))).toList(),
                    heldParcelsByOrder.getOrDefault(id, List.of()).stream().map(p -> new HeldParcel(
                            p.getString("fulfillment_id"), p.getString("carrier"), p.getString("tracking_number"),
                            p.getString("tracking_url"), List.of(HubJson.read(p.getString("items")
                                    .getBytes(StandardCharsets.UTF_8), FulfillmentHeld.Item[].class)),
                            instantOrNull(p.getOffsetDateTime("dispatched_at")),
                            p.getOffsetDateTime("held_at").toInstant(), p.getString("assigned_shipment_id"))).toList());
            loaded.add(new LoadedOrder(order, rowVersion(row), versions));
        }
        return loaded;
    }

    private static LoadedOrder.RowVersion rowVersion(Row row) {
        return new LoadedOrder.RowVersion(row.getLong("version"), row.getOffsetDateTime("updated_at").toInstant());
    }

    private static Map<String, List<Row>> byKey(List<Row> rows, String column) {
        Map<String, List<Row>> grouped = new HashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(row.getString(column), key -> new ArrayList<>()).add(row));
        return grouped;
    }

    private static <E> E enumOrNull(Function<String, E> valueOf, String name) {
        return name == null ? null : valueOf.apply(name);
    }

    private static String holdCode(Fulfillment fulfillment) {
        return fulfillment.hold() == null ? null : fulfillment.hold().reason();
    }

    private static String holdDetail(Fulfillment fulfillment) {
        return fulfillment.hold() == null ? null : fulfillment.hold().detail();
    }

    private static String statusBeforeHold(Fulfillment fulfillment) {
        return fulfillment.hold() == null ? null : fulfillment.hold().statusBefore().name();
    }

    private static OffsetDateTime offsetOrNull(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instantOrNull(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
