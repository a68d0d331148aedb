package io.fulfillmenthub.orchestrator.domain;

import static io.fulfillmenthub.contracts.model.FulfillmentStatus.ACCEPTED;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.CANCELLATION_REQUESTED;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.CANCELLED;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.DELIVERED;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.ON_HOLD;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.PARTIALLY_SHIPPED;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.PENDING;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.PICKED_UP;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.READY_FOR_PICKUP;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.REJECTED;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.SHIPPED;
import static io.fulfillmenthub.contracts.model.FulfillmentStatus.SUBMITTED;

import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus.Status;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.LineQuantity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lines fulfilled from one place by one fulfiller, as a state machine. Each transition checks the
 * current status first and changes nothing when it throws {@link IllegalTransitionException}. The
 * commands a transition causes are built by {@link Order}, which knows the storefront.
 *
 * <pre>
 * PENDING ─submitted─► SUBMITTED ─accepted─► ACCEPTED ─shipment─► PARTIALLY_SHIPPED ─shipped─► SHIPPED ─delivered─► DELIVERED
 * ON_HOLD (not routable: reason)       any not yet shipped ─rejected─► REJECTED
 * not yet shipped ─cancel requested─► CANCELLATION_REQUESTED ─cancelled─► CANCELLED
 *                                                             ─cancellation rejected─► the status before
 * a store sale: PENDING ─submitted─► READY_FOR_PICKUP (pickup) | SUBMITTED (delivery) ─picked up─► PICKED_UP
 *                                                                                      ─dispatched─► SHIPPED
 * </pre>
 */
public final class Fulfillment {

    /** Sent to a fulfiller and nothing has left it yet: can be cancelled, rejected or shipped from. */
    private static final Set<FulfillmentStatus> AT_FULFILLER_UNSHIPPED = EnumSet.of(PENDING, SUBMITTED, ACCEPTED,
            READY_FOR_PICKUP, CANCELLATION_REQUESTED);
    /** A store sale the store has not handed over yet: it can still be cancelled, picked up or dispatched. */
    private static final Set<FulfillmentStatus> AT_STORE_OPEN = EnumSet.of(PENDING, SUBMITTED, READY_FOR_PICKUP,
            CANCELLATION_REQUESTED);

    private final String fulfillmentId;
    private final String sourceFulfillmentId;
    private final @Nullable Fulfiller fulfiller;
    private FulfillmentStatus status;
    private @Nullable FulfillmentStatus statusBeforeCancellation;
    private @Nullable String vendorReference;
    private @Nullable String holdReason;
    private @Nullable String rejectionReason;
    private @Nullable Status storefrontStatus;
    private @Nullable Hold hold;
    /** How often it was sent to its fulfiller: 1 for the first submission, n for the resubmission {@code -r<n>}. */
    private int submissions;
    private final List<FulfillmentLine> lines;
    /** Where and how a store hands it over; null unless routed to a store outlet. */
    private final @Nullable StoreSale store;

    /**
     * A fulfillment routed to a store outlet: a sale there awaiting pickup or dispatch.
     *
     * @param outlet the outlet's name in the hub's routing data
     * @param outletId the outlet's id at the point of sale
     */
    public record StoreSale(String outlet, String outletId, SaleMode mode) {

