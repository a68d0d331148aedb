package io.fulfillmenthub.sandbox.spod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One print order and its state machine: acknowledged, then confirmed, then sent with shipments;
 * or failed; or canceled while still open. Every change moves {@code updated} strictly forward, so
 * a poller reading {@code updated-since} with an inclusive bound never misses one.
 */
public final class SpodOrder {

    private final SpodOrderSubmission submission;
    private final Instant created;
    private SpodOrderState state = SpodOrderState.ACKNOWLEDGED;
    private Instant updated;
    private final List<SpodShipment> shipments = new ArrayList<>();

    SpodOrder(SpodOrderSubmission submission, Instant now) {
        this.submission = submission;
        this.created = now;
        this.updated = now;
    }

    public String externalOrderId() {
        return submission.externalOrderId();
    }

    /** The items as stock-keeping units and quantities, one line per unit. */
    public List<SpodShipment.Line> lines() {
        Map<String, Integer> bySku = new LinkedHashMap<>();
        submission.lines().forEach(line -> bySku.merge(line.stockKeepingUnit(), line.quantity(), Integer::sum));
        return bySku.entrySet().stream().map(e -> new SpodShipment.Line(e.getKey(), e.getValue())).toList();
    }

    Instant created() {
        return created;
    }

    synchronized SpodOrderState state() {
        return state;
    }

    /** When the order last changed; it only moves forward. */
    synchronized Instant updated() {
        return updated;
    }

    public synchronized void confirm(Instant now) {
        requireState(SpodOrderState.ACKNOWLEDGED, "confirmed");
        moveTo(SpodOrderState.CONFIRMED, now);
    }

    public synchronized void send(List<SpodShipment> sent, Instant now) {
        requireOpen("sent");
        shipments.addAll(sent);
        moveTo(SpodOrderState.SENT, now);
    }

    public synchronized void fail(Instant now) {
        requireOpen("failed");
        moveTo(SpodOrderState.FAILED, now);
    }

    /** As {@link #cancel(Instant, boolean)}, a {@code confirmed} order cancellable. */
    public void cancel(Instant now) {
        cancel(now, true);
    }

    /**
     * SPOD refuses once the order is sent (or already failed or canceled), and "already in production
     * internally": when {@code confirmedCancellable} is false, a {@code confirmed} order counts as that.
     */
    public synchronized void cancel(Instant now, boolean confirmedCancellable) {
        requireOpen("canceled");
        if (state == SpodOrderState.CONFIRMED && !confirmedCancellable) {
            throw new IllegalSpodTransition("order " + externalOrderId() + " is already in production");
        }
        moveTo(SpodOrderState.CANCELED, now);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(state, created, updated, new SpodOrderDetail(
                submission.externalOrderId(),
                state.wire(),
                created.toString(),
                updated.toString(),
                submission.currency(),
                submission.items().deepCopy(),
                submission.shipping().deepCopy(),
                shipments.stream().map(SpodShipment::detail).toList()));
    }

    public SpodOrderDetail detail() {
        return snapshot().detail();
    }

    private void requireState(SpodOrderState required, String target) {
        if (state != required) {
            throw new IllegalSpodTransition("order " + externalOrderId() + " is " + state.wire()
                    + " and cannot be " + target);
        }
    }

    private void requireOpen(String target) {
        if (!state.open()) {
            throw new IllegalSpodTransition("order " + externalOrderId() + " is " + state.wire()
                    + " and cannot be " + target);
        }
    }

    private void moveTo(SpodOrderState next, Instant now) {
        state = next;
        updated = now.isAfter(updated) ? now : updated.plusMillis(1);
    }

    /** A consistent view of the order at one moment, with what listing filters and sorts on. */
    record Snapshot(SpodOrderState state, Instant created, Instant updated, SpodOrderDetail detail) {}
}
