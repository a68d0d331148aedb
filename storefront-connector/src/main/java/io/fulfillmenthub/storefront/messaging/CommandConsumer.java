package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.kit.messaging.ConsumerConfig;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.fulfillmenthub.kit.messaging.PerOrderLanes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.storefront.v1 (commands) and hands each to the connector of its
 * storefront. A type it has no handler for, or a storefront it cannot serve yet, goes to
 * {@code fulfillment.commands.storefront.v1.dlq.storefront-connector}. Commands of different orders are
 * carried out at the same time, one order's in turn ({@link PerOrderLanes}).
 */
@ApplicationScoped
public class CommandConsumer {

    /** The consumer group, and the connector named in {@code CommandFailed}. */
    static final String CONNECTOR = "storefront-connector";
    /** The {@code ce_source} of everything this service publishes. */
    static final URI SOURCE = URI.create("/storefront-connector");

    private final MessageDispatcher dispatcher;
    private final PerOrderLanes lanes;

    public CommandConsumer(SpressoCommandHandler spresso, ConsumerConfig consumer) {
        dispatcher = MessageDispatcher.forConsumer(CONNECTOR)
                .on(MessageTypes.ADD_SHIPMENT, (event, command) -> command.storefront() == Storefront.SPRESSO
                        ? spresso.addShipment(event, command)
                        : notServed(event, command.storefront()))
                .on(MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS, (event, command) -> command.storefront() == Storefront.SPRESSO
                        ? spresso.updateFulfillmentStatus(event, command)
                        : notServed(event, command.storefront()))
                .build();
        lanes = new PerOrderLanes("commands", consumer.maxInFlight());
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.submit(message, dispatcher::dispatch);
    }

    private static Uni<Void> notServed(IncomingCloudEvent event, Storefront storefront) {
        return Uni.createFrom().failure(new IllegalStateException(
                CONNECTOR + " cannot execute " + event.type() + " for " + storefront + " yet (id " + event.id() + ")"));
    }
}
