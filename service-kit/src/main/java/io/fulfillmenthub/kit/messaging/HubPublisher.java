package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.contracts.Envelope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes to Kafka through the service's one producer (channel {@value #CHANNEL}); each message
 * carries its topic. The returned Uni completes only when the broker has acknowledged the record with
 * acks=all, and fails if it did not, so a caller never reports success for a record that is not stored.
 */
@ApplicationScoped
public class HubPublisher {

    public static final String CHANNEL = "hub-out";

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> emitter;

    public Uni<Void> publish(Envelope<?> envelope) {
        return publish(CloudEventMessages.of(envelope));
    }

    /** A message built with {@link CloudEventMessages}. */
    public Uni<Void> publish(Message<byte[]> message) {
        return emitter.sendMessage(message);
    }
}
