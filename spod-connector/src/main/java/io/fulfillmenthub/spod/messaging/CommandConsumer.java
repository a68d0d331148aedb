package io.fulfillmenthub.spod.messaging;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.spod.v1: submit and cancel print order. A type it has no handler for,
 * or a command whose handling failed, goes to {@code fulfillment.commands.spod.v1.dlq.spod-connector}.
 * Commands of different orders are carried out at the same time, one order's in turn ({@link PerOrderLanes}).
 */
@ApplicationScoped
public class CommandConsumer {

    private final MessageDispatcher dispatcher;
    private final PerOrderLanes lanes;

    public CommandConsumer(PrintOrderCommands commands, ConsumerConfig consumer) {
        this.dispatcher = MessageDispatcher.forConsumer("spod-connector")
                .on(MessageTypes.SUBMIT_PRINT_ORDER, commands::submit)
                .on(MessageTypes.CANCEL_PRINT_ORDER, commands::cancel)
                .build();
        this.lanes = new PerOrderLanes("commands", consumer.maxInFlight());
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::dispatch);
    }
}
