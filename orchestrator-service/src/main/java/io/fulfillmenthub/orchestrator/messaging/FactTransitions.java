package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.facts.ShipmentDelivered;
import io.fulfillmenthub.kit.failure.ContractViolation;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.EarlyCancellation;
import io.fulfillmenthub.orchestrator.domain.HubRules;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.fulfillmenthub.orchestrator.domain.UnknownShipmentException;
import io.fulfillmenthub.orchestrator.persistence.TrackedOrder;
import io.fulfillmenthub.orchestrator.persistence.UnitOfWork;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every fact type the orchestrator handles, each registered once with what it does: its transition on a
 * stored order and, for the few facts that may come before their order, what they do then. A type not
 * registered here is a dead letter ({@link ConsumedFact#read}); {@link FactApplier} applies what is.
 */
final class FactTransitions {

    /** What a fact does to its stored order: the messages it causes; it refuses with IllegalTransitionException. */
    @FunctionalInterface
    interface Transition<F extends Fact> {
        List<Outgoing> apply(Order order, F fact, Cause cause);
    }

    /**
     * A transition that consults the hub's rules (routing, fulfillers' commands, the fulfillable rule) and the
     * time the facts are applied.
     */
    @FunctionalInterface
    interface CommandingTransition<F extends Fact> {
        List<Outgoing> apply(Order order, F fact, Applying applying, Cause cause);
    }

    /** What a fact does when its order is not stored (yet). */
    @FunctionalInterface
    interface BeforeItsOrder<F extends Fact> {
        /** @return how many outbox rows it wrote */
        int apply(UnitOfWork work, Applying applying, F fact, Cause cause);
    }

    /** What transitions consult beyond the fact: the hub's rules, and the time the batch is applied. */
    record Applying(HubRules rules, Instant now) {
    }

    /**
     * One fact type and what it does.
     *
     * @param beforeItsOrder null when the fact needs its order stored: then it fails as about an unknown order
     */
    record Registered<F extends Fact>(MessageType<F> type, CommandingTransition<F> transition,
            @Nullable BeforeItsOrder<F> beforeItsOrder) {

        List<Outgoing> apply(Order order, Fact fact, Applying applying, Cause cause) {
            return transition.apply(order, type.dataClass().cast(fact), applying, cause);
        }

        int applyBeforeItsOrder(UnitOfWork work, Applying applying, Fact fact, Cause cause) {
            if (beforeItsOrder == null) {
                throw new UnknownOrderException(fact.hubOrderId(), cause.factType(), cause.factId());
            }
            return beforeItsOrder.apply(work, applying, type.dataClass().cast(fact), cause);
        }

        /** Whether the fact may come before its order, so applying it needs to know what came early. */
        boolean mayComeBeforeItsOrder() {
            return beforeItsOrder != null;
        }
    }

    private static final Map<String, Registered<?>> BY_CE_TYPE = new LinkedHashMap<>();

    static {
        // a stored order takes a later OrderPlaced while it awaits fulfillable; otherwise it is a repeat
        onCommanding(MessageTypes.ORDER_PLACED, (order, fact, applying, cause) -> order.placedAgain(fact, cause,
                applying.rules(), applying.now()), FactTransitions::place);
        onCommanding(MessageTypes.ORDER_CANCELLED_AT_SOURCE, (order, fact, applying, cause) -> order.cancelAtSource(fact,
                applying.rules().commands(), cause), FactTransitions::cancelledBeforeItsOrder);
        onSubmission(MessageTypes.FULFILLMENT_SUBMITTED, Order::fulfillmentSubmitted,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
        onSubmission(MessageTypes.FULFILLMENT_ACCEPTED, Order::fulfillmentAccepted,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
        onSubmission(MessageTypes.FULFILLMENT_REJECTED, Order::fulfillmentRejected,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
        onSubmission(MessageTypes.SHIPMENT_DISPATCHED, Order::shipmentDispatched,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
        onSubmission(MessageTypes.FULFILLMENT_SHIPPED, Order::fulfillmentShipped,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
        on(MessageTypes.FULFILLMENT_DELIVERED, Order::fulfillmentDelivered);
        // a store sale has one submission (CreateSale carries no external id)
        on(MessageTypes.FULFILLMENT_PICKED_UP, Order::fulfillmentPickedUp);
        onSubmission(MessageTypes.FULFILLMENT_CANCELLED, Order::fulfillmentCancelled,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
        onSubmission(MessageTypes.FULFILLMENT_CANCELLATION_REJECTED, Order::cancellationRejected,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
        on(MessageTypes.COMMAND_FAILED, Order::commandFailed);
        on(MessageTypes.SHIPMENT_DELIVERED, FactTransitions::shipmentDelivered);
        on(MessageTypes.TIMELINE_NOTED, Order::timelineNoted);
        onSubmission(MessageTypes.FULFILLMENT_HELD, Order::fulfillmentHeld,
                fact -> fact.fulfillmentId(), fact -> fact.externalOrderId());
    }

    private FactTransitions() {
    }

    /** The registration of a CloudEvent type, if the orchestrator handles it. */
    static Optional<Registered<?>> of(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    /** Every handled CloudEvent type, in the order registered. */
    static List<String> ceTypes() {
        return List.copyOf(BY_CE_TYPE.keySet());
    }

    /**
     * A fulfiller's fact about one submission of a fulfillment: applied only when it is about the current one
     * (a fact about an earlier submission is noted on the timeline, see {@link Order#aboutAnEarlierSubmission}).
     */
    private static <F extends Fact> void onSubmission(MessageType<F> type, Transition<F> transition,
            Function<F, String> fulfillmentId, Function<F, @Nullable String> externalOrderId) {
        on(type, (order, fact, cause) -> order.aboutAnEarlierSubmission(fulfillmentId.apply(fact),
                externalOrderId.apply(fact), cause) ? List.of() : transition.apply(order, fact, cause));
    }

    private static <F extends Fact> void on(MessageType<F> type, Transition<F> transition) {
        on(type, transition, null);
    }

    private static <F extends Fact> void on(MessageType<F> type, Transition<F> transition,
            @Nullable BeforeItsOrder<F> beforeItsOrder) {
        onCommanding(type, (order, fact, applying, cause) -> transition.apply(order, fact, cause), beforeItsOrder);
    }

    private static <F extends Fact> void onCommanding(MessageType<F> type, CommandingTransition<F> transition,
            @Nullable BeforeItsOrder<F> beforeItsOrder) {
        if (BY_CE_TYPE.putIfAbsent(type.ceType(), new Registered<>(type, transition, beforeItsOrder)) != null) {
            throw new IllegalStateException("two transitions for " + type.ceType());
        }
    }

    /** A tracking number no shipment of the order has can never apply: a dead letter that says so. */
    private static List<Outgoing> shipmentDelivered(Order order, ShipmentDelivered fact, Cause cause) {
        try {
            return order.shipmentDelivered(fact, cause);
        } catch (UnknownShipmentException unknown) {
            throw new UnknownTrackingNumberException(unknown, cause);
        }
    }

    /** A delivery of a parcel the order does not have: the sender's mistake, which no retry mends. */
    static final class UnknownTrackingNumberException extends RuntimeException implements ContractViolation {
        UnknownTrackingNumberException(UnknownShipmentException unknown, Cause cause) {
            super(cause.factType() + " " + cause.factId() + ": " + unknown.getMessage(), unknown);
        }
    }

    /** A new order; a cancellation at source that came before it makes it cancelled at once. */
    private static int place(UnitOfWork work, Applying applying, OrderPlaced fact, Cause cause) {
        Order.Placement placement = Order.place(fact, cause, applying.rules(), applying.now(),
                work.earlyCancellation(fact.hubOrderId()));
        work.placed(TrackedOrder.placed(placement.order()));
        work.timeline(fact.hubOrderId(), placement.order().newTimelineEntries());
        return work.outbox(cause, placement.messages());
    }

    /** Kept until the order arrives (a storefront's retry can reorder its webhooks); the first one counts. */
    private static int cancelledBeforeItsOrder(UnitOfWork work, Applying applying, OrderCancelledAtSource fact,
            Cause cause) {
        work.cancelledEarly(new EarlyCancellation(fact, cause));
        return 0;
    }
}