        public StoreSale {
            Objects.requireNonNull(outlet, "outlet");
            Objects.requireNonNull(outletId, "outletId");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * The fulfiller's connector handed the fulfillment to an operator ({@code FulfillmentHeld}).
     *
     * @param reason the fact's code, e.g. {@code unmatched-shipment}
     * @param statusBefore where it was, and where the fulfiller's later facts move it while it is held
     */
    public record Hold(String reason, @Nullable String detail, FulfillmentStatus statusBefore) {
    }

    public Fulfillment(String fulfillmentId, String sourceFulfillmentId, @Nullable Fulfiller fulfiller,
            FulfillmentStatus status, @Nullable FulfillmentStatus statusBeforeCancellation,
            @Nullable String vendorReference, @Nullable String holdReason, @Nullable String rejectionReason,
            @Nullable Status storefrontStatus, @Nullable Hold hold, int submissions, List<FulfillmentLine> lines) {
        this(fulfillmentId, sourceFulfillmentId, fulfiller, status, statusBeforeCancellation, vendorReference, holdReason,
                rejectionReason, storefrontStatus, hold, submissions, lines, null);
    }

    public Fulfillment(String fulfillmentId, String sourceFulfillmentId, @Nullable Fulfiller fulfiller,
            FulfillmentStatus status, @Nullable FulfillmentStatus statusBeforeCancellation,
            @Nullable String vendorReference, @Nullable String holdReason, @Nullable String rejectionReason,
            @Nullable Status storefrontStatus, @Nullable Hold hold, int submissions, List<FulfillmentLine> lines,
            @Nullable StoreSale store) {
        this.store = store;
        this.fulfillmentId = Objects.requireNonNull(fulfillmentId, "fulfillmentId");
        this.sourceFulfillmentId = Objects.requireNonNull(sourceFulfillmentId, "sourceFulfillmentId");
        this.fulfiller = fulfiller;
        this.status = Objects.requireNonNull(status, "status");
        this.statusBeforeCancellation = statusBeforeCancellation;
        this.vendorReference = vendorReference;
        this.holdReason = holdReason;
        this.rejectionReason = rejectionReason;
        this.storefrontStatus = storefrontStatus;
        this.hold = hold;
        if (submissions < 1) {
            throw new IllegalArgumentException("submissions must be at least 1, was " + submissions);
        }
        this.submissions = submissions;
        this.lines = new ArrayList<>(lines);
    }

    /** {@code <hub order id>:<source fulfillment id>}: no slash, so it is one path segment at the fulfiller (docs/first-channel.md). */
    public static String idOf(String hubOrderId, String sourceFulfillmentId) {
        return hubOrderId + ":" + sourceFulfillmentId;
    }

    static Fulfillment routed(String hubOrderId, String sourceFulfillmentId, Fulfiller fulfiller,
            List<FulfillmentLine> lines) {
        return new Fulfillment(idOf(hubOrderId, sourceFulfillmentId), sourceFulfillmentId, fulfiller, PENDING, null,
                null, null, null, null, null, 1, lines);
    }

    static Fulfillment routedToStore(String hubOrderId, String sourceFulfillmentId, Fulfiller fulfiller,
            StoreSale store, List<FulfillmentLine> lines) {
        return new Fulfillment(idOf(hubOrderId, sourceFulfillmentId), sourceFulfillmentId, fulfiller, PENDING, null,
                null, null, null, null, null, 1, lines, store);
    }

    static Fulfillment onHold(String hubOrderId, String sourceFulfillmentId, String reason, List<FulfillmentLine> lines) {
        return new Fulfillment(idOf(hubOrderId, sourceFulfillmentId), sourceFulfillmentId, null, ON_HOLD, null, null,
                reason, null, null, null, 1, lines);
    }

    /** The order was cancelled at source before it arrived: never routed, never sent. */
    static Fulfillment cancelledBeforeRouting(String hubOrderId, String sourceFulfillmentId, List<FulfillmentLine> lines) {
        return new Fulfillment(idOf(hubOrderId, sourceFulfillmentId), sourceFulfillmentId, null, CANCELLED, null, null,
                null, null, null, null, 1, lines);
    }

    /**
     * Whether it can be sent to its fulfiller again: the fulfiller failed it ({@code REJECTED}) or cancelled it on
     * its own ({@code CANCELLED} without the hub asking: the caller knows whether the storefront cancelled).
     */
    boolean isResubmittable() {
        return fulfiller != null && (status == REJECTED || status == CANCELLED);
    }

    /**
     * Sent to its fulfiller again under the next external id ({@code <fulfillmentId>-r<n>}): PENDING as new, what
     * the last submission left (its reference, rejection, hold) cleared. Its lines and what the storefront was told
     * stay.
     */
    void resubmitted() {
        if (!isResubmittable()) {
            throw IllegalTransitionException.of("fulfillment " + fulfillmentId, status, "be resubmitted");
        }
        submissions++;
        status = PENDING;
        statusBeforeCancellation = null;
        vendorReference = null;
        rejectionReason = null;
        holdReason = null;
        hold = null;
    }

    void submitted(String reference) {
        require(EnumSet.of(PENDING, CANCELLATION_REQUESTED), "be submitted");
        vendorReference = reference;
        // a store sale waits at the outlet: for the customer (pickup) or for its dispatch (delivery)
        FulfillmentStatus at = store == null || store.mode() == SaleMode.DELIVERY ? SUBMITTED : READY_FOR_PICKUP;
        if (status == PENDING) {
            status = at;
        } else if (statusBeforeCancellation == PENDING) {
            statusBeforeCancellation = at;
        }
    }

    /** Whether the fulfiller reported this very submission already (a store sale's fact again, with a new id). */
    boolean isSubmittedAs(String reference) {
        return store != null && reference.equals(vendorReference) && EnumSet.of(SUBMITTED, READY_FOR_PICKUP,
                CANCELLATION_REQUESTED).contains(status);
    }

    /** The customer collected the store sale: every line handed over. A cancellation asked for comes too late. */
    void pickedUp() {
        requireStore("be picked up");
        require(AT_STORE_OPEN, "be picked up");
        handedOver(PICKED_UP);
    }

    /** The store dispatched the sale (local delivery): every line left, SHIPPED. */
    void dispatchedFromStore() {
        requireStore("be dispatched from a store");
        require(AT_STORE_OPEN, "be dispatched");
        handedOver(SHIPPED);
    }

    private void handedOver(FulfillmentStatus next) {
        List<FulfillmentLine> all = lines.stream().map(line -> line.withShipped(line.remaining())).toList();
        lines.clear();
        lines.addAll(all);
        statusBeforeCancellation = null;
        status = next;
    }

    /** Whether the store can be asked to hand it over now: its sale exists and waits. */
    boolean isOpenAtStore() {
        return store != null && vendorReference != null && (status == READY_FOR_PICKUP || status == SUBMITTED);
    }

    private void requireStore(String transition) {
        if (store == null) {
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is not a store sale: it cannot "
                    + transition);
        }
    }

