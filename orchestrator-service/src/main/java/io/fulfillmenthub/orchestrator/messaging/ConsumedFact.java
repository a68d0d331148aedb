package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.kit.failure.ContractViolation;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.orchestrator.domain.Cause;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One record of a consumed batch read as a fact the orchestrator handles, with the cause its effects
 * are recorded under. Reading settles nothing: the record is acked or nacked with its batch.
 */
record ConsumedFact(Message<byte[]> record, Cause cause, Fact fact, FactTransitions.Registered<?> registered) {

    /**
     * @throws RuntimeException when the record is not a CloudEvent, its type is not one {@link FactTransitions}
     *         registers, or its data does not read as that type's record
     */
    static ConsumedFact read(Message<byte[]> record) {
        IncomingCloudEvent event = IncomingCloudEvent.from(record);
        FactTransitions.Registered<?> registered = FactTransitions.of(event.type())
                .orElseThrow(() -> new UnhandledFactTypeException(event));
        Cause cause = new Cause(event.type(), event.id(), event.time() == null ? Instant.now() : event.time());
        return new ConsumedFact(record, cause, event.data(registered.type().dataClass()), registered);
    }

    /** A type on the facts topic that this orchestrator was not built for (e.g. a {@code .v2}). */
    static final class UnhandledFactTypeException extends RuntimeException implements ContractViolation {
        UnhandledFactTypeException(IncomingCloudEvent event) {
            super(FactConsumer.CONSUMER + " has no handler for CloudEvent type '" + event.type() + "' (id " + event.id()
                    + " at " + event.position() + ")");
        }
    }
}
