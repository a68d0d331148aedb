package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.facts.ShipmentDelivered;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.FulfillerCommands;
import io.fulfillmenthub.orchestrator.domain.FulfillmentRouting;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.fulfillmenthub.orchestrator.messaging.FactApplier;
import io.fulfillmenthub.orchestrator.messaging.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What operators do to an order, applied in one transaction through the same path as the facts
 * ({@link FactApplier#applyToOrder}): the order's timeline names the action's cause and the operator who asked
 * ({@link Operator}), and the messages it causes go through the outbox.
 */
@ApplicationScoped
public class OrderOperations {

    /** The cause an operator's assignment of a held parcel is recorded under (no fact: the API's own action). */
    static final String HELD_PARCEL_ASSIGNED = "hub.operation.held-parcel-assigned";

    /** The cause an operator's resubmission is recorded under (no fact: the API's own action). */
    static final String FULFILLMENT_RESUBMITTED = "hub.operation.fulfillment-resubmitted";

    /** The cause an operator's (or a store's) hand-over is recorded under (no fact: the API's own action). */
    static final String FULFILLMENT_HANDED_OVER = "hub.operation.fulfillment-handed-over";

    @Inject
    Pool database;

    @Inject
    FulfillmentRouting routing;

    @Inject
    FulfillerCommands commands;

    @Inject
    FactApplier applier;

    @Inject
    OutboxRelay relay;

    /**
     * Records a {@link ShipmentDelivered}, as a tracking service would publish it.
     *
     * @return whether the order is stored
     * @throws io.fulfillmenthub.orchestrator.domain.UnknownShipmentException (in the Uni) for a tracking
     *         number the order has no shipment with
     */
    public Uni<Boolean> shipmentDelivered(String hubOrderId, String trackingNumber, Instant deliveredAt, Operator who) {
        // the fact's source (who says so) is the operator, as the timeline then names them
        ShipmentDelivered fact = new ShipmentDelivered(hubOrderId, trackingNumber, null, deliveredAt, who.describe());
        Cause cause = new Cause(MessageTypes.SHIPMENT_DELIVERED.ceType(), UUID.randomUUID().toString(), Instant.now());
        return apply(hubOrderId, cause, order -> order.shipmentDelivered(fact, cause));
    }

    /**
     * Makes a held parcel a shipment of the given lines ({@link Order#assignHeldParcel}).
     *
     * @return whether the order is stored
     * @throws io.fulfillmenthub.orchestrator.domain.HeldParcelAssignmentException (in the Uni) naming what is wrong
     */
    public Uni<Boolean> assignHeldParcel(String hubOrderId, String fulfillmentId, String trackingNumber,
            List<LineQuantity> lines, Operator who) {
        // one id per parcel: the messages it causes have the same ids however often it is tried
        Cause cause = new Cause(HELD_PARCEL_ASSIGNED, "assign/" + fulfillmentId + "/" + trackingNumber, Instant.now());
        return apply(hubOrderId, cause, order -> order.assignHeldParcel(fulfillmentId, trackingNumber, lines,
                who.describe(), cause));
    }

    /**
     * Sends a fulfillment its fulfiller failed or cancelled on its own again, under its next external id
     * ({@link Order#resubmit}).
     *
     * @return whether the order is stored
     * @throws io.fulfillmenthub.orchestrator.domain.IllegalTransitionException (in the Uni) naming the current
     *         state when it cannot be resubmitted; {@link io.fulfillmenthub.orchestrator.domain.UnknownFulfillmentException}
     *         for a fulfillment the order does not have
     */
    public Uni<Boolean> resubmit(String hubOrderId, String fulfillmentId, Operator who) {
        // a fresh id per request: a request refused (the fulfillment is PENDING again) writes nothing
        Cause cause = new Cause(FULFILLMENT_RESUBMITTED, "resubmit/" + fulfillmentId + "/" + UUID.randomUUID(),
                Instant.now());
        return apply(hubOrderId, cause, order -> order.resubmit(fulfillmentId, routing, commands, who.describe(), cause));
    }

    /**
     * Asks the store to close a sale as handed over ({@link Order#handover}): a {@code FulfilSale} with the sale's mode.
     *
     * @param expected the mode the operator means; null: the sale's
     * @return whether the order is stored
     * @throws io.fulfillmenthub.orchestrator.domain.IllegalTransitionException (in the Uni) naming why it is not an
     *         open store sale; {@link io.fulfillmenthub.orchestrator.domain.UnknownFulfillmentException} for a
     *         fulfillment the order does not have
     */
    public Uni<Boolean> handover(String hubOrderId, String fulfillmentId, @Nullable SaleMode expected, Operator who) {
        // a fresh id per request: the point of sale reads the sale first, so a second FulfilSale does nothing there
        Cause cause = new Cause(FULFILLMENT_HANDED_OVER, "handover/" + fulfillmentId + "/" + UUID.randomUUID(),
                Instant.now());
        return apply(hubOrderId, cause, order -> order.handover(fulfillmentId, expected, commands, who.describe(), cause));
    }

    Uni<Boolean> apply(String hubOrderId, Cause cause, Function<Order, List<Outgoing>> action) {
        return database.withTransaction(connection -> applier.applyToOrder(connection, hubOrderId, cause, action))
                .invoke(relay::wake);
    }
}