    void accepted(@Nullable String reference) {
        require(EnumSet.of(PENDING, SUBMITTED, CANCELLATION_REQUESTED), "be accepted");
        if (reference != null) {
            vendorReference = reference;
        }
        if (status != CANCELLATION_REQUESTED) {
            status = ACCEPTED;
        } else if (statusBeforeCancellation != null) {
            statusBeforeCancellation = ACCEPTED;
        }
    }

    void rejected(String reason) {
        require(AT_FULFILLER_UNSHIPPED, "be rejected");
        rejectionReason = reason;
        status = REJECTED;
    }

    /** Adds one shipment's quantities; every line must be on this fulfillment and still to ship. */
    void shipmentDispatched(List<LineQuantity> shipped) {
        require(EnumSet.of(PENDING, SUBMITTED, ACCEPTED, PARTIALLY_SHIPPED, CANCELLATION_REQUESTED), "ship a parcel");
        addShipped(shipped);
        // a parcel leaving means the fulfiller did not cancel
        statusBeforeCancellation = null;
        status = PARTIALLY_SHIPPED;
    }

    /** Adds the quantities, or throws before changing anything when a line is not here or has less left. */
    private void addShipped(List<LineQuantity> shipped) {
        List<FulfillmentLine> updated = new ArrayList<>(lines);
        for (LineQuantity quantity : shipped) {
            int index = indexOf(updated, quantity.lineId());
            if (index < 0) {
                throw new QuantityExceededException("fulfillment " + fulfillmentId + " has no line " + quantity.lineId());
            }
            FulfillmentLine line = updated.get(index);
            if (quantity.quantity() > line.remaining()) {
                throw new QuantityExceededException("fulfillment " + fulfillmentId + " line " + quantity.lineId()
                        + ": shipping " + quantity.quantity() + " but only " + line.remaining() + " of "
                        + line.ordered() + " left to ship");
            }
            updated.set(index, line.withShipped(quantity.quantity()));
        }
        lines.clear();
        lines.addAll(updated);
    }

