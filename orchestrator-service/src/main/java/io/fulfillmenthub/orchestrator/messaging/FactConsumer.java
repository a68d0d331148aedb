package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.messaging.InFlightLimit;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 *
 * <p>Partitions at the same time: a transaction's round trips and its durable commit, not the work in
 * this JVM, are what a poll costs, so one transaction at a time leaves both mostly waiting. Each poll is split by
 * partition and each share applied in its own transaction, on its own duplicated Vert.x context and its
 * own pooled connection; a partition's shares run one after the other, in poll order, so one
 * order's facts (one key, one partition) still apply in order, while different partitions' shares
 * overlap. Up to {@code hub.facts.polls-in-flight} polls are under way; the next waits for a place. A
 * poll is acked once all its shares are done; should a share fail outright, the poll is nacked, as
 * it would have been when applied whole.
 */
@ApplicationScoped
public class FactConsumer {

    public static final String CONSUMER = "orchestrator";

    private static final Logger LOG = Logger.getLogger(FactConsumer.class);

    @Inject
    FactProcessing processing;

    @ConfigProperty(name = "hub.facts.polls-in-flight", defaultValue = "4")
    int pollsInFlight;

    /** The last share queued per partition; an entry goes when its last share finishes. */
    private final Map<Integer, CompletableFuture<Void>> lastOfPartition = new ConcurrentHashMap<>();
    private InFlightLimit places;

    @PostConstruct
    void limitPolls() {
        places = new InFlightLimit(pollsInFlight);
    }

    /** Completes once the poll has its place, not when it is applied: SmallRye hands over the next poll then. */
    @Incoming("facts")
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        Context poll = Vertx.currentContext();
        return places.acquire(task -> poll.runOnContext(ignored -> task.run())).invoke(() -> start(batch, poll));
    }

    private void start(KafkaRecordBatch<String, byte[]> batch, Context poll) {
        Map<Integer, List<KafkaRecord<String, byte[]>>> shares = new LinkedHashMap<>();
        for (KafkaRecord<String, byte[]> record : batch) {
            shares.computeIfAbsent(record.getPartition(), partition -> new ArrayList<>()).add(record);
        }
        List<CompletableFuture<Void>> applied = new ArrayList<>();
        shares.forEach((partition, records) -> applied.add(queue(partition, records, poll)));
        CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) ->
                poll.runOnContext(ignored -> Uni.createFrom()
                        .completionStage(() -> failure == null ? batch.ack() : batch.nack(failure))
                        .subscribe().with(settled -> places.release(), settleFailure -> {
                            LOG.errorf(settleFailure, "%s could not settle a poll of facts", CONSUMER);
                            places.release();
                        })));
    }

    /** Applies one partition's share of a poll after that partition's previous share. */
    private CompletableFuture<Void> queue(int partition, List<KafkaRecord<String, byte[]>> records, Context poll) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> before = lastOfPartition.put(partition, done);
        (before == null ? CompletableFuture.<Void>completedFuture(null) : before).whenComplete((ignored, earlier) -> {
            Context share = VertxContext.createNewDuplicatedContext(poll);
            share.runOnContext(start -> Uni.createFrom().deferred(() -> apply(records)).subscribe().with(
                    settled -> finished(partition, done, null),
                    failure -> finished(partition, done, failure)));
        });
        return done;
    }

    private void finished(int partition, CompletableFuture<Void> done, Throwable failure) {
        lastOfPartition.remove(partition, done);
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
    }

    /** One transaction for the records, then the ones that could not be applied to the dead-letter topic. */
    private Uni<Void> apply(List<KafkaRecord<String, byte[]>> records) {
        List<ConsumedFact> facts = new ArrayList<>();
        Map<Message<byte[]>, Throwable> failed = new IdentityHashMap<>();
        for (Message<byte[]> record : records) {
            try {
                facts.add(ConsumedFact.read(record));
            } catch (RuntimeException unreadable) {
                failed.put(record, unreadable);
            }
        }
        return processing.process(facts)
                .chain(notApplied -> {
                    failed.putAll(notApplied);
                    return deadLetter(records, failed);
                });
    }

    /** In offset order, one after the other, each once the dead-letter topic has acknowledged it. */
    private static Uni<Void> deadLetter(List<KafkaRecord<String, byte[]>> records, Map<Message<byte[]>, Throwable> failed) {
        if (failed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(records)
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
