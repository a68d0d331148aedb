package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the connectors' facts. Every fact type is the orchestrator's: one it has no handler for
 * goes to {@code fulfillment.facts.v1.dlq.orchestrator}, kept for an operator (replay from it is not built yet). A fact
 * is acked after its transaction committed; a refused transition is recorded on the order's timeline
 * and acked; a fact that keeps failing (e.g. about an order never received) is dead-lettered.
 */
@ApplicationScoped
public class FactConsumer {

    public static final String CONSUMER = "orchestrator";

    @Inject
    FactProcessing processing;

    private MessageDispatcher dispatcher;

    @PostConstruct
    void buildDispatcher() {
        dispatcher = MessageDispatcher.forConsumer(CONSUMER)
                .on(MessageTypes.ORDER_PLACED, processing::process)
                .on(MessageTypes.ORDER_CANCELLED_AT_SOURCE, processing::process)
                .on(MessageTypes.FULFILLMENT_SUBMITTED, processing::process)
                .on(MessageTypes.FULFILLMENT_ACCEPTED, processing::process)
                .on(MessageTypes.FULFILLMENT_REJECTED, processing::process)
                .on(MessageTypes.SHIPMENT_DISPATCHED, processing::process)
                .on(MessageTypes.FULFILLMENT_SHIPPED, processing::process)
                .on(MessageTypes.FULFILLMENT_DELIVERED, processing::process)
                .on(MessageTypes.FULFILLMENT_CANCELLED, processing::process)
                .on(MessageTypes.FULFILLMENT_CANCELLATION_REJECTED, processing::process)
                .on(MessageTypes.COMMAND_FAILED, processing::process)
                .build();
    }

    @Incoming("facts")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
