package io.fulfillmenthub.orchestrator.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes the connectors' facts one poll at a time ({@code hub.facts.batch-size} records at most),
 * in offset order within each partition, so one order's facts are applied in the order they were
 * published. The facts of a poll are applied in one transaction ({@link FactProcessing}); after it
 * committed, the records that could not be applied are nacked one by one, each going alone to
 * {@code fulfillment.facts.v1.dlq.orchestrator} (kept for an operator; replay from it is not built
 * yet), and then the batch is acked.
 *
 * <p>Dead letters: a record that is not a CloudEvent, a type with no handler, data that does not read
 * as its type, a fact about an order never received, a transaction that keeps failing. A refused
 * transition is recorded on the order's timeline and acked. Every record is acked or nacked on every
 * path, so throttled commits never stall: SmallRye tracks only the last record of each partition of a
 * batch, which {@code batch.ack()} acks; the dead-letter handler acks a nacked record itself once the
 * dead-letter topic has it, so the nacks are awaited before the batch ack commits past them.
 */
@ApplicationScoped
public class FactConsumer {

    public static final String CONSUMER = "orchestrator";

    private static final Logger LOG = Logger.getLogger(FactConsumer.class);

    @Inject
    FactProcessing processing;

    @Incoming("facts")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<ConsumedFact> facts = new ArrayList<>();
        Map<Message<byte[]>, Throwable> failed = new IdentityHashMap<>();
        for (Message<byte[]> record : batch) {
            try {
                facts.add(ConsumedFact.read(record));
            } catch (RuntimeException unreadable) {
                failed.put(record, unreadable);
            }
        }
        return processing.process(facts)
                .chain(notApplied -> {
                    failed.putAll(notApplied);
                    return deadLetter(batch, failed);
                })
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** In offset order, one after the other, each once the dead-letter topic has acknowledged it. */
    private static Uni<Void> deadLetter(KafkaRecordBatch<String, byte[]> batch, Map<Message<byte[]>, Throwable> failed) {
        if (failed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(batch.getRecords())
                .filter(failed::containsKey)
                .onItem().transformToUniAndConcatenate(record -> {
                    Throwable reason = failed.get(record);
                    LOG.warnf("%s could not process a message, sending it to the dead-letter topic: %s", CONSUMER,
                            reason.getMessage());
                    return Uni.createFrom().completionStage(() -> record.nack(reason)).replaceWith(record);
                })
                .collect().last().replaceWithVoid();
    }
}
