package io.fulfillmenthub.orchestrator.domain;

import static io.fulfillmenthub.contracts.model.OrderStatus.AWAITING_FULFILLABLE;
import static io.fulfillmenthub.contracts.model.OrderStatus.CANCELLED;
import static io.fulfillmenthub.contracts.model.OrderStatus.COMPLETED;
import static io.fulfillmenthub.contracts.model.OrderStatus.FAILED;
import static io.fulfillmenthub.contracts.model.OrderStatus.IN_FULFILLMENT;
import static io.fulfillmenthub.contracts.model.OrderStatus.ON_HOLD;
import static io.fulfillmenthub.contracts.model.OrderStatus.PARTIALLY_SHIPPED;
import static io.fulfillmenthub.contracts.model.OrderStatus.RECEIVED;
import static io.fulfillmenthub.contracts.model.OrderStatus.SHIPPED;

import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus.Status;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentPickedUp;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.facts.ShipmentDelivered;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.facts.TimelineNoted;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.contracts.orders.OrderStatusChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A storefront order with its fulfillments and shipments: the aggregate every fact is applied to.
 * Each fact is a method that returns the commands and lifecycle events it causes and records what it
 * changed, with its cause, on the timeline ({@link #newTimelineEntries()}). A fact the state does not
 * allow throws {@link IllegalTransitionException} before anything changes.
 *
 * <p>The order's status follows its fulfillments (a fulfillment not cancelled or rejected is active):
 * all active delivered is COMPLETED, all active shipped SHIPPED, some shipped PARTIALLY_SHIPPED, all on
 * hold ON_HOLD; none active is CANCELLED (cancelled at source, or cancelled by the fulfiller) or FAILED
 * (rejected). Every change of the order's status publishes {@link OrderStatusChanged}.
 */
public final class Order {

    private static final Map<OrderStatus, Set<OrderStatus>> ORDER_TRANSITIONS = new EnumMap<>(OrderStatus.class);

    static {
        ORDER_TRANSITIONS.put(RECEIVED, EnumSet.of(AWAITING_FULFILLABLE, ON_HOLD, IN_FULFILLMENT, CANCELLED));
        ORDER_TRANSITIONS.put(AWAITING_FULFILLABLE, EnumSet.of(ON_HOLD, IN_FULFILLMENT, CANCELLED));
        ORDER_TRANSITIONS.put(ON_HOLD, EnumSet.of(IN_FULFILLMENT, PARTIALLY_SHIPPED, SHIPPED, COMPLETED, CANCELLED, FAILED));
        ORDER_TRANSITIONS.put(IN_FULFILLMENT,
                EnumSet.of(ON_HOLD, PARTIALLY_SHIPPED, SHIPPED, COMPLETED, CANCELLED, FAILED));
        // ON_HOLD: a fulfillment held by its fulfiller's connector (FulfillmentHeld) after a parcel left
        ORDER_TRANSITIONS.put(PARTIALLY_SHIPPED, EnumSet.of(SHIPPED, COMPLETED, ON_HOLD));
        ORDER_TRANSITIONS.put(SHIPPED, EnumSet.of(COMPLETED));
        ORDER_TRANSITIONS.put(COMPLETED, EnumSet.noneOf(OrderStatus.class));
        ORDER_TRANSITIONS.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
        ORDER_TRANSITIONS.put(FAILED, EnumSet.noneOf(OrderStatus.class));
    }

    private static final Set<OrderStatus> FINAL = EnumSet.of(COMPLETED, CANCELLED, FAILED);

    /** COMPLETED, CANCELLED, FAILED: no fact moves an order out of them (only an operator's resubmission reopens one). */
    public static Set<OrderStatus> finalStatuses() {
        return Set.copyOf(FINAL);
    }

    private final String hubOrderId;
    private final Storefront storefront;
    private final String sourceOrderId;
    private final String orderNumber;
    private final @Nullable String currency;
    private final @Nullable String customerEmail;
    private final Address shippingAddress;
    private final Instant placedAt;
    private OrderStatus status;
    private boolean cancelledAtSource;
    private @Nullable String holdReason;
    /** The storefront's payment state; null for orders stored before the hub kept it (V12). */
    private @Nullable PaymentStatus payment;
    /** When the grace period of an order under the hub's fulfillable rule ends; null when its storefront decides. */
    private @Nullable Instant fulfillableAfter;
    /** The storefront sent no fulfillments: the hub formed them from the lines by its routing rules. */
    private boolean hubFormsFulfillments;
    private final List<OrderLine> lines;
    private final List<Fulfillment> fulfillments;
    private final List<Shipment> shipments;
    private final List<HeldParcel> heldParcels;
    private final List<TimelineEntry> newTimelineEntries = new ArrayList<>();

    /** Restores an order as stored. */
    public Order(String hubOrderId, Storefront storefront, String sourceOrderId, String orderNumber,
            @Nullable String currency, @Nullable String customerEmail, Address shippingAddress, Instant placedAt,
            OrderStatus status, boolean cancelledAtSource, @Nullable String holdReason, @Nullable PaymentStatus payment,
            @Nullable Instant fulfillableAfter, boolean hubFormsFulfillments, List<OrderLine> lines,
            List<Fulfillment> fulfillments, List<Shipment> shipments, List<HeldParcel> heldParcels) {
        this.payment = payment;
        this.fulfillableAfter = fulfillableAfter;
        this.hubFormsFulfillments = hubFormsFulfillments;
        this.hubOrderId = Objects.requireNonNull(hubOrderId, "hubOrderId");
        this.storefront = Objects.requireNonNull(storefront, "storefront");
        this.sourceOrderId = Objects.requireNonNull(sourceOrderId, "sourceOrderId");
        this.orderNumber = Objects.requireNonNull(orderNumber, "orderNumber");
        this.currency = currency;
        this.customerEmail = customerEmail;
        this.shippingAddress = Objects.requireNonNull(shippingAddress, "shippingAddress");
        this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
        this.status = Objects.requireNonNull(status, "status");
        this.cancelledAtSource = cancelledAtSource;
        this.holdReason = holdReason;
        this.lines = new ArrayList<>(lines);
        this.fulfillments = new ArrayList<>(fulfillments);
        this.shipments = new ArrayList<>(shipments);
        this.heldParcels = new ArrayList<>(heldParcels);
    }

    /** A new order and what placing it causes. */
    public record Placement(Order order, List<Outgoing> messages) {
    }

    /** Receives an order now, with storefront-formed fulfillments only and the default fulfillable rule. */
    public static Placement place(OrderPlaced fact, Cause cause, FulfillmentRouting routing, FulfillerCommands commands) {
        return place(fact, cause, HubRules.of(routing, commands), Instant.now(), null);
    }

    /**
     * Receives an order, as {@link #place(OrderPlaced, Cause, FulfillmentRouting, FulfillerCommands)} does; when the storefront's
     * cancellation came first, the order is cancelled at once: its fulfillments are kept as CANCELLED and
     * nothing goes to a fulfiller.
     */
    public static Placement place(OrderPlaced fact, Cause cause, FulfillmentRouting routing, FulfillerCommands commands,
            @Nullable EarlyCancellation early) {
        return place(fact, cause, HubRules.of(routing, commands), Instant.now(), early);
    }

    /**
     * Receives an order. When the storefront says it is fulfillable, each of its fulfillments is routed: to a
     * fulfiller with a submit command, or on hold with the reason. Otherwise the hub's fulfillable rule
     * decides ({@link FulfillableRule}): the order waits in AWAITING_FULFILLABLE, its timeline saying why,
     * until it is paid and its grace period has passed, and is fulfillable at once when both already hold (a
     * late order). When the storefront's cancellation came first, the order is cancelled at once.
     *
     * @param now the time the rule compares the grace period with
     */
    public static Placement place(OrderPlaced fact, Cause cause, HubRules rules, Instant now,
            @Nullable EarlyCancellation early) {
        FulfillmentRouting routing = rules.routing();
        FulfillerCommands commands = rules.commands();
        Order order = new Order(fact.hubOrderId(), fact.storefront(), fact.sourceOrderId(), fact.orderNumber(),
                fact.currency(), fact.customerEmail(), fact.shippingAddress(), fact.placedAt(), RECEIVED, false, null,
                null, null, false, fact.lines(), List.of(), List.of(), List.of());
        List<Outgoing> out = new ArrayList<>();
        order.record(cause, null, null, RECEIVED, "order " + fact.orderNumber() + " received from " + fact.storefront()
                + " with " + fact.lines().size() + " line(s), " + fact.sourceFulfillments().size() + " fulfillment(s)");
        out.add(order.statusChanged(null, cause));
        if (early != null) {
            order.cancelledBeforeItArrived(fact, early, cause, out);
            return new Placement(order, out);
        }
        if (!fact.fulfillableAtSource()) {
            order.payment = fact.payment();
            order.fulfillableAfter = fact.placedAt().plus(rules.fulfillable().gracePeriod(fact.storefront()));
            order.moveTo(AWAITING_FULFILLABLE, cause, "not fulfillable at the storefront: the hub's fulfillable rule applies "
                    + "(paid, grace period of " + rules.fulfillable().gracePeriod(fact.storefront()) + " passed, not cancelled)",
                    out);
            order.fulfillableOrWaiting(fact.sourceFulfillments(), rules, now, cause, out);
            return new Placement(order, out);
        }
        order.payment = fact.payment();
        if (fact.sourceFulfillments().isEmpty()) {
            order.holdReason = "the storefront sent no fulfillments";
        }
        Map<String, OrderLine> linesById = fact.lines().stream()
                .collect(Collectors.toMap(OrderLine::lineId, line -> line, (a, b) -> a, LinkedHashMap::new));
        for (SourceFulfillment source : fact.sourceFulfillments()) {
            out.addAll(order.route(source, routing.route(source, linesById), linesById, commands, cause));
        }
        order.moveTo(order.derivedStatus(), cause, "fulfillable at the storefront", out);
        return new Placement(order, out);
    }

    private List<Outgoing> route(SourceFulfillment source, Route routed, Map<String, OrderLine> linesById,
            FulfillerCommands commands, Cause cause) {
        List<FulfillmentLine> fulfillmentLines = new ArrayList<>();
        Fulfiller routedTo = routed instanceof Route.Print print ? print.fulfiller()
                : routed instanceof Route.Store store ? store.fulfiller() : null;
        // a fulfiller the hub has no commands for is held, not sent another fulfiller's command
        Route route = routedTo != null && !commands.maps(routedTo)
                ? new Route.Hold("routed to " + routedTo + ", but the hub has no commands for "
                        + routedTo + " (fulfillment " + source.sourceFulfillmentId() + ")")
                : routed;
        Map<String, String> fulfillerSkus = route instanceof Route.Print print
                ? print.items().stream().collect(Collectors.toMap(SubmitPrintOrder.Item::lineId,
                        SubmitPrintOrder.Item::stockKeepingUnit, (a, b) -> a))
                : route instanceof Route.Store store
                        ? store.lines().stream().collect(Collectors.toMap(CreateSale.Line::lineId,
                                CreateSale.Line::productId, (a, b) -> a))
                        : Map.of();
        for (LineQuantity quantity : source.lines()) {
            if (quantity.quantity() > 0) {
                OrderLine line = linesById.get(quantity.lineId());
                fulfillmentLines.add(new FulfillmentLine(quantity.lineId(), line == null ? null : line.sku(),
                        fulfillerSkus.get(quantity.lineId()), quantity.quantity(), 0));
            }
        }
        if (route instanceof Route.Print print && !fulfillmentLines.isEmpty()) {
            Fulfillment fulfillment = Fulfillment.routed(hubOrderId, source.sourceFulfillmentId(), print.fulfiller(),
                    fulfillmentLines);
            fulfillments.add(fulfillment);
            record(cause, fulfillment.fulfillmentId(), null, fulfillment.status(), "routed to " + print.fulfiller());
            return List.of(new Outgoing("submit-print-order/" + fulfillment.fulfillmentId(), commands.command(
                    new FulfillerIntent.Submit(print.fulfiller(), hubOrderId, fulfillment.fulfillmentId(), null, print,
                            shippingAddress, storefrontOrder()))));
        }
        if (route instanceof Route.Store store && !fulfillmentLines.isEmpty()) {
            Fulfillment fulfillment = Fulfillment.routedToStore(hubOrderId, source.sourceFulfillmentId(), store.fulfiller(),
                    new Fulfillment.StoreSale(store.outlet(), store.outletId(), store.mode()), fulfillmentLines);
            fulfillments.add(fulfillment);
            record(cause, fulfillment.fulfillmentId(), null, fulfillment.status(), "routed to " + store.fulfiller()
                    + " outlet " + store.outlet() + " (" + store.outletId() + ") for " + describe(store.mode()));
            return List.of(new Outgoing("create-sale/" + fulfillment.fulfillmentId(), commands.command(
                    new FulfillerIntent.Submit(store.fulfiller(), hubOrderId, fulfillment.fulfillmentId(), null, store,
                            shippingAddress, storefrontOrder()))));
        }
        String reason = route instanceof Route.Hold hold ? hold.reason()
                : "fulfillment " + source.sourceFulfillmentId() + " has no quantity to fulfil";
        Fulfillment held = Fulfillment.onHold(hubOrderId, source.sourceFulfillmentId(), reason, fulfillmentLines);
        fulfillments.add(held);
        record(cause, held.fulfillmentId(), null, held.status(), "on hold: " + reason);
        return List.of();
    }

    private void cancelledBeforeItArrived(OrderPlaced fact, EarlyCancellation early, Cause cause, List<Outgoing> out) {
        OrderCancelledAtSource cancelled = early.fact();
        cancelledAtSource = true;
        record(early.cause(), null, status, status, "cancelled at " + cancelled.storefront() + " before the order arrived: "
                + (cancelled.reason() == null ? "cancelled at source" : cancelled.reason()));
        for (SourceFulfillment source : fact.sourceFulfillments()) {
            List<FulfillmentLine> fulfillmentLines = source.lines().stream().filter(quantity -> quantity.quantity() > 0)
                    .map(quantity -> new FulfillmentLine(quantity.lineId(), fact.lines().stream()
                            .filter(line -> line.lineId().equals(quantity.lineId())).map(OrderLine::sku).findFirst()
                            .orElse(null), null, quantity.quantity(), 0))
                    .toList();
            if (!fulfillmentLines.isEmpty()) {
                Fulfillment fulfillment = Fulfillment.cancelledBeforeRouting(hubOrderId, source.sourceFulfillmentId(),
                        fulfillmentLines);
                fulfillments.add(fulfillment);
                record(cause, fulfillment.fulfillmentId(), null, fulfillment.status(), "cancelled at source before routing");
            }
        }
        moveTo(derivedStatus(), cause, "cancelled at source before the order arrived: nothing sent to a fulfiller", out);
    }

    /** A repeat of the order (another delivery of the storefront's webhook): nothing changes. */
    public List<Outgoing> placedAgain(Cause cause) {
        record(cause, null, status, status, "order already received; repeated order ignored");
        return List.of();
    }

    /**
     * The storefront publishes the order again because it learnt more (another {@code ce_id}). An order still
     * AWAITING_FULFILLABLE takes the newer payment state and {@code fulfillableAtSource} and is decided again:
     * fulfillable at the storefront now, it goes on at once; else by the hub's rule. In any other state it is
     * a repeat ({@link #placedAgain(Cause)}).
     */
    public List<Outgoing> placedAgain(OrderPlaced fact, Cause cause, HubRules rules, Instant now) {
        if (status != AWAITING_FULFILLABLE) {
            return placedAgain(cause);
        }
        List<Outgoing> out = new ArrayList<>();
        PaymentStatus before = payment;
        payment = fact.payment();
        if (fact.fulfillableAtSource()) {
            record(cause, null, status, status, "fulfillable at the storefront now (payment " + payment + ")");
            becomeFulfillable(fact.sourceFulfillments(), rules, cause, "fulfillable at the storefront", out);
            return out;
        }
        if (fulfillableAfter == null) {
            fulfillableAfter = placedAt.plus(rules.fulfillable().gracePeriod(storefront));
        }
        record(cause, null, status, status, before == payment ? "order received again, payment still " + payment
                : "payment " + (before == null ? "unknown" : before) + " → " + payment);
        fulfillableOrWaiting(fact.sourceFulfillments(), rules, now, cause, out);
        return out;
    }

    /**
     * The grace-period timer fired: the order goes to its fulfillers when the rule now holds. Nothing happens
     * to an order no longer awaiting fulfillable (cancelled, or fulfillable already: a timer fired twice) nor
     * to one not paid (noted); an early timer leaves it waiting.
     *
     * @param cause the timer's, {@code at} its due time
     */
    public List<Outgoing> gracePeriodEnded(HubRules rules, Instant now, Cause cause) {
        if (status != AWAITING_FULFILLABLE) {
            record(cause, null, status, status, "grace period ended; order is " + status + ": nothing to do");
            return List.of();
        }
        List<Outgoing> out = new ArrayList<>();
        fulfillableOrWaiting(List.of(), rules, now, cause, out);
        return out;
    }

    /**
     * Why the order waits, as the operations API shows it; null when it does not wait (it is not
     * AWAITING_FULFILLABLE).
     */
    public @Nullable Waiting waiting(Instant now) {
        if (status != AWAITING_FULFILLABLE) {
            return null;
        }
        if (payment == PaymentStatus.PENDING || payment == null) {
            return new Waiting("awaiting payment", null);
        }
        if (payment == PaymentStatus.REFUNDED) {
            return new Waiting("refunded: not sent", null);
        }
        if (fulfillableAfter == null) {
            return new Waiting("not yet fulfillable at the storefront", null);
        }
        if (now.isBefore(fulfillableAfter)) {
            return new Waiting("in grace period until " + fulfillableAfter, fulfillableAfter);
        }
        return new Waiting("fulfillable at " + fulfillableAfter, fulfillableAfter);
    }

    /**
     * When the order's grace-period timer is due: it waits under the hub's rule, paid, for its grace period to
     * pass. Null when no timer is wanted (not waiting, or waiting for a payment, which the storefront announces).
     */
    public @Nullable Instant gracePeriodTimer() {
        return status == AWAITING_FULFILLABLE && payment != null && FulfillableRule.paymentSatisfied(payment)
                ? fulfillableAfter : null;
    }

    private void fulfillableOrWaiting(List<SourceFulfillment> fromStorefront, HubRules rules, Instant now, Cause cause,
            List<Outgoing> out) {
        Waiting waiting = waiting(now);
        if (waiting != null && (waiting.until() == null || now.isBefore(waiting.until()))) {
            record(cause, null, status, status, waiting.reason());
            return;
        }
        becomeFulfillable(fromStorefront, rules, cause, "fulfillable at " + now + " (" + payment
                + ", grace period ended " + fulfillableAfter + ", not cancelled)", out);
    }

    /**
     * The order goes to its fulfillers: the storefront's fulfillments when it sent any, else those the hub forms
     * from the lines by its routing rules (a group no rule takes is on hold with the reason).
     */
    private void becomeFulfillable(List<SourceFulfillment> fromStorefront, HubRules rules, Cause cause, String why,
            List<Outgoing> out) {
        Map<String, OrderLine> linesById = lines.stream()
                .collect(Collectors.toMap(OrderLine::lineId, line -> line, (a, b) -> a, LinkedHashMap::new));
        if (fromStorefront.isEmpty()) {
            hubFormsFulfillments = true;
            for (FormedFulfillment formed : rules.forming().form(storefront, sourceOrderId, lines)) {
                if (formed.holdReason() == null) {
                    out.addAll(route(formed.fulfillment(), rules.routing().route(formed, linesById), linesById,
                            rules.commands(), cause));
                } else {
                    List<FulfillmentLine> held = formed.fulfillment().lines().stream().map(quantity -> new FulfillmentLine(
                            quantity.lineId(), linesById.get(quantity.lineId()).sku(), null, quantity.quantity(), 0))
                            .toList();
                    Fulfillment fulfillment = Fulfillment.onHold(hubOrderId,
                            formed.fulfillment().sourceFulfillmentId(), formed.holdReason(), held);
                    fulfillments.add(fulfillment);
                    record(cause, fulfillment.fulfillmentId(), null, fulfillment.status(), "on hold: " + formed.holdReason());
                }
            }
        } else {
            for (SourceFulfillment source : fromStorefront) {
                out.addAll(route(source, rules.routing().route(source, linesById), linesById, rules.commands(), cause));
            }
        }
        moveTo(derivedStatus(), cause, why, out);
    }

    /** The storefront cancelled: every fulfillment not yet shipped is cancelled, at its fulfiller if sent there. */
    public List<Outgoing> cancelAtSource(OrderCancelledAtSource fact, FulfillerCommands commands, Cause cause) {
        if (cancelledAtSource) {
            record(cause, null, status, status, "already cancelled at source");
            return List.of();
        }
        requireNotFinal("be cancelled at source");
        String reason = fact.reason() == null ? "cancelled at source" : fact.reason();
        cancelledAtSource = true;
        record(cause, null, status, status, "cancelled at " + fact.storefront() + ": " + reason);
        List<Outgoing> out = new ArrayList<>();
        for (Fulfillment fulfillment : fulfillments) {
            FulfillmentStatus from = fulfillment.status();
            if (fulfillment.isCancellable()) {
                boolean atFulfiller = fulfillment.requestCancellation();
                record(cause, fulfillment.fulfillmentId(), from, fulfillment.status(),
                        atFulfiller ? "cancellation requested from " + fulfillment.fulfiller() : "cancelled before routing");
                if (atFulfiller) {
                    String what = fulfillment.store() == null ? "cancel-print-order/" : "cancel-sale/";
                    out.add(new Outgoing(what + fulfillment.fulfillmentId(), commands.command(
                            new FulfillerIntent.Cancel(fulfillment.fulfiller(), hubOrderId, fulfillment.fulfillmentId(),
                                    fulfillment.externalOrderId(), reason))));
                }
            } else if (fulfillment.isActive()) {
                record(cause, fulfillment.fulfillmentId(), from, from, "not cancelled: " + from);
            }
        }
        moveTo(derivedStatus(), cause, "cancelled at source", out);
        return out;
    }

    /**
     * An operator sends a fulfillment its fulfiller failed ({@code REJECTED}) or cancelled on its own again, under
     * the next external id {@code <fulfillmentId>-r<n>}: the items are routed again from its lines, the
     * fulfillment is PENDING, and the order, reopened, follows its fulfillments again.
     *
     * @param who who asks, for the timeline (e.g. the operations API)
     * @throws UnknownFulfillmentException when the order has no such fulfillment
     * @throws IllegalTransitionException naming the current state when it cannot be resubmitted: it is not
     *         rejected or cancelled by its fulfiller, the storefront cancelled the order, or routing holds it now
     */
    public List<Outgoing> resubmit(String fulfillmentId, FulfillmentRouting routing, FulfillerCommands commands,
            String who, Cause cause) {
        Fulfillment fulfillment = fulfillments.stream().filter(f -> f.fulfillmentId().equals(fulfillmentId)).findFirst()
                .orElseThrow(() -> new UnknownFulfillmentException(hubOrderId, fulfillmentId));
        if (cancelledAtSource) {
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is " + fulfillment.status()
                    + " and order " + hubOrderId + " was cancelled at " + storefront + ": it cannot be resubmitted");
        }
        if (fulfillment.store() != null) {
            // CreateSale has no external id: the point of sale would be asked for the first sale again
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is " + fulfillment.status()
                    + " and a store sale cannot be resubmitted");
        }
        if (!fulfillment.isResubmittable()) {
            throw IllegalTransitionException.of("fulfillment " + fulfillmentId, fulfillment.status(),
                    "be resubmitted (only REJECTED, or CANCELLED by its fulfiller)");
        }
        Map<String, OrderLine> linesById = lines.stream()
                .collect(Collectors.toMap(OrderLine::lineId, line -> line, (a, b) -> a, LinkedHashMap::new));
        SourceFulfillment source = new SourceFulfillment(fulfillment.sourceFulfillmentId(), null, null,
                fulfillment.lines().stream().map(line -> new LineQuantity(line.lineId(), line.ordered())).toList());
        Route route = routing.route(source, linesById);
        if (!(route instanceof Route.Print print) || print.fulfiller() != fulfillment.fulfiller()
                || !commands.maps(print.fulfiller())) {
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is " + fulfillment.status()
                    + " and cannot be resubmitted to " + fulfillment.fulfiller() + ": "
                    + (route instanceof Route.Hold hold ? hold.reason()
                            : route instanceof Route.Print other && other.fulfiller() != fulfillment.fulfiller()
                                    ? "routing now sends it to " + other.fulfiller()
                                    : "the hub has no commands for " + fulfillment.fulfiller()));
        }
        FulfillmentStatus from = fulfillment.status();
        String previous = fulfillment.externalIdAtFulfiller();
        fulfillment.resubmitted();
        record(cause, fulfillmentId, from, fulfillment.status(), "resubmitted to " + fulfillment.fulfiller() + " by "
                + who + " as " + fulfillment.externalIdAtFulfiller() + " (submission " + fulfillment.submissions()
                + "; " + previous + " was " + from + ")");
        List<Outgoing> out = new ArrayList<>();
        out.add(new Outgoing("submit-print-order/" + fulfillment.externalIdAtFulfiller(), commands.command(
                new FulfillerIntent.Submit(print.fulfiller(), hubOrderId, fulfillmentId, fulfillment.externalOrderId(),
                        print, shippingAddress, storefrontOrder()))));
        OrderStatus next = derivedStatus();
        if (next != status) {
            // the one way out of FAILED or CANCELLED: the order follows its fulfillments again
            OrderStatus before = status;
            status = next;
            record(cause, null, before, next, "reopened: fulfillment " + fulfillmentId + " resubmitted");
            out.add(statusChanged(before, cause));
        }
        return out;
    }

    /**
     * Whether a fulfiller's fact is about an earlier submission of its fulfillment than the current one (its
     * effective external id, {@code externalOrderId} else the fulfillment id, is not the fulfillment's): then
     * the timeline notes it and nothing changes.
     */
    public boolean aboutAnEarlierSubmission(String fulfillmentId, @Nullable String externalOrderId, Cause cause) {
        String named = externalOrderId == null ? fulfillmentId : externalOrderId;
        return fulfillments.stream().filter(f -> f.fulfillmentId().equals(fulfillmentId)).findFirst()
                .filter(f -> !f.externalIdAtFulfiller().equals(named)).map(f -> {
                    record(cause, fulfillmentId, f.status(), f.status(), cause.factType() + " about submission " + named
                            + ", not the current " + f.externalIdAtFulfiller() + ": noted, not applied");
                    return true;
                }).orElse(false);
    }

    /** The fulfiller has it: the storefront learns RECEIVED_BY_FULFILLER. */
    public List<Outgoing> fulfillmentSubmitted(FulfillmentSubmitted fact, Cause cause) {
        Fulfillment submitted = fulfillment(fact.fulfillmentId(), fact.fulfiller());
        if (submitted.isSubmittedAs(fact.vendorReference())) {
            record(cause, submitted.fulfillmentId(), submitted.status(), submitted.status(),
                    "sale " + fact.vendorReference() + " already recorded");
            return List.of();
        }
        String note = (submitted.store() == null ? "submitted to " + fact.fulfiller() + " as "
                : "sale created at " + fact.fulfiller() + " outlet " + submitted.store().outlet() + ": ")
                + fact.vendorReference();
        return change(fact.fulfillmentId(), fact.fulfiller(), cause, f -> f.submitted(fact.vendorReference()), note,
                f -> note, f -> progress(f, Status.RECEIVED_BY_FULFILLER));
    }

    /** It is in production: the storefront learns PREPARING_ITEMS. */
    public List<Outgoing> fulfillmentAccepted(FulfillmentAccepted fact, Cause cause) {
        String note = "accepted by " + fact.fulfiller() + (fact.vendorStatus() == null ? "" : " (" + fact.vendorStatus() + ")");
        return change(fact.fulfillmentId(), fact.fulfiller(), cause, f -> f.accepted(fact.vendorReference()), note,
                f -> note, f -> progress(f, Status.PREPARING_ITEMS));
    }

    /**
     * The fulfiller's progress for the storefront, while the order goes on: nothing once it was cancelled
     * at source or while a cancellation is asked of the fulfiller.
     */
    private List<Outgoing> progress(Fulfillment fulfillment, Status status) {
        if (cancelledAtSource || fulfillment.status() == FulfillmentStatus.CANCELLATION_REQUESTED) {
            return List.of();
        }
        return tellStorefront(fulfillment, status, List.of());
    }

    /** The storefront's own fulfillment a shipment belongs to; null when the hub formed it (the storefront has none). */
    private @Nullable String storefrontFulfillmentId(Fulfillment fulfillment) {
        return hubFormsFulfillments ? null : fulfillment.sourceFulfillmentId();
    }

    /**
     * Tells the storefront the fulfillment's status, once per status and never backwards ({@link Fulfillment#tellStorefront});
     * nothing when the hub formed the fulfillment: the storefront has no fulfillment whose status it keeps.
     */
    private List<Outgoing> tellStorefront(Fulfillment fulfillment, Status status, List<LineQuantity> lines) {
        // a store's hand-over is the one status a hub-formed fulfillment reports (Squarespace: the order fulfilled,
        // no shipment to add)
        boolean told = !hubFormsFulfillments || fulfillment.store() != null && status == Status.IN_TRANSIT;
        if (!told || !fulfillment.tellStorefront(status)) {
            return List.of();
        }
        return List.of(new Outgoing("storefront-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "/"
                + fulfillment.fulfillmentId(), new UpdateStorefrontFulfillmentStatus(hubOrderId, storefront, sourceOrderId,
                        fulfillment.sourceFulfillmentId(), status, lines)));
    }

    /**
     * The customer collected a store sale: PICKED_UP, and the storefront learns it is complete: IN_TRANSIT with
     * every line, then DELIVERED (a storefront whose fulfillments the hub formed, IN_TRANSIT only: it marks the
     * order fulfilled). Once picked up, the same fact again changes nothing.
     */
    public List<Outgoing> fulfillmentPickedUp(FulfillmentPickedUp fact, Cause cause) {
        Fulfillment fulfillment = fulfillment(fact.fulfillmentId(), fact.fulfiller());
        String outlet = fulfillment.store() == null ? "" : " at outlet " + fulfillment.store().outlet();
        return handedOverAtStore(fulfillment, FulfillmentStatus.PICKED_UP, Fulfillment::pickedUp,
                "picked up by the customer" + outlet + " at " + fact.pickedUpAt(), cause, f -> {
                    List<Outgoing> told = new ArrayList<>(tellStorefront(f, Status.IN_TRANSIT, f.shippedQuantities()));
                    told.addAll(tellStorefront(f, Status.DELIVERED, List.of()));
                    return told;
                });
    }

    private List<Outgoing> handedOverAtStore(Fulfillment fulfillment, FulfillmentStatus handedOver,
            Consumer<Fulfillment> transition, String note, Cause cause,
            java.util.function.Function<Fulfillment, List<Outgoing>> storefront) {
        if (fulfillment.status() == handedOver) {
            record(cause, fulfillment.fulfillmentId(), handedOver, handedOver, "already " + handedOver + ": nothing changes");
            return List.of();
        }
        requireNotFinal("hand over " + fulfillment.fulfillmentId());
        FulfillmentStatus from = fulfillment.status();
        // refuses (a sale not open) before anything changes
        transition.accept(fulfillment);
        record(cause, fulfillment.fulfillmentId(), from, fulfillment.status(), note
                + (from == FulfillmentStatus.CANCELLATION_REQUESTED ? " (before the cancellation reached the store)" : ""));
        List<Outgoing> out = new ArrayList<>(storefront.apply(fulfillment));
        moveTo(derivedStatus(), cause, note, out);
        return out;
    }

    /**
     * An operator (or a store reporting through the hub) says the store handed the sale over: the store's
     * point of sale is asked to close it ({@code FulfilSale} with the sale's mode). The fulfillment changes when
     * the fulfiller reports it ({@code FulfillmentPickedUp} / {@code FulfillmentShipped}).
     *
     * @param expected the mode the caller means, checked against the sale's; null: the sale's
     * @throws UnknownFulfillmentException when the order has no such fulfillment
     * @throws IllegalTransitionException naming why when it is not an open store sale (or not of that mode)
     */
    public List<Outgoing> handover(String fulfillmentId, @Nullable SaleMode expected, FulfillerCommands commands,
            String who, Cause cause) {
        Fulfillment fulfillment = fulfillments.stream().filter(f -> f.fulfillmentId().equals(fulfillmentId)).findFirst()
                .orElseThrow(() -> new UnknownFulfillmentException(hubOrderId, fulfillmentId));
        Fulfillment.StoreSale store = fulfillment.store();
        if (store == null) {
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is "
                    + (fulfillment.fulfiller() == null ? "not routed" : "with " + fulfillment.fulfiller())
                    + ", not a store sale: there is nothing to hand over");
        }
        if (!fulfillment.isOpenAtStore()) {
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is " + fulfillment.status()
                    + (fulfillment.status() == FulfillmentStatus.PENDING ? " (its sale is not created yet)" : "")
                    + ": only an open store sale (READY_FOR_PICKUP, or SUBMITTED for delivery) can be handed over");
        }
        if (expected != null && expected != store.mode()) {
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is a sale for " + describe(store.mode())
                    + ", not for " + describe(expected));
        }
        record(cause, fulfillmentId, fulfillment.status(), fulfillment.status(), "hand-over (" + describe(store.mode())
                + ") of sale " + fulfillment.vendorReference() + " at outlet " + store.outlet() + " asked by " + who);
        return List.of(new Outgoing("fulfil-sale/" + fulfillmentId, commands.command(new FulfillerIntent.Handover(
                fulfillment.fulfiller(), hubOrderId, fulfillmentId, store.mode()))));
    }

    private static String describe(SaleMode mode) {
        return mode == SaleMode.PICKUP ? "pickup" : "delivery";
    }

    /** How the storefront names the order, for a fulfiller's people: {@code SPRESSO order 1001}. */
    private String storefrontOrder() {
        return storefront + " order " + orderNumber;
    }

    public List<Outgoing> fulfillmentRejected(FulfillmentRejected fact, Cause cause) {
        return change(fact.fulfillmentId(), fact.fulfiller(), cause, f -> f.rejected(fact.reason()),
                "rejected by " + fact.fulfiller() + ": " + fact.reason()
                        + (fact.vendorMessage() == null ? "" : " (" + fact.vendorMessage() + ")"));
    }

    /** One parcel left the fulfiller: recorded with its quantities and told to the storefront. */
    public List<Outgoing> shipmentDispatched(ShipmentDispatched fact, Cause cause) {
        Fulfillment fulfillment = fulfillment(fact.fulfillmentId(), fact.fulfiller());
        String shipmentId = Shipment.idOf(fulfillment.fulfillmentId(), fact.trackingNumber());
        if (shipments.stream().anyMatch(shipment -> shipment.shipmentId().equals(shipmentId))) {
            record(cause, fulfillment.fulfillmentId(), fulfillment.status(), fulfillment.status(),
                    "shipment " + shipmentId + " already recorded");
            return List.of();
        }
        requireNotFinal("ship a parcel");
        FulfillmentStatus from = fulfillment.status();
        fulfillment.shipmentDispatched(fact.lines());
        shipments.add(new Shipment(shipmentId, fulfillment.fulfillmentId(), fact.carrier(), fact.trackingNumber(),
                fact.trackingUrl(), fact.dispatchedAt(), fact.lines(), null));
        record(cause, fulfillment.fulfillmentId(), from, fulfillment.status(), "shipment " + shipmentId + " by "
                + fact.carrier() + ": " + describe(fact.lines()));
        List<Outgoing> out = new ArrayList<>();
        out.add(new Outgoing("add-shipment/" + shipmentId, new AddShipment(hubOrderId, storefront, sourceOrderId,
                storefrontFulfillmentId(fulfillment), shipmentId, fact.carrier(), fact.trackingNumber(), fact.trackingUrl(),
                fact.lines(), fact.dispatchedAt(), true, fact.service())));
        moveTo(derivedStatus(), cause, "shipment " + shipmentId, out);
        return out;
    }

    /** Every parcel has left: the storefront learns the exact quantity of each line, short lines included. */
    public List<Outgoing> fulfillmentShipped(FulfillmentShipped fact, Cause cause) {
        Fulfillment fulfillment = fulfillment(fact.fulfillmentId(), fact.fulfiller());
        if (fulfillment.store() != null) {
            return handedOverAtStore(fulfillment, FulfillmentStatus.SHIPPED, Fulfillment::dispatchedFromStore,
                    "dispatched by outlet " + fulfillment.store().outlet(), cause,
                    f -> tellStorefront(f, Status.IN_TRANSIT, f.shippedQuantities()));
        }
        return change(fact.fulfillmentId(), fact.fulfiller(), cause, Fulfillment::shipped, "all parcels sent",
                f -> {
                    if (f.isHeldByItsFulfiller()) {
                        return "all parcels sent, while held: shipped once its held parcels are assigned";
                    }
                    List<String> short_ = f.lines().stream().filter(line -> line.remaining() > 0)
                            .map(line -> line.lineId() + " " + line.shipped() + " of " + line.ordered()).toList();
                    return short_.isEmpty() ? "all parcels sent" : "all parcels sent, short: " + String.join(", ", short_);
                },
                f -> {
                    if (f.status() != FulfillmentStatus.SHIPPED) {
                        return List.of();
                    }
                    List<Outgoing> told = new ArrayList<>(tellStorefront(f, Status.IN_TRANSIT, f.shippedQuantities()));
                    // the tracking service may have reported every parcel delivered before the fulfiller said all were sent
                    deliveredWhenEveryParcelIs(f, cause, told);
                    return told;
                });
    }

    /**
     * One parcel reached the customer: the shipment is marked delivered. Once every parcel of a fulfillment
     * that is SHIPPED is delivered, the fulfillment is DELIVERED and the storefront told so.
     *
     * @throws UnknownShipmentException when no shipment of the order has the tracking number
     */
    public List<Outgoing> shipmentDelivered(ShipmentDelivered fact, Cause cause) {
        List<Shipment> parcels = shipments.stream().filter(s -> s.trackingNumber().equals(fact.trackingNumber())).toList();
        if (parcels.isEmpty()) {
            throw new UnknownShipmentException(hubOrderId, fact.trackingNumber());
        }
        List<Outgoing> out = new ArrayList<>();
        for (Shipment parcel : parcels) {
            Fulfillment fulfillment = fulfillments.stream()
                    .filter(f -> f.fulfillmentId().equals(parcel.fulfillmentId())).findFirst().orElseThrow();
            if (parcel.deliveredAt() != null) {
                record(cause, fulfillment.fulfillmentId(), fulfillment.status(), fulfillment.status(),
                        "shipment " + parcel.shipmentId() + " already delivered at " + parcel.deliveredAt());
                continue;
            }
            shipments.set(shipments.indexOf(parcel), parcel.delivered(fact.deliveredAt()));
            record(cause, fulfillment.fulfillmentId(), fulfillment.status(), fulfillment.status(), "shipment "
                    + parcel.shipmentId() + " delivered at " + fact.deliveredAt()
                    + (fact.source() == null ? "" : " (" + fact.source() + ")"));
            deliveredWhenEveryParcelIs(fulfillment, cause, out);
        }
        moveTo(derivedStatus(), cause, "delivered", out);
        return out;
    }

    /** A SHIPPED fulfillment whose every parcel was delivered is delivered; the storefront learns it once. */
    private void deliveredWhenEveryParcelIs(Fulfillment fulfillment, Cause cause, List<Outgoing> out) {
        List<Shipment> parcels = shipments.stream()
                .filter(s -> s.fulfillmentId().equals(fulfillment.fulfillmentId())).toList();
        if (fulfillment.status() != FulfillmentStatus.SHIPPED || parcels.isEmpty()
                || parcels.stream().anyMatch(s -> s.deliveredAt() == null)) {
            return;
        }
        fulfillment.delivered();
        record(cause, fulfillment.fulfillmentId(), FulfillmentStatus.SHIPPED, fulfillment.status(),
                "every parcel delivered");
        out.addAll(tellStorefront(fulfillment, Status.DELIVERED, List.of()));
    }

    /**
     * The fulfiller's connector hands the fulfillment to an operator: ON_HOLD with the reason and detail,
     * and a parcel it could not match kept whole. The same parcel held again changes nothing.
     */
    public List<Outgoing> fulfillmentHeld(FulfillmentHeld fact, Cause cause) {
        Fulfillment fulfillment = fulfillment(fact.fulfillmentId(), fact.fulfiller());
        FulfillmentHeld.Parcel parcel = fact.parcel();
        if (parcel != null && heldParcels.stream().anyMatch(p -> p.fulfillmentId().equals(fulfillment.fulfillmentId())
                && p.trackingNumber().equals(parcel.trackingNumber()))) {
            record(cause, fulfillment.fulfillmentId(), fulfillment.status(), fulfillment.status(),
                    "parcel " + parcel.trackingNumber() + " already held");
            return List.of();
        }
        requireNotFinal("hold " + fulfillment.fulfillmentId());
        FulfillmentStatus from = fulfillment.status();
        fulfillment.held(fact.reason(), fact.detail());
        if (parcel != null) {
            heldParcels.add(new HeldParcel(fulfillment.fulfillmentId(), parcel.carrier(), parcel.trackingNumber(),
                    parcel.trackingUrl(), parcel.items(), parcel.dispatchedAt(), fact.heldAt(), null));
        }
        record(cause, fulfillment.fulfillmentId(), from, fulfillment.status(), "held by " + fact.fulfiller() + ": "
                + fulfillment.holdReason() + (parcel == null ? "" : " (parcel " + parcel.carrier() + " "
                        + parcel.trackingNumber() + ": " + parcel.items().stream()
                                .map(item -> item.vendorSku() + " x" + item.quantity()).collect(Collectors.joining(", "))
                        + ")"));
        List<Outgoing> out = new ArrayList<>();
        moveTo(derivedStatus(), cause, "fulfillment " + fulfillment.fulfillmentId() + " held", out);
        return out;
    }

    /**
     * An operator says which lines a held parcel holds: it becomes a shipment of them, with the effects of a
     * {@code ShipmentDispatched} (the storefront's {@code AddShipment}), and once no parcel of the fulfillment
     * waits any more the fulfillment leaves the hold for the status its shipments give (SHIPPED: the
     * storefront hears IN_TRANSIT). Checked whole before anything changes.
     *
     * @param who the operator, as the timeline names them
     * @throws HeldParcelAssignmentException naming the field, when it cannot be applied as given
     */
    public List<Outgoing> assignHeldParcel(String fulfillmentId, String trackingNumber, List<LineQuantity> assigned,
            String who, Cause cause) {
        Fulfillment fulfillment = fulfillments.stream().filter(f -> f.fulfillmentId().equals(fulfillmentId)).findFirst()
                .orElseThrow(() -> new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.NOT_FOUND,
                        "fulfillmentId", "order " + hubOrderId + " has no fulfillment " + fulfillmentId));
        HeldParcel parcel = heldParcels.stream().filter(p -> p.fulfillmentId().equals(fulfillmentId)
                && p.trackingNumber().equals(trackingNumber)).findFirst()
                .orElseThrow(() -> new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.NOT_FOUND,
                        "trackingNumber", "fulfillment " + fulfillmentId + " has no held parcel " + trackingNumber));
        if (parcel.assignedShipmentId() != null) {
            throw new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.ALREADY_ASSIGNED, "trackingNumber",
                    "parcel " + trackingNumber + " was already assigned as shipment " + parcel.assignedShipmentId());
        }
        if (!fulfillment.isHeldByItsFulfiller()) {
            throw new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.ALREADY_ASSIGNED, "fulfillmentId",
                    "fulfillment " + fulfillmentId + " is " + fulfillment.status() + ", not held");
        }
        checkAssignment(fulfillment, assigned);
        String shipmentId = Shipment.idOf(fulfillmentId, trackingNumber);
        if (shipments.stream().anyMatch(s -> s.shipmentId().equals(shipmentId))) {
            throw new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.ALREADY_ASSIGNED, "trackingNumber",
                    "fulfillment " + fulfillmentId + " already has a shipment " + trackingNumber);
        }
        Instant dispatchedAt = parcel.dispatchedAt() == null ? parcel.heldAt() : parcel.dispatchedAt();
        fulfillment.heldParcelAssigned(assigned);
        shipments.add(new Shipment(shipmentId, fulfillmentId, parcel.carrier(), trackingNumber, parcel.trackingUrl(),
                dispatchedAt, assigned, null));
        heldParcels.set(heldParcels.indexOf(parcel), parcel.assigned(shipmentId));
        record(cause, fulfillmentId, fulfillment.status(), fulfillment.status(), "held parcel " + trackingNumber
                + " assigned by " + who + " as shipment " + shipmentId + ": " + describe(assigned));
        List<Outgoing> out = new ArrayList<>();
        out.add(new Outgoing("add-shipment/" + shipmentId, new AddShipment(hubOrderId, storefront, sourceOrderId,
                storefrontFulfillmentId(fulfillment), shipmentId, parcel.carrier(), trackingNumber, parcel.trackingUrl(),
                assigned, dispatchedAt, true)));
        boolean waiting = heldParcels.stream().anyMatch(p -> p.fulfillmentId().equals(fulfillmentId)
                && p.assignedShipmentId() == null);
        if (!waiting) {
            FulfillmentStatus from = fulfillment.status();
            fulfillment.released();
            record(cause, fulfillmentId, from, fulfillment.status(), "no held parcel left: released");
            if (fulfillment.status() == FulfillmentStatus.SHIPPED) {
                out.addAll(tellStorefront(fulfillment, Status.IN_TRANSIT, fulfillment.shippedQuantities()));
            }
        }
        moveTo(derivedStatus(), cause, "held parcel " + trackingNumber + " assigned", out);
        return out;
    }

    private static void checkAssignment(Fulfillment fulfillment, List<LineQuantity> assigned) {
        if (assigned.isEmpty()) {
            throw new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.INVALID, "lines",
                    "lines must name at least one line of fulfillment " + fulfillment.fulfillmentId());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < assigned.size(); i++) {
            LineQuantity quantity = assigned.get(i);
            FulfillmentLine line = fulfillment.lines().stream().filter(l -> l.lineId().equals(quantity.lineId()))
                    .findFirst().orElse(null);
            if (line == null) {
                throw new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.INVALID,
                        "lines[" + i + "].lineId", "fulfillment " + fulfillment.fulfillmentId() + " has no line '"
                                + quantity.lineId() + "'; its lines are " + fulfillment.lines().stream()
                                        .map(FulfillmentLine::lineId).toList());
            }
            if (!seen.add(quantity.lineId())) {
                throw new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.INVALID,
                        "lines[" + i + "].lineId", "line '" + quantity.lineId() + "' is listed twice");
            }
            if (quantity.quantity() <= 0 || quantity.quantity() > line.remaining()) {
                throw new HeldParcelAssignmentException(HeldParcelAssignmentException.Kind.INVALID,
                        "lines[" + i + "].quantity", "line '" + quantity.lineId() + "': quantity must be 1.."
                                + line.remaining() + " (" + line.remaining() + " of " + line.ordered()
                                + " left to ship), was " + quantity.quantity());
            }
        }
    }

    /** Something for operators to read on the timeline, about the order or one fulfillment; no state changes. */
    public List<Outgoing> timelineNoted(TimelineNoted fact, Cause cause) {
        Enum<?> now = fulfillments.stream().filter(f -> f.fulfillmentId().equals(fact.fulfillmentId())).findFirst()
                .<Enum<?>>map(Fulfillment::status).orElse(status);
        record(cause, fact.fulfillmentId(), now, now, fact.source() + ": " + fact.note());
        return List.of();
    }

    public List<Outgoing> fulfillmentDelivered(FulfillmentDelivered fact, Cause cause) {
        return change(fact.fulfillmentId(), fact.fulfiller(), cause, Fulfillment::delivered, "delivered",
                f -> "delivered",
                f -> tellStorefront(f, Status.DELIVERED, List.of()));
    }

    public List<Outgoing> fulfillmentCancelled(FulfillmentCancelled fact, Cause cause) {
        return change(fact.fulfillmentId(), fact.fulfiller(), cause, Fulfillment::cancelled,
                "cancelled by " + fact.fulfiller() + (fact.reason() == null ? "" : ": " + fact.reason()));
    }

    /** The fulfiller keeps the fulfillment; it goes on as before and the timeline says why. */
    public List<Outgoing> cancellationRejected(FulfillmentCancellationRejected fact, Cause cause) {
        Fulfillment fulfillment = fulfillment(fact.fulfillmentId(), fact.fulfiller());
        if (fulfillment.status() != FulfillmentStatus.CANCELLATION_REQUESTED) {
            // e.g. a store sale handed over before the void reached it: it stays handed over, the order as it is
            record(cause, fulfillment.fulfillmentId(), fulfillment.status(), fulfillment.status(),
                    "cancellation rejected by " + fact.fulfiller() + ": " + fact.reason()
                            + (fact.vendorMessage() == null ? "" : " (" + fact.vendorMessage() + ")") + "; stays "
                            + fulfillment.status());
            return List.of();
        }
        return change(fact.fulfillmentId(), fact.fulfiller(), cause, Fulfillment::cancellationRejected,
                "cancellation rejected by " + fact.fulfiller() + ": " + fact.reason()
                        + (fact.vendorMessage() == null ? "" : " (" + fact.vendorMessage() + ")"));
    }

    /** A connector gave up on a command: recorded for operators, nothing retries it. */
    public List<Outgoing> commandFailed(CommandFailed fact, Cause cause) {
        record(cause, null, status, status, "command " + fact.commandType() + " " + fact.commandId() + " failed at "
                + fact.connector() + ": " + fact.reason() + (fact.vendorMessage() == null ? "" : " (" + fact.vendorMessage() + ")"));
        return List.of();
    }

    private List<Outgoing> change(String fulfillmentId, Fulfiller fulfiller, Cause cause, Consumer<Fulfillment> transition,
            String note) {
        return change(fulfillmentId, fulfiller, cause, transition, note, f -> note, f -> List.of());
    }

    private List<Outgoing> change(String fulfillmentId, Fulfiller fulfiller, Cause cause, Consumer<Fulfillment> transition,
            String what, java.util.function.Function<Fulfillment, String> note,
            java.util.function.Function<Fulfillment, List<Outgoing>> commands) {
        Fulfillment fulfillment = fulfillment(fulfillmentId, fulfiller);
        requireNotFinal(what + " (" + fulfillmentId + ")");
        FulfillmentStatus from = fulfillment.status();
        transition.accept(fulfillment);
        record(cause, fulfillmentId, from, fulfillment.status(), note.apply(fulfillment));
        List<Outgoing> out = new ArrayList<>(commands.apply(fulfillment));
        moveTo(derivedStatus(), cause, what, out);
        return out;
    }

    private Fulfillment fulfillment(String fulfillmentId, Fulfiller fulfiller) {
        Fulfillment fulfillment = fulfillments.stream().filter(f -> f.fulfillmentId().equals(fulfillmentId)).findFirst()
                .orElseThrow(() -> new UnknownFulfillmentException(hubOrderId, fulfillmentId));
        if (fulfillment.fulfiller() != fulfiller) {
            throw new IllegalTransitionException("fulfillment " + fulfillmentId + " is with " + fulfillment.fulfiller()
                    + ", not " + fulfiller);
        }
        return fulfillment;
    }

    private void requireNotFinal(String transition) {
        if (FINAL.contains(status)) {
            throw IllegalTransitionException.of("order " + hubOrderId, status, transition);
        }
    }

    /** What the fulfillments say the order's status is. */
    OrderStatus derivedStatus() {
        if (fulfillments.isEmpty()) {
            return cancelledAtSource ? CANCELLED : status == RECEIVED ? ON_HOLD : status;
        }
        List<Fulfillment> active = fulfillments.stream().filter(Fulfillment::isActive).toList();
        if (active.isEmpty()) {
            boolean anyRejected = fulfillments.stream().anyMatch(f -> f.status() == FulfillmentStatus.REJECTED);
            return anyRejected && !cancelledAtSource ? FAILED : CANCELLED;
        }
        if (active.stream().anyMatch(Fulfillment::isHeldByItsFulfiller)) {
            // an operator must act: findable with GET /orders?status=ON_HOLD
            return ON_HOLD;
        }
        if (active.stream().allMatch(Fulfillment::isComplete)) {
            return COMPLETED;
        }
        if (active.stream().allMatch(Fulfillment::isShippedOrLater)) {
            return SHIPPED;
        }
        if (active.stream().anyMatch(Fulfillment::hasShipped)) {
            return PARTIALLY_SHIPPED;
        }
        if (active.stream().allMatch(f -> f.status() == FulfillmentStatus.ON_HOLD)) {
            return ON_HOLD;
        }
        return IN_FULFILLMENT;
    }

    private void moveTo(OrderStatus next, Cause cause, String why, List<Outgoing> out) {
        if (next == status) {
            return;
        }
        if (!ORDER_TRANSITIONS.get(status).contains(next)) {
            throw IllegalTransitionException.of("order " + hubOrderId, status, "move to " + next);
        }
        OrderStatus previous = status;
        status = next;
        record(cause, null, previous, next, why);
        out.add(statusChanged(previous, cause));
    }

    private Outgoing statusChanged(@Nullable OrderStatus previous, Cause cause) {
        var summaries = fulfillments.stream().map(f -> new OrderStatusChanged.FulfillmentSummary(f.fulfillmentId(),
                f.fulfiller(), f.status(), f.vendorReference())).toList();
        return new Outgoing("order-status-changed/" + status, new OrderStatusChanged(hubOrderId, storefront, orderNumber,
                status, previous, cause.describe(), summaries, cause.at()));
    }

    private void record(Cause cause, @Nullable String fulfillmentId, @Nullable Enum<?> from, @Nullable Enum<?> to,
            String note) {
        newTimelineEntries.add(TimelineEntry.of(cause, fulfillmentId, from, to, note));
    }

    private static String describe(List<LineQuantity> quantities) {
        return quantities.stream().map(q -> q.lineId() + " x" + q.quantity()).collect(Collectors.joining(", "));
    }

    /** Timeline entries recorded since this object was loaded, oldest first. */
    public List<TimelineEntry> newTimelineEntries() {
        return List.copyOf(newTimelineEntries);
    }

    public String hubOrderId() {
        return hubOrderId;
    }

    public Storefront storefront() {
        return storefront;
    }

    public String sourceOrderId() {
        return sourceOrderId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public @Nullable String currency() {
        return currency;
    }

    public @Nullable String customerEmail() {
        return customerEmail;
    }

    public Address shippingAddress() {
        return shippingAddress;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public OrderStatus status() {
        return status;
    }

    public boolean cancelledAtSource() {
        return cancelledAtSource;
    }

    public @Nullable String holdReason() {
        return holdReason;
    }

    public @Nullable PaymentStatus payment() {
        return payment;
    }

    public @Nullable Instant fulfillableAfter() {
        return fulfillableAfter;
    }

    public boolean hubFormsFulfillments() {
        return hubFormsFulfillments;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<Fulfillment> fulfillments() {
        return List.copyOf(fulfillments);
    }

    public List<Shipment> shipments() {
        return List.copyOf(shipments);
    }

    public List<HeldParcel> heldParcels() {
        return List.copyOf(heldParcels);
    }
}
