package io.fulfillmenthub.spod.messaging;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.spod.v1: submit and cancel print order. A type it has no handler for,
 * or a command whose handling failed, goes to {@code fulfillment.commands.spod.v1.dlq.spod-connector}.
 */
@ApplicationScoped
public class CommandConsumer {

    private final MessageDispatcher dispatcher;

    public CommandConsumer(PrintOrderCommands commands) {
        this.dispatcher = MessageDispatcher.forConsumer("spod-connector")
                .on(MessageTypes.SUBMIT_PRINT_ORDER, commands::submit)
                .on(MessageTypes.CANCEL_PRINT_ORDER, commands::cancel)
                .build();
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
