package io.fulfillmenthub.storefront.messaging;

import io.fulfillmenthub.kit.messaging.MessageDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes fulfillment.commands.storefront.v1 (commands). A type it has no handler for goes to
 * {@code fulfillment.commands.storefront.v1.dlq.storefront-connector}.
 */
@ApplicationScoped
public class CommandConsumer {

    private final MessageDispatcher dispatcher = MessageDispatcher.forConsumer("storefront-connector")
            .build();

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return dispatcher.dispatch(message);
    }
}
