package io.fulfillmenthub.spod.translate;

import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.spod.client.SpodOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What a polled SPOD order means, given what was reported before: the new facts and the new reported
 * state, each fact carrying which submission it is about ({@link TrackedOrder#resubmission()}). SPOD's states: {@code confirmed} → accepted; {@code sent} → one shipment dispatched per
 * shipment not reported yet, then shipped (accepted first, if {@code confirmed} was never seen);
 * {@code failed} → rejected; {@code canceled} → cancelled; {@code acknowledged} → nothing. Each fact's
 * id is derived from the external order id (the fulfillment id for a first submission) and the state or tracking number, so a repeat (the inclusive
 * {@code updated-since} bound, a crash before the state was stored) carries the same id.
 * [unknown] the shipment shape is VENDOR-FACTS.md's assumption; shipped items are mapped back to order
 * lines by stock-keeping unit, filling the lines in submit order. A parcel with a unit no line has (or
 * with no items) is never dropped nor guessed at: it is held ({@code FulfillmentHeld},
 * {@code unmatched-shipment}), the parcel whole with SPOD's units and quantities.
 */
public final class SpodProgress {

    private static final Logger LOG = Logger.getLogger(SpodProgress.class);

    private SpodProgress() {
    }

    /**
     * @param facts to publish, in order
     * @param reportedState the reported state once they are published
     * @param reportedShipments the tracking numbers reported once they are published
     */
    public record Report(List<Envelope<? extends Fact>> facts, String reportedState, Set<String> reportedShipments) {
    }

    public static Report of(TrackedOrder tracked, SpodOrder order) {
        String before = tracked.reportedState();
        List<Envelope<? extends Fact>> facts = new ArrayList<>();
        Set<String> shipments = new LinkedHashSet<>(tracked.reportedShipments());
        Instant updated = order.updated() != null ? order.updated() : Instant.now();
        String state = order.state() == null ? "" : order.state();
        if (ReportedState.FINAL.contains(before)) {
            return new Report(List.of(), before, shipments);
        }
        String after = before;
        switch (state) {
            case ReportedState.CONFIRMED -> {
                if (ReportedState.SUBMITTED.equals(before)) {
                    facts.add(accepted(tracked, order, updated));
                    after = ReportedState.CONFIRMED;
                }
            }
            case ReportedState.SENT -> {
                if (ReportedState.SUBMITTED.equals(before)) {
                    facts.add(accepted(tracked, order, updated));
                }
                Map<String, List<LineQuantity>> lines = linesPerShipment(tracked, order);
                Instant lastSent = null;
                for (SpodOrder.Shipment shipment : order.shipments()) {
                    Instant sentAt = shipment.sentAt() != null ? shipment.sentAt() : updated;
                    lastSent = lastSent == null || sentAt.isAfter(lastSent) ? sentAt : lastSent;
                    String tracking = shipment.trackingNumber();
                    List<LineQuantity> shipped = lines.getOrDefault(tracking, List.of());
                    if (tracking == null || tracking.isBlank() || shipments.contains(tracking)) {
                        continue;
                    }
                    List<String> unmatched = unmatchedUnits(tracked, shipment);
                    if (shipped.isEmpty() || !unmatched.isEmpty()) {
                        // never a guess at the lines: the parcel goes whole to an operator
                        LOG.warnf("SPOD shipment %s of %s has stock-keeping units %s that match no line of the order; held",
                                tracking, tracked.fulfillmentId(), unmatched);
                        facts.add(poll(tracked, FulfillmentHeld.UNMATCHED_SHIPMENT + "/" + tracking, sentAt,
                                new FulfillmentHeld(tracked.hubOrderId(), tracked.fulfillmentId(), Fulfiller.SPOD,
                                        FulfillmentHeld.UNMATCHED_SHIPMENT, unmatchedDetail(tracking, unmatched),
                                        parcel(shipment, tracking, sentAt), sentAt, tracked.resubmission())));
                        shipments.add(tracking);
                        continue;
                    }
                    facts.add(poll(tracked, tracking, sentAt, new ShipmentDispatched(tracked.hubOrderId(),
                            tracked.fulfillmentId(), Fulfiller.SPOD, carrier(shipment), tracking, shipment.trackingUrl(),
                            shipped, sentAt, tracked.resubmission(), shipment.service())));
                    shipments.add(tracking);
                }
                if (!ReportedState.SENT.equals(before)) {
                    Instant shippedAt = lastSent != null ? lastSent : updated;
                    facts.add(poll(tracked, ReportedState.SENT, shippedAt,
                            new FulfillmentShipped(tracked.hubOrderId(), tracked.fulfillmentId(), Fulfiller.SPOD, shippedAt,
                                    tracked.resubmission())));
                }
                after = ReportedState.SENT;
            }
            case ReportedState.FAILED -> {
                facts.add(poll(tracked, ReportedState.FAILED, updated, new FulfillmentRejected(tracked.hubOrderId(),
                        tracked.fulfillmentId(), Fulfiller.SPOD, "SPOD failed the order", null, null, updated, tracked.resubmission())));
                after = ReportedState.FAILED;
            }
            case ReportedState.CANCELED -> {
                facts.add(poll(tracked, ReportedState.CANCELED, updated, new FulfillmentCancelled(tracked.hubOrderId(),
                        tracked.fulfillmentId(), Fulfiller.SPOD, "cancelled at SPOD", updated, tracked.resubmission())));
                after = ReportedState.CANCELED;
            }
            default -> {
                // acknowledged, or a state the hub does not know: nothing to report yet
            }
        }
        return new Report(facts, after, shipments);
    }

    private static Envelope<FulfillmentAccepted> accepted(TrackedOrder tracked, SpodOrder order, Instant updated) {
        return poll(tracked, ReportedState.CONFIRMED, updated, new FulfillmentAccepted(tracked.hubOrderId(),
                tracked.fulfillmentId(), Fulfiller.SPOD, order.externalOrderId(), order.state(), updated, tracked.resubmission()));
    }

    private static <T extends Fact> Envelope<T> poll(TrackedOrder tracked, String what, Instant time, T fact) {
        // by the external id: a resubmission's facts are not its earlier submission's (the first's id is the fulfillment id)
        return new Envelope<>(MessageIds.derive(tracked.externalOrderId(), what), SpodFacts.SOURCE, time, fact);
    }

    /** The parcel as SPOD reported it, its items by SPOD's stock-keeping unit. */
    private static FulfillmentHeld.Parcel parcel(SpodOrder.Shipment shipment, String tracking, Instant sentAt) {
        List<FulfillmentHeld.Item> items = shipment.items().stream()
                .filter(item -> item.stockKeepingUnit() != null && !item.stockKeepingUnit().isBlank() && item.quantity() > 0)
                .map(item -> new FulfillmentHeld.Item(item.stockKeepingUnit(), item.quantity()))
                .toList();
        return new FulfillmentHeld.Parcel(carrier(shipment), tracking, shipment.trackingUrl(), items, sentAt);
    }

    /** The units of the parcel that no line of the order has (or that name no unit at all). */
    private static List<String> unmatchedUnits(TrackedOrder tracked, SpodOrder.Shipment shipment) {
        Set<String> units = new LinkedHashSet<>();
        tracked.lines().forEach(line -> units.add(line.stockKeepingUnit()));
        return shipment.items().stream()
                .map(item -> item.stockKeepingUnit() == null ? "(none)" : item.stockKeepingUnit())
                .filter(unit -> !units.contains(unit))
                .distinct()
                .toList();
    }

    private static String unmatchedDetail(String tracking, List<String> unmatched) {
        return unmatched.isEmpty()
                ? "SPOD shipment " + tracking + " lists no items"
                : "SPOD shipment " + tracking + " has stock-keeping units " + String.join(", ", unmatched)
                        + " that match no line of the print order";
    }

    private static String carrier(SpodOrder.Shipment shipment) {
        return shipment.carrier() == null || shipment.carrier().isBlank() ? "unknown" : shipment.carrier();
    }

    /**
     * The order lines in each shipment, by tracking number. Quantities of a stock-keeping unit fill the
     * order's lines with that unit in submit order, over all shipments from the first, so the answer is
     * the same on every poll; more than was ordered goes to the unit's last line.
     */
    static Map<String, List<LineQuantity>> linesPerShipment(TrackedOrder tracked, SpodOrder order) {
        Map<String, Integer> open = new HashMap<>();
        tracked.lines().forEach(line -> open.merge(line.lineId(), line.quantity(), Integer::sum));
        Map<String, List<LineQuantity>> result = new HashMap<>();
        for (SpodOrder.Shipment shipment : order.shipments()) {
            Map<String, Integer> inShipment = new LinkedHashMap<>();
            for (SpodOrder.ShipmentItem item : shipment.items()) {
                List<PrintLine> candidates = tracked.lines().stream()
                        .filter(line -> Objects.equals(line.stockKeepingUnit(), item.stockKeepingUnit()))
                        .toList();
                if (candidates.isEmpty()) {
                    continue; // the parcel is held whole (unmatchedUnits)
                }
                int left = item.quantity();
                for (PrintLine line : candidates) {
                    int take = Math.min(left, open.get(line.lineId()));
                    if (take > 0) {
                        inShipment.merge(line.lineId(), take, Integer::sum);
                        open.merge(line.lineId(), -take, Integer::sum);
                        left -= take;
                    }
                }
                if (left > 0) {
                    inShipment.merge(candidates.get(candidates.size() - 1).lineId(), left, Integer::sum);
                }
            }
            if (shipment.trackingNumber() != null) {
                result.put(shipment.trackingNumber(), inShipment.entrySet().stream()
                        .map(entry -> new LineQuantity(entry.getKey(), entry.getValue()))
                        .toList());
            }
        }
        return result;
    }
}
