package io.fulfillmenthub.kit.messaging;

import io.fulfillmenthub.kit.failure.Backoff;
import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one scheduler of every record consumer: it decides when a record's work runs, and settles the
 * record by what came of it.
 *
 * <p><b>Lanes.</b> Records with the same Kafka key (the hub order id) run one after the other in
 * offset order, records of different keys at the same time, at most {@code hub.consumer.max-in-flight}
 * at once. The Uni of {@link #submit} completes as soon as the record has its place, so SmallRye hands
 * over the next one; the throttled commit strategy commits a partition only up to its first unsettled record.
 *
 * <p><b>Failures</b> ({@link Failures}): a transient one (vendor 5xx/429/timeout, database or broker
 * away) is retried in place with capped exponential back-off and jitter, waiting out a {@code Retry-After}
 * in full, for as long as it lasts: the record stays unsettled and keeps its place, so when every place
 * waits the channel takes nothing more and SmallRye pauses its partitions until a place frees.
 * (SmallRye's own limit for an unsettled record is off for that reason: waiting is not a stall.) A
 * contract violation is dead-lettered at once; any other failure after {@code hub.consumer.retry.poison-attempts}
 * attempts that failed the same way.
 *
 * <p><b>Holds.</b> A dead letter holds its order's lane ({@link LaneHolds}): that order's later records
 * are dead-lettered behind it, kind {@code held}, so that replaying the order's dead letters in offset
 * order carries them out in their order; other orders flow. A replay of the dead letter that holds the
 * lane is let through, and its success lifts the hold. Every dead letter carries the headers
 * {@code hub-dead-letter-kind}, {@code hub-dead-letter-group} and, when held, {@code hub-held-by}.
 */
public final class PerOrderLanes {

    /** The header a replayed dead letter carries: {@code <dead-letter topic>/<partition>/<offset>}. */
    public static final String REPLAY_HEADER = DeadLetters.REPLAY_HEADER;

    private static final Logger LOG = Logger.getLogger(PerOrderLanes.class);

    private final String channel;
    private final InFlightLimit places;
    private final Backoff backoff;
    private final int poisonAttempts;
    private final LaneHolds holds;
    private final PartitionArrivals arrivals = new PartitionArrivals();
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final AtomicInteger waiting = new AtomicInteger();
    /** The last record queued per key; a key's entry goes when its last record is settled. */
    private final Map<String, CompletableFuture<Void>> lastOfKey = new ConcurrentHashMap<>();

    /**
     * @param consumer the consumer group, named in dead letters and holds
     * @param holds where this group's held orders are kept
     */
    public PerOrderLanes(String channel, String consumer, ConsumerConfig config, LaneHolds holds, MeterRegistry metrics) {
        this.channel = channel;
        this.places = new InFlightLimit(config.maxInFlight());
        this.backoff = new Backoff(config.retry().initialDelay(), config.retry().maxDelay());
        this.poisonAttempts = config.retry().poisonAttempts();
        this.holds = holds;
        this.deadLetters = new DeadLetters(channel, consumer, holds, metrics);
        this.metrics = metrics;
        metrics.gauge("hub.consumer.waiting.records", List.of(Tag.of("channel", channel)), waiting, AtomicInteger::get);
        metrics.gauge("hub.consumer.held.orders", List.of(Tag.of("channel", channel)), holds, LaneHolds::size);
    }

    /**
     * Queues the record's work behind the earlier records of its key; the Uni completes once it is queued,
     * not when the work is done. The work runs on the record's own Vert.x context and does not settle the
     * record: it completes when the record is done, or fails with why.
     */
    public Uni<Void> submit(Message<byte[]> message, Function<Message<byte[]>, Uni<Void>> work) {
        Executor onRecordContext = onContext(Vertx.currentContext());
        return places.acquire(onRecordContext).invoke(() -> queue(message, onRecordContext, work));
    }

    private void queue(Message<byte[]> message, Executor onRecordContext, Function<Message<byte[]>, Uni<Void>> work) {
        if (arrivals.arrivedFromElsewhere(message)) {
            holds.stale();
        }
        String key = DeadLetters.key(message);
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> before = lastOfKey.put(key, done);
        Runnable start = () -> new Attempts(message, key, onRecordContext, () -> work.apply(message), done).next();
        (before == null ? CompletableFuture.<Void>completedFuture(null) : before)
                .thenRun(() -> onRecordContext.execute(start));
        done.whenComplete((settled, failure) -> {
            lastOfKey.remove(key, done);
            places.release();
        });
    }

    /** One record's attempts, each started afresh from a timer, so a long outage builds no chain of calls. */
    private final class Attempts {
        private final Message<byte[]> message;
        private final String key;
        private final Executor onRecordContext;
        private final Supplier<Uni<Void>> work;
        private final CompletableFuture<Void> done;
        private int attempt;
        private String lastFailure;
        private int sameFailures;

        Attempts(Message<byte[]> message, String key, Executor onRecordContext, Supplier<Uni<Void>> work,
                CompletableFuture<Void> done) {
            this.message = message;
            this.key = key;
            this.onRecordContext = onRecordContext;
            this.work = work;
            this.done = done;
        }

        void next() {
            attempt++;
            holds.fresh().chain(() -> {
                Optional<LaneHolds.Hold> hold = deadLetters.holding(message);
                if (hold.isPresent()) {
                    return deadLetters.write(message, "held", new DeadLetters.HeldBehindDeadLetter(key, hold.get()),
                            hold.get().heldBy());
                }
                return work.get().chain(() -> deadLetters.released(message))
                        .chain(() -> Uni.createFrom().completionStage(message.ack()));
            }).subscribe().with(settled -> done.complete(null), this::failed);
        }

        private void failed(Throwable failure) {
            FailureClass kind = Failures.classify(failure);
            Counter.builder("hub.consumer.failures").tag("channel", channel).tag("class", kind.name().toLowerCase())
                    .register(metrics).increment();
            if (kind == FailureClass.CONTRACT) {
                settleAsDeadLetter("contract", failure);
                return;
            }
            if (kind == FailureClass.UNKNOWN) {
                String signature = failure.getClass().getName() + ": " + failure.getMessage();
                sameFailures = signature.equals(lastFailure) ? sameFailures + 1 : 1;
                lastFailure = signature;
                if (sameFailures >= poisonAttempts) {
                    settleAsDeadLetter("poison", failure);
                    return;
                }
            }
            Duration wait = backoff.after(attempt, failure);
            LOG.infof("%s: %s of %s failed (attempt %d, %s), trying again in %d ms: %s", channel,
                    DeadLetters.describe(message), key, attempt, kind, wait.toMillis(), failure.getMessage());
            later(wait, this::next);
        }

        private void settleAsDeadLetter(String kind, Throwable reason) {
            deadLetters.write(message, kind, reason, null).subscribe().with(settled -> done.complete(null), failure -> {
                // the hold or the dead-letter topic could not be written (database or broker away): keep trying
                Duration wait = backoff.after(attempt++, failure);
                LOG.warnf("%s: could not dead-letter %s of %s, trying again in %d ms: %s", channel,
                        DeadLetters.describe(message), key, wait.toMillis(), failure.getMessage());
                later(wait, () -> settleAsDeadLetter(kind, reason));
            });
        }

        private void later(Duration wait, Runnable then) {
            waiting.incrementAndGet();
            Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribe().with(ignored -> {
                waiting.decrementAndGet();
                onRecordContext.execute(then);
            });
        }
    }

    private static Executor onContext(Context context) {
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
