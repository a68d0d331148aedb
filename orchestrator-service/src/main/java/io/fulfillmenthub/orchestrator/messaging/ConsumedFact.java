package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.kit.failure.ContractViolation;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.orchestrator.domain.Cause;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One record of a consumed batch read as a fact the orchestrator handles, with the cause its effects
 * are recorded under. Reading settles nothing: the record is acked or nacked with its batch.
 */
record ConsumedFact(Message<byte[]> record, Cause cause, Fact fact) {

    /** Every fact type with a transition; any other type on the topic is a dead letter. */
    static final List<MessageType<? extends Fact>> HANDLED = List.of(
            MessageTypes.ORDER_PLACED,
            MessageTypes.ORDER_CANCELLED_AT_SOURCE,
            MessageTypes.FULFILLMENT_SUBMITTED,
            MessageTypes.FULFILLMENT_ACCEPTED,
            MessageTypes.FULFILLMENT_REJECTED,
            MessageTypes.SHIPMENT_DISPATCHED,
            MessageTypes.FULFILLMENT_SHIPPED,
            MessageTypes.FULFILLMENT_DELIVERED,
            MessageTypes.FULFILLMENT_CANCELLED,
            MessageTypes.FULFILLMENT_CANCELLATION_REJECTED,
            MessageTypes.COMMAND_FAILED);

    /**
     * @throws RuntimeException when the record is not a CloudEvent, its type is not one of {@link #HANDLED},
     *         or its data does not read as that type's record
     */
    static ConsumedFact read(Message<byte[]> record) {
        IncomingCloudEvent event = IncomingCloudEvent.from(record);
        MessageType<? extends Fact> type = HANDLED.stream().filter(handled -> handled.ceType().equals(event.type()))
                .findFirst().orElseThrow(() -> new UnhandledFactTypeException(event));
        Cause cause = new Cause(event.type(), event.id(), event.time() == null ? Instant.now() : event.time());
        return new ConsumedFact(record, cause, event.data(type.dataClass()));
    }

    /** A type on the facts topic that this orchestrator was not built for (e.g. a {@code .v2}). */
    static final class UnhandledFactTypeException extends RuntimeException implements ContractViolation {
        UnhandledFactTypeException(IncomingCloudEvent event) {
            super(FactConsumer.CONSUMER + " has no handler for CloudEvent type '" + event.type() + "' (id " + event.id()
                    + " at " + event.position() + ")");
        }
    }
}
