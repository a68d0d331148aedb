package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.orchestrator.domain.Fulfillment;
import io.fulfillmenthub.orchestrator.domain.FulfillmentLine;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.Shipment;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An order a transaction works on, with what its rows held when it was loaded (nothing when it was
 * placed in this transaction), so {@link OrderRows#write} can tell what to insert and what to update
 * after any number of facts changed it.
 */
public final class TrackedOrder {

    private final Order order;
    private final boolean placed;
    private final OrderState before;
    private final Map<String, FulfillmentState> fulfillmentsBefore;
    private final Map<String, Integer> shippedBefore;
    /** Shipment id → when it was delivered (null: not yet). */
    private final Map<String, Instant> shipmentsBefore;
    /** {@code <fulfillment id>/<tracking number>} → whether it was assigned. */
    private final Map<String, Boolean> heldParcelsBefore;
    /** When its grace-period timer row was due when loaded; null: it had none (or the poller just removed it). */
    private Instant timerBefore;

    private TrackedOrder(Order order, boolean placed, OrderState before, Map<String, FulfillmentState> fulfillmentsBefore,
            Map<String, Integer> shippedBefore, Map<String, Instant> shipmentsBefore,
            Map<String, Boolean> heldParcelsBefore) {
        this.order = order;
        this.placed = placed;
        this.before = before;
        this.fulfillmentsBefore = fulfillmentsBefore;
        this.shippedBefore = shippedBefore;
        this.shipmentsBefore = shipmentsBefore;
        this.heldParcelsBefore = heldParcelsBefore;
        this.timerBefore = placed ? null : order.gracePeriodTimer();
    }

    /** An order placed in this transaction: every row of it is new. */
    public static TrackedOrder placed(Order order) {
        return new TrackedOrder(order, true, null, Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** An order as loaded, with its rows' versions. */
    static TrackedOrder loaded(LoadedOrder loaded) {
        Order order = loaded.order();
        Map<String, FulfillmentState> fulfillments = new HashMap<>();
        Map<String, Integer> shipped = new HashMap<>();
        for (Fulfillment fulfillment : order.fulfillments()) {
            LoadedOrder.RowVersion row = loaded.fulfillment(fulfillment.fulfillmentId());
            fulfillments.put(fulfillment.fulfillmentId(), FulfillmentState.of(fulfillment, row.version(), row.updatedAt()));
            for (FulfillmentLine line : fulfillment.lines()) {
                shipped.put(lineKey(fulfillment.fulfillmentId(), line.lineId()), line.shipped());
            }
        }
        Map<String, Instant> shipments = new HashMap<>();
        order.shipments().forEach(shipment -> shipments.put(shipment.shipmentId(), shipment.deliveredAt()));
        Map<String, Boolean> heldParcels = new HashMap<>();
        order.heldParcels().forEach(parcel -> heldParcels.put(parcel.fulfillmentId() + "/" + parcel.trackingNumber(),
                parcel.assignedShipmentId() != null));
        return new TrackedOrder(order, false, OrderState.of(order, loaded.row().version()), fulfillments, shipped,
                shipments, heldParcels);
    }

    public Order order() {
        return order;
    }

    Instant timerBefore() {
        return timerBefore;
    }

    /** The poller deleted its timer row: if the order still wants one, the writer inserts it again. */
    void timerFired() {
        timerBefore = null;
    }

    boolean isPlaced() {
        return placed;
    }

    OrderState before() {
        return before;
    }

    FulfillmentState fulfillmentBefore(String fulfillmentId) {
        return fulfillmentsBefore.get(fulfillmentId);
    }

    Integer shippedBefore(String fulfillmentId, String lineId) {
        return shippedBefore.get(lineKey(fulfillmentId, lineId));
    }

    boolean hadShipment(String shipmentId) {
        return shipmentsBefore.containsKey(shipmentId);
    }

    boolean hadHeldParcel(String key) {
        return heldParcelsBefore.containsKey(key);
    }

    boolean heldParcelWasAssigned(String key) {
        return Boolean.TRUE.equals(heldParcelsBefore.get(key));
    }

    Instant deliveredBefore(String shipmentId) {
        return shipmentsBefore.get(shipmentId);
    }

    private static String lineKey(String fulfillmentId, String lineId) {
        return fulfillmentId + "\u001f" + lineId;
    }

    /** The order row's own state as loaded. */
    record OrderState(String status, boolean cancelledAtSource, String holdReason, io.fulfillmenthub.contracts.model.PaymentStatus payment,
            Instant fulfillableAfter, boolean hubFormsFulfillments, long version) {

        static OrderState of(Order order, long version) {
            return new OrderState(order.status().name(), order.cancelledAtSource(), order.holdReason(), order.payment(),
                    order.fulfillableAfter(), order.hubFormsFulfillments(), version);
        }

        boolean differsFrom(Order order) {
            return !status.equals(order.status().name()) || cancelledAtSource != order.cancelledAtSource()
                    || !Objects.equals(holdReason, order.holdReason()) || !Objects.equals(payment, order.payment())
                    || !Objects.equals(fulfillableAfter, order.fulfillableAfter())
                    || hubFormsFulfillments != order.hubFormsFulfillments();
        }
    }

    /** A fulfillment row's state as loaded. */
    record FulfillmentState(List<Object> values, String statusChange, long version, Instant updatedAt) {

        static FulfillmentState of(Fulfillment fulfillment, long version, Instant updatedAt) {
            return new FulfillmentState(values(fulfillment), statusChange(fulfillment), version, updatedAt);
        }

        /** Everything the row stores that a transition can change. */
        static List<Object> values(Fulfillment f) {
            return Arrays.asList(f.fulfiller(), f.status(), f.statusBeforeCancellation(), f.vendorReference(),
                    f.holdReason(), f.rejectionReason(), f.storefrontStatus(), f.hold(), f.submissions());
        }

        /** What moves {@code updated_at}: the status, the vendor's reference, the status before a cancellation. */
        static String statusChange(Fulfillment f) {
            return f.status() + "\u001f" + f.vendorReference() + "\u001f" + f.statusBeforeCancellation() + "\u001f"
                    + f.submissions();
        }
    }
}
