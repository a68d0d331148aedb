package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the connectors' facts. Every fact type is the orchestrator's: one it has no handler for
 * goes to {@code fulfillment.facts.v1.dlq.orchestrator}, where the operations API can replay it.
 */
@ApplicationScoped
public class FactConsumer {

    public static final String CONSUMER = "orchestrator";

    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer(CONSUMER).build();

    @Incoming("facts")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
