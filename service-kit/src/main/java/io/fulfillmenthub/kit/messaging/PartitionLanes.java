package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.kit.failure.Backoff;
import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The scheduler of a batch consumer, with the same rules as {@link PerOrderLanes}: each poll is split by
 * partition, and each partition's share is worked on after that partition's previous share, on its own
 * duplicated Vert.x context, while other partitions' shares run at the same time; at most
 * {@code pollsInFlight} polls are under way. A poll is acked once every share is done.
 *
 * <p>The work gets a share's records in offset order and answers which of them it could not apply, each
 * with why (the rest are done). Each failed record is classified ({@link Failures}): a transient failure
 * keeps the record, and the share is tried again after a back-off with the records still pending, for as
 * long as the fault lasts (the partition's next shares wait: the partition is paused); a contract
 * violation is dead-lettered at once; any other failure after {@code poison-attempts} attempts that failed
 * the same way. A dead letter holds its order ({@link LaneHolds}): the order's later records are
 * dead-lettered behind it as held. The work must not apply a record of an order after a record of the same
 * order that failed in the same attempt: it fails it too, with a {@link io.fulfillmenthub.kit.failure.TransientFailure}.
 */
public final class PartitionLanes {

    private static final Logger LOG = Logger.getLogger(PartitionLanes.class);

    /** Applies records in offset order; answers the ones it could not apply, each with why. */
    @FunctionalInterface
    public interface Work {
        Uni<Map<Message<byte[]>, Throwable>> apply(List<Message<byte[]>> records);
    }

    private final String channel;
    private final InFlightLimit places;
    private final Backoff backoff;
    private final int poisonAttempts;
    private final LaneHolds holds;
    private final PartitionArrivals arrivals = new PartitionArrivals();
    private final DeadLetters deadLetters;
    private final AtomicInteger waiting = new AtomicInteger();
    /** The last share queued per partition; an entry goes when its last share is done. */
    private final Map<Integer, CompletableFuture<Void>> lastOfPartition = new ConcurrentHashMap<>();

    public PartitionLanes(String channel, String consumer, int pollsInFlight, ConsumerConfig config, LaneHolds holds,
            MeterRegistry metrics) {
        this.channel = channel;
        this.places = new InFlightLimit(pollsInFlight);
        this.backoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay());
        this.poisonAttempts = config.retry().poisonAttempts();
        this.holds = holds;
        this.deadLetters = new DeadLetters(channel, consumer, holds, metrics);
        metrics.gauge("hub.consumer.waiting.records", List.of(Tag.of("channel", channel)), waiting, AtomicInteger::get);
        metrics.gauge("hub.consumer.held.orders", List.of(Tag.of("channel", channel)), holds, LaneHolds::size);
    }

    /** Completes once the poll has its place, not when it is done: SmallRye hands over the next poll then. */
    public Uni<Void> submit(KafkaRecordBatch<String, byte[]> batch, Work work) {
        Context poll = Vertx.currentContext();
        return places.acquire(task -> poll.runOnContext(ignored -> task.run())).invoke(() -> start(batch, poll, work));
    }

    private void start(KafkaRecordBatch<String, byte[]> batch, Context poll, Work work) {
        Map<Integer, List<Message<byte[]>>> shares = new LinkedHashMap<>();
        for (KafkaRecord<String, byte[]> record : batch) {
            shares.computeIfAbsent(record.getPartition(), partition -> new ArrayList<>()).add(record);
            if (arrivals.arrivedFromElsewhere(record)) {
                holds.stale();
            }
        }
        List<CompletableFuture<Void>> done = new ArrayList<>();
        shares.forEach((partition, records) -> done.add(queue(partition, records, poll, work)));
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).whenComplete((ok, never) ->
                poll.runOnContext(ignored -> Uni.createFrom().completionStage(batch::ack)
                        .subscribe().with(settled -> places.release(), failure -> {
                            LOG.errorf(failure, "%s could not ack a poll", channel);
                            places.release();
                        })));
    }

    private CompletableFuture<Void> queue(int partition, List<Message<byte[]>> records, Context poll, Work work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> before = lastOfPartition.put(partition, done);
        (before == null ? CompletableFuture.<Void>completedFuture(null) : before).whenComplete((ignored, never) -> {
            Context share = VertxContext.createNewDuplicatedContext(poll);
            share.runOnContext(start -> new Share(records, share, work, done).next());
        });
        done.whenComplete((ignored, never) -> lastOfPartition.remove(partition, done));
        return done;
    }

    /** One partition's share of a poll, tried until each record is applied or dead-lettered. */
    private final class Share {
        private List<Message<byte[]>> pending;
        private final Context context;
        private final Work work;
        private final CompletableFuture<Void> done;
        private final Map<Message<byte[]>, String> lastFailure = new HashMap<>();
        private final Map<Message<byte[]>, Integer> sameFailures = new HashMap<>();
        private int attempt;

        Share(List<Message<byte[]>> records, Context context, Work work, CompletableFuture<Void> done) {
            this.pending = records;
            this.context = context;
            this.work = work;
            this.done = done;
        }

        void next() {
            attempt++;
            holds.fresh()
                    .chain(() -> deadLetters.heldOnes(pending))
                    .chain(stillPending -> {
                        pending = stillPending;
                        return pending.isEmpty() ? Uni.createFrom().item(Map.<Message<byte[]>, Throwable>of()) : work.apply(pending);
                    })
                    .onFailure().recoverWithItem(whole -> {
                        // nothing of the share was applied: each record failed the same way
                        Map<Message<byte[]>, Throwable> all = new LinkedHashMap<>();
                        pending.forEach(record -> all.put(record, whole));
                        return all;
                    })
                    .chain(this::settle)
                    .subscribe().with(this::then, this::then);
        }

        /** Dead-letters what can never succeed, in offset order; keeps the rest pending. */
        private Uni<Void> settle(Map<Message<byte[]>, Throwable> failed) {
            List<Message<byte[]>> keep = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Message<byte[]> record : pending) {
                Throwable failure = failed.get(record);
                if (failure == null) {
                    chain = chain.chain(() -> deadLetters.released(record));
                    continue;
                }
                FailureClass kind = Failures.classify(failure);
                String verdict = null;
                if (kind == FailureClass.CONTRACT) {
                    verdict = "contract";
                } else if (kind == FailureClass.UNKNOWN) {
                    String signature = failure.getClass().getName() + ": " + failure.getMessage();
                    int same = signature.equals(lastFailure.put(record, signature)) ? sameFailures.merge(record, 1, Integer::sum)
                            : putOne(record);
                    verdict = same >= poisonAttempts ? "poison" : null;
                }
                if (verdict == null) {
                    keep.add(record);
                    LOG.infof("%s: %s failed (attempt %d, %s), trying again: %s", channel, DeadLetters.describe(record), attempt,
                            kind, failure.getMessage());
                } else {
                    String kindOfDeadLetter = verdict;
                    chain = chain.chain(() -> deadLetters.write(record, kindOfDeadLetter, failure, null));
                }
            }
            pending = keep;
            return chain;
        }

        private int putOne(Message<byte[]> record) {
            sameFailures.put(record, 1);
            return 1;
        }

        private void then(Object ignored) {
            if (ignored instanceof Throwable failure) {
                // a hold or a dead letter could not be written (database or broker away): the share is tried again
                LOG.warnf("%s: could not settle a share, trying again: %s", channel, failure.getMessage());
            } else if (pending.isEmpty()) {
                done.complete(null);
                return;
            }
            Duration wait = backoff.after(attempt, ignored instanceof Throwable failure ? failure : new RuntimeException());
            waiting.addAndGet(pending.size());
            int waited = pending.size();
            Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribe().with(tick -> {
                waiting.addAndGet(-waited);
                context.runOnContext(run -> next());
            });
        }
    }
}
