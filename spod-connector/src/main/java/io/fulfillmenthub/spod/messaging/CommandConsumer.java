package io.fulfillmenthub.spod.messaging;

import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.spod.v1 (commands). A type it has no handler for goes to
 * {@code fulfillment.commands.spod.v1.dlq.spod-connector}.
 */
@ApplicationScoped
public class CommandConsumer {

    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer("spod-connector")
            .build();

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
