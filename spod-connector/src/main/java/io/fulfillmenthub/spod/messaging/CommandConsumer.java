package io.fulfillmenthub.spod.messaging;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.kit.messaging.CommandsConfig;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.LaneHolds;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.fulfillmenthub.spod.fulfiller.PrintFulfiller;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.spod.v1: submit and cancel print order, carried out by the
 * {@link PrintFulfiller} (SPOD's). Commands of different orders are
 * carried out at the same time, one order's in turn; SPOD or the broker being away delays a command, it
 * never dead-letters it ({@link PerOrderLanes}). A type it has no handler for, or a command that fails the
 * same way again and again, goes to {@code fulfillment.commands.spod.v1.dlq.spod-connector} and holds its order.
 */
@ApplicationScoped
public class CommandConsumer {

    static final String GROUP = "spod-connector";

    private final MessageDispatcher dispatcher;
    private final PerOrderLanes lanes;

    public CommandConsumer(PrintFulfiller fulfiller, CommandsConfig commands, ConsumerConfig consumer, Pool database,
            MeterRegistry metrics) {
        this.dispatcher = MessageDispatcher.forConsumer(GROUP)
                // only the orchestrator gives commands: one from anywhere else is dead-lettered, never carried out
                .onlyFrom(commands.trustedSource())
                .on(MessageTypes.SUBMIT_PRINT_ORDER, fulfiller::submit)
                .on(MessageTypes.CANCEL_PRINT_ORDER, fulfiller::cancel)
                .build();
        this.lanes = new PerOrderLanes("commands", GROUP, consumer,
                LaneHolds.inDatabase(database, GROUP, consumer.holdRefresh()), metrics);
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::handle);
    }
}
