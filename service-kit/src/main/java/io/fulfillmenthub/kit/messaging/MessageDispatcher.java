package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.contracts.HubMessage;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.kit.failure.ContractViolation;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Hands each consumed CloudEvent to the handler of its type. It fails with a contract violation when the
 * record is not a valid CloudEvent, or when its type is one this consumer should handle but knows no
 * handler for (e.g. a {@code .v2} it was not built for); types meant for other consumers of the same
 * topic complete at once. A dispatcher that takes records {@linkplain Builder#onlyFrom only from one source}
 * (a connector's commands: only the orchestrator's) fails with a contract violation naming {@code ce_source}
 * before any handler sees a record from another. It does not settle the message: {@link PerOrderLanes} does, by what came of it
 * (ack; a wait and another attempt; or a dead letter).
 */
public final class MessageDispatcher {

    private final String consumer;
    private final Map<String, Function<IncomingCloudEvent, Uni<Void>>> handlers;
    private final Predicate<String> othersTypes;
    /** The only {@code ce_source} taken, or null for any. */
    private final URI trustedSource;

    private MessageDispatcher(Builder builder) {
        this.consumer = builder.consumer;
        this.handlers = Map.copyOf(builder.handlers);
        this.othersTypes = builder.othersTypes;
        this.trustedSource = builder.trustedSource;
    }

    /** @param consumer the consumer group, named in errors and dead letters */
    public static Builder forConsumer(String consumer) {
        return new Builder(consumer);
    }

    /** Completes when the message's handler is done; fails with why it could not be. */
    public Uni<Void> handle(Message<byte[]> message) {
        return Uni.createFrom().deferred(() -> handle(IncomingCloudEvent.from(message)));
    }

    private Uni<Void> handle(IncomingCloudEvent event) {
        if (trustedSource != null && !trustedSource.equals(event.source())) {
            return Uni.createFrom().failure(new UntrustedSourceException(consumer, trustedSource, event));
        }
        var handler = handlers.get(event.type());
        if (handler != null) {
            return handler.apply(event);
        }
        if (othersTypes.test(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().failure(new UnknownMessageTypeException(consumer, event));
    }

    public static final class Builder {
        private final String consumer;
        private final Map<String, Function<IncomingCloudEvent, Uni<Void>>> handlers = new HashMap<>();
        private Predicate<String> othersTypes = type -> false;
        private URI trustedSource;

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        /** Handles a hub message type; data that does not read as its record is a dead letter. */
        public <T extends HubMessage> Builder on(MessageType<T> type, BiFunction<IncomingCloudEvent, T, Uni<Void>> handler) {
            return onRaw(type.ceType(), event -> handler.apply(event, event.data(type.dataClass())));
        }

        /** Handles a type whose data is not a hub record, e.g. a vendor webhook. */
        public Builder onRaw(String ceType, Function<IncomingCloudEvent, Uni<Void>> handler) {
            if (handlers.putIfAbsent(ceType, handler) != null) {
                throw new IllegalArgumentException("two handlers for " + ceType);
            }
            return this;
        }

        /** Types on the same topic that belong to other consumers: acked and skipped. */
        public Builder skipping(Predicate<String> othersTypes) {
            this.othersTypes = othersTypes;
            return this;
        }

        /**
         * Takes records only with this {@code ce_source}; any other is a contract violation naming it, never
         * handed to a handler (e.g. a connector's commands come only from the orchestrator: {@link CommandsConfig}).
         */
        public Builder onlyFrom(URI source) {
            this.trustedSource = source;
            return this;
        }

        public MessageDispatcher build() {
            return new MessageDispatcher(this);
        }
    }

    /** A record from a source this consumer does not take records from: it is not carried out. */
    public static final class UntrustedSourceException extends RuntimeException implements ContractViolation {
        UntrustedSourceException(String consumer, URI trusted, IncomingCloudEvent event) {
            super(consumer + " takes " + event.topic() + " only from ce_source '" + trusted + "', not from ce_source '"
                    + event.source() + "': not carried out (CloudEvent type '" + event.type() + "', id " + event.id()
                    + " at " + event.position() + ")");
        }
    }

    /** A type this consumer should handle but was not built for. */
    public static final class UnknownMessageTypeException extends RuntimeException implements ContractViolation {
        UnknownMessageTypeException(String consumer, IncomingCloudEvent event) {
            super(consumer + " has no handler for CloudEvent type '" + event.type() + "' (id " + event.id() + " at "
                    + event.position() + ")");
        }
    }
}