    /**
     * The fulfiller's connector holds the fulfillment for an operator. Held again (another parcel), it stays
     * held with the latest reason.
     */
    void held(String reason, @Nullable String detail) {
        require(EnumSet.of(PENDING, SUBMITTED, ACCEPTED, PARTIALLY_SHIPPED, ON_HOLD), "be held");
        if (status == ON_HOLD && hold == null) {
            throw IllegalTransitionException.of("fulfillment " + fulfillmentId + " (never routed)", status, "be held");
        }
        hold = new Hold(reason, detail, hold == null ? status : hold.statusBefore());
        holdReason = reason + (detail == null ? "" : ": " + detail);
        status = ON_HOLD;
    }

    /** Whether the fulfiller's connector holds it (not a fulfillment that could not be routed). */
    boolean isHeldByItsFulfiller() {
        return status == ON_HOLD && hold != null;
    }

    /** An operator says which lines a held parcel holds: its quantities are added, the hold stays. */
    void heldParcelAssigned(List<LineQuantity> shipped) {
        if (!isHeldByItsFulfiller()) {
            throw IllegalTransitionException.of("fulfillment " + fulfillmentId, status, "take a held parcel");
        }
        addShipped(shipped);
    }

    /**
     * Leaves the hold for the status its shipments give: SHIPPED when every line is shipped or the fulfiller
     * said every parcel was sent, PARTIALLY_SHIPPED when some are, else where it was.
     */
    void released() {
        if (!isHeldByItsFulfiller()) {
            throw IllegalTransitionException.of("fulfillment " + fulfillmentId, status, "be released");
        }
        boolean allShipped = lines.stream().allMatch(line -> line.remaining() == 0);
        boolean someShipped = lines.stream().anyMatch(line -> line.shipped() > 0);
        FulfillmentStatus before = hold.statusBefore();
        status = allShipped || before == SHIPPED && someShipped ? SHIPPED : someShipped ? PARTIALLY_SHIPPED : before;
        hold = null;
        holdReason = null;
    }
    /** Every parcel has left; what has not shipped by now is short. Held, it is remembered for the release. */
    void shipped() {
        if (isHeldByItsFulfiller()) {
            hold = new Hold(hold.reason(), hold.detail(), SHIPPED);
            return;
        }
        require(EnumSet.of(PARTIALLY_SHIPPED), "be marked shipped (no shipment recorded)");
        status = SHIPPED;
    }

    void delivered() {
        require(EnumSet.of(SHIPPED), "be delivered");
        status = DELIVERED;
    }

    /** True when a cancel must be sent to the fulfiller; an unrouted fulfillment is cancelled at once. */
    boolean requestCancellation() {
        if (status == ON_HOLD && hold == null) {
            status = CANCELLED;
            return false;
        }
        if (status == ON_HOLD) {
            // held by its fulfiller before anything left: the fulfiller still has it
            statusBeforeCancellation = ON_HOLD;
            status = CANCELLATION_REQUESTED;
            return true;
        }
        require(EnumSet.of(PENDING, SUBMITTED, ACCEPTED, READY_FOR_PICKUP), "be cancelled");
        statusBeforeCancellation = status;
        status = CANCELLATION_REQUESTED;
        return true;
    }

    boolean isCancellable() {
        if (status == ON_HOLD) {
            return hold == null || !hasShippedLines();
        }
        return EnumSet.of(PENDING, SUBMITTED, ACCEPTED, READY_FOR_PICKUP).contains(status);
    }

    private boolean hasShippedLines() {
        return lines.stream().anyMatch(line -> line.shipped() > 0);
    }

