package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.failure.ContractViolation;
import io.fulfillmenthub.kit.messaging.CommandsConfig;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.LaneHolds;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.fulfillmenthub.storefront.plugin.Storefronts;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.storefront.v1 (commands) and hands each to the plug-in of its
 * storefront ({@link Storefronts}). Commands of different orders are carried out at the same time, one order's in turn; a
 * storefront being away delays a command, it never dead-letters it ({@link PerOrderLanes}). A type it has
 * no handler for, a storefront with no plug-in, or a command that fails the same way again and again
 * goes to {@code fulfillment.commands.storefront.v1.dlq.storefront-connector} and holds its order.
 */
@ApplicationScoped
public class CommandConsumer {

    /** The consumer group, and the connector named in {@code CommandFailed}. */
    static final String CONNECTOR = "storefront-connector";
    /** The {@code ce_source} of everything this service publishes. */
    static final URI SOURCE = URI.create("/storefront-connector");

    private final MessageDispatcher dispatcher;
    private final PerOrderLanes lanes;

    public CommandConsumer(Storefronts storefronts, CommandsConfig commands, ConsumerConfig consumer, Pool database,
            MeterRegistry metrics) {
        dispatcher = MessageDispatcher.forConsumer(CONNECTOR)
                // only the orchestrator gives commands: one from anywhere else is dead-lettered, never carried out
                .onlyFrom(commands.trustedSource())
                .on(MessageTypes.ADD_SHIPMENT, (event, command) -> storefronts.of(command.storefront())
                        .map(storefront -> storefront.addShipment(event, command))
                        .orElseGet(() -> notServed(event, command.storefront())))
                .on(MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS, (event, command) -> storefronts.of(command.storefront())
                        .map(storefront -> storefront.updateFulfillmentStatus(event, command))
                        .orElseGet(() -> notServed(event, command.storefront())))
                .build();
        lanes = new PerOrderLanes("commands", CONNECTOR, consumer,
                LaneHolds.inDatabase(database, CONNECTOR, consumer.holdRefresh()), metrics);
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::handle);
    }

    private static Uni<Void> notServed(IncomingCloudEvent event, Storefront storefront) {
        return Uni.createFrom().failure(new StorefrontNotServed(
                CONNECTOR + " cannot execute " + event.type() + " for " + storefront + " yet (id " + event.id() + ")"));
    }

    /** A command for a storefront this connector has no plug-in for: dead-lettered, to be replayed once it has. */
    static final class StorefrontNotServed extends RuntimeException implements ContractViolation {
        StorefrontNotServed(String message) {
            super(message);
        }
    }
}
