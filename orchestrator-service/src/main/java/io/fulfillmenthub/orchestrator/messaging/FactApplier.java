package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.FulfillmentRouting;
import io.fulfillmenthub.orchestrator.domain.IllegalTransitionException;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import io.fulfillmenthub.orchestrator.persistence.Inbox;
import io.fulfillmenthub.orchestrator.persistence.OrderStore;
import io.fulfillmenthub.orchestrator.persistence.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Applies one fact inside the caller's transaction: inbox row first (a duplicate means already done),
 * the order locked and loaded, the domain transition, the changed state, and the outbox rows for what
 * it causes. It opens no transaction itself, so a batch of facts can share one ({@link FactProcessing}).
 */
@ApplicationScoped
public class FactApplier {

    private static final Logger LOG = Logger.getLogger(FactApplier.class);

    @Inject
    Inbox inbox;

    @Inject
    OrderStore orders;

    @Inject
    Outbox outbox;

    @Inject
    FulfillmentRouting routing;

    /** @return how many outbox rows it wrote (0 for a duplicate or a refused fact) */
    public Uni<Integer> apply(Cause cause, Fact fact) {
        return inbox.firstDelivery(FactConsumer.CONSUMER, cause.factId()).chain(first -> {
            if (!first) {
                LOG.debugf("%s %s already handled", cause.factType(), cause.factId());
                return Uni.createFrom().item(0);
            }
            return orders.lockAndLoad(fact.hubOrderId()).chain(stored -> {
                if (fact instanceof OrderPlaced placed && stored == null) {
                    Order.Placement placement = Order.place(placed, cause, routing);
                    return orders.insert(placement.order()).chain(() -> outbox.write(cause, placement.messages()));
                }
                if (stored == null) {
                    return Uni.createFrom().failure(new UnknownOrderException(fact.hubOrderId(), cause.factType(),
                            cause.factId()));
                }
                List<Outgoing> messages;
                try {
                    messages = transition(stored.order(), fact, cause);
                } catch (IllegalTransitionException refused) {
                    LOG.infof("%s %s refused for %s: %s", cause.factType(), cause.factId(), fact.hubOrderId(),
                            refused.getMessage());
                    return orders.appendTimeline(fact.hubOrderId(), List.of(new TimelineEntry(cause.at(),
                            cause.factType(), cause.factId(), null, null, null, "refused: " + refused.getMessage())))
                            .replaceWith(0);
                }
                return orders.save(stored, stored.order()).chain(() -> outbox.write(cause, messages));
            });
        });
    }

    private static List<Outgoing> transition(Order order, Fact fact, Cause cause) {
        if (fact instanceof OrderPlaced) {
            return order.placedAgain(cause);
        } else if (fact instanceof OrderCancelledAtSource cancelled) {
            return order.cancelAtSource(cancelled, cause);
        } else if (fact instanceof FulfillmentSubmitted submitted) {
            return order.fulfillmentSubmitted(submitted, cause);
        } else if (fact instanceof FulfillmentAccepted accepted) {
            return order.fulfillmentAccepted(accepted, cause);
        } else if (fact instanceof FulfillmentRejected rejected) {
            return order.fulfillmentRejected(rejected, cause);
        } else if (fact instanceof ShipmentDispatched shipment) {
            return order.shipmentDispatched(shipment, cause);
        } else if (fact instanceof FulfillmentShipped shipped) {
            return order.fulfillmentShipped(shipped, cause);
        } else if (fact instanceof FulfillmentDelivered delivered) {
            return order.fulfillmentDelivered(delivered, cause);
        } else if (fact instanceof FulfillmentCancelled cancelled) {
            return order.fulfillmentCancelled(cancelled, cause);
        } else if (fact instanceof FulfillmentCancellationRejected rejected) {
            return order.cancellationRejected(rejected, cause);
        } else if (fact instanceof CommandFailed failed) {
            return order.commandFailed(failed, cause);
        }
        throw new IllegalArgumentException("no transition for " + fact.getClass().getSimpleName());
    }
}