    void cancelled() {
        require(EnumSet.of(ON_HOLD, PENDING, SUBMITTED, ACCEPTED, READY_FOR_PICKUP, CANCELLATION_REQUESTED),
                "be cancelled");
        if (status == ON_HOLD && hasShippedLines()) {
            throw IllegalTransitionException.of("fulfillment " + fulfillmentId + " (a parcel left)", status, "be cancelled");
        }
        statusBeforeCancellation = null;
        status = CANCELLED;
    }

    /** The fulfiller keeps the fulfillment: back to where it was. Outside a pending cancel it changes nothing. */
    void cancellationRejected() {
        if (status == CANCELLATION_REQUESTED) {
            status = statusBeforeCancellation == null ? SUBMITTED : statusBeforeCancellation;
            statusBeforeCancellation = null;
        }
    }

    /**
     * Records that the storefront is told this status, unless it was told it or a later one already: each
     * status goes to the storefront once, and never backwards.
     *
     * @return whether to tell it
     */
    boolean tellStorefront(Status next) {
        if (storefrontStatus != null && storefrontStatus.compareTo(next) >= 0) {
            return false;
        }
        storefrontStatus = next;
        return true;
    }

    private void require(Set<FulfillmentStatus> allowed, String transition) {
        if (!allowed.contains(status)) {
            throw IllegalTransitionException.of("fulfillment " + fulfillmentId, status, transition);
        }
    }

    private static int indexOf(List<FulfillmentLine> lines, String lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineId().equals(lineId)) {
                return i;
            }
        }
        return -1;
    }

    /** Every line with the quantity shipped so far; a short line shows less than ordered. */
    public List<LineQuantity> shippedQuantities() {
        return lines.stream().map(line -> new LineQuantity(line.lineId(), line.shipped())).toList();
    }

    boolean isActive() {
        return status != CANCELLED && status != REJECTED;
    }

    public String fulfillmentId() {
        return fulfillmentId;
    }

    public String sourceFulfillmentId() {
        return sourceFulfillmentId;
    }

    public @Nullable Fulfiller fulfiller() {
        return fulfiller;
    }

    public FulfillmentStatus status() {
        return status;
    }

    public @Nullable FulfillmentStatus statusBeforeCancellation() {
        return statusBeforeCancellation;
    }

    public @Nullable String vendorReference() {
        return vendorReference;
    }

    public @Nullable String holdReason() {
        return holdReason;
    }

    public @Nullable String rejectionReason() {
        return rejectionReason;
    }

    /** The last status the storefront was told, null before the first. */
    public @Nullable Status storefrontStatus() {
        return storefrontStatus;
    }

    public List<FulfillmentLine> lines() {
        return List.copyOf(lines);
    }

    boolean isShippedOrLater() {
        return status == SHIPPED || status == DELIVERED || status == PICKED_UP;
    }

    /** Nothing more to come: the customer has it (delivered, or collected at the store). */
    boolean isComplete() {
        return status == DELIVERED || status == PICKED_UP;
    }

    /** Null unless routed to a store outlet. */
    public @Nullable StoreSale store() {
        return store;
    }

    boolean hasShipped() {
        return status == PARTIALLY_SHIPPED || isShippedOrLater() || hasShippedLines();
    }

    public @Nullable Hold hold() {
        return hold;
    }

    public int submissions() {
        return submissions;
    }

    /** The current submission's external id at the fulfiller when it is a resubmission; null for the first. */
    public @Nullable String externalOrderId() {
        return submissions == 1 ? null : externalOrderIdOf(fulfillmentId, submissions);
    }

    /** The current submission's external id at the fulfiller: {@link #externalOrderId()}, else the fulfillment id. */
    public String externalIdAtFulfiller() {
        return submissions == 1 ? fulfillmentId : externalOrderIdOf(fulfillmentId, submissions);
    }

    /** {@code <fulfillmentId>-r<n>}: the external id of the n-th submission (n >= 2), as agreed in the contracts. */
    public static String externalOrderIdOf(String fulfillmentId, int submission) {
        return fulfillmentId + "-r" + submission;
    }
}
