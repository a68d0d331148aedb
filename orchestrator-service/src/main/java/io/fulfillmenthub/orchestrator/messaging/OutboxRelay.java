package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.fulfillmenthub.kit.messaging.CloudEventRecords;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.orchestrator.persistence.OutboxRows;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows through {@link HubPublisher}, in id order per order (the message key) on each
 * topic, and deletes them once the broker has acked them, so the outbox holds only rows not acked yet. A
 * delete costs PostgreSQL less than marking the row sent did (V3 migration).
 *
 * <p><b>One order waits, the others go on.</b> A round reads up to {@code batch-size} rows in id order
 * and publishes them in waves: the first wave holds each order's first row on each topic, the second its
 * second row on each topic, and so on; a wave goes to the producer in id order, and the next starts once
 * the broker has answered every row of this one. A failed row ends its order's rows for the round, on
 * every topic. Waves are what keep an order's rows in order on a topic when one record is refused on its
 * own (too large, an invalid topic): with all rows pipelined, the producer would already hold the order's
 * later rows, and the broker would take them (a batch it refuses as too large is split and sent again,
 * and a record refused on the producer's side never joins a batch), so they would overtake it. Across
 * topics there is no order a consumer could see, so an order's rows on different topics go in the same
 * wave. The cost is one broker round trip per wave; an {@code OrderPlaced} writes two status events to
 * {@code fulfillment.orders.v1} and one command, so a round of them takes two waves, each a few large produce
 * requests.
 * (Until 2026-12-03 each order's rows were one chain across topics, advanced row by row on each ack:
 * three round trips for an {@code OrderPlaced}. The orchestrator benchmark measured no difference in
 * facts per second between the two; docs/benchmarks.md.)
 *
 * <p>A failed row keeps its attempts and last error (V4). It is tried again one tick after its failure at
 * the earliest, so a refused row is not hammered while the other orders flow, and until then no later row
 * of its order is read; when it is due, it leads its order's rows again. A row refused
 * {@code park-after} times is parked: kept with its error, never published until an operator retries it
 * ({@code POST /outbox/parked/{id}/retry}); the rest of its order waits behind it, in the outbox. A
 * transient failure (the broker unreachable, no ack in time) is counted but never parks a row: an outage
 * must not park every row in flight.
 *
 * <p><b>One relay across replicas.</b> Each round runs in one transaction that first takes a
 * transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}); a round that does not get it ends
 * at once and tries again shortly (a wake-up there may have been for rows the holder's round did not
 * read). The lock covers reading, publishing and deleting, so a round never reads rows another replica
 * has published but not yet deleted. Why transaction-scoped: the pool hands out any of its connections,
 * and a session-level lock must be released on the connection that took it or it stays behind on a pooled
 * connection, held by nobody who knows it; a transaction's lock ends with the transaction whatever happens,
 * and with the session if the replica dies. While it waits for the broker the transaction holds no
 * snapshot and no transaction id (READ COMMITTED, nothing written yet), so it holds back no vacuum; it
 * writes only its deletes, just before its commit. A lease row would need a clock and renewals. Should a
 * replica lose its database session while its round goes on, another can run at the same time: both
 * publish the same rows in the same order per order with the same {@code ce_id}, which consumers dedupe;
 * nothing is lost or reordered.
 *
 * <p>Single-flight within the service too: a wake-up while a round is under way makes the run go round
 * once more. Woken after each commit that wrote rows, and by a periodic tick as a backstop (a lost
 * wake-up, rows left by a crash, failed rows due again). A crash between the ack and the delete publishes
 * those rows again with the same {@code ce_id}; consumers dedupe on it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Another replica's round holds the lock; it takes milliseconds unless the broker is slow. */
    private static final Duration BUSY_PAUSE = Duration.ofMillis(100);

    /** Enough of a producer's error for an operator; the rest is in the log. */
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Pool database;
    private final HubPublisher publisher;
    private final OutboxRows outbox;
    private final OutboxConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wokenDuringRun = new AtomicBoolean();
    private volatile boolean stopped;

    public OutboxRelay(Pool database, HubPublisher publisher, OutboxRows outbox, OutboxConfig config) {
        this.database = database;
        this.publisher = publisher;
        this.outbox = outbox;
        this.config = config;
    }

    /** Starts a run unless one is under way, in which case that run goes round once more. */
    public void wake() {
        wokenDuringRun.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            runOnce();
        }
    }

    @Scheduled(every = "${hub.outbox.tick}", delayed = "${hub.outbox.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    /** No round starts after this; one under way finishes. */
    void stop() {
        stopped = true;
    }

    private void runOnce() {
        wokenDuringRun.set(false);
        relayBatch().subscribe().with(round -> {
            if (stopped) {
                finish();
            } else if (round.lockBusy()) {
                Uni.createFrom().voidItem().onItem().delayIt().by(BUSY_PAUSE).subscribe()
                        .with(ignored -> runOnce(), failure -> finish());
            } else if ((round.read() == config.batchSize() && round.published() > 0) || wokenDuringRun.get()) {
                runOnce();
            } else {
                finish();
            }
        }, failure -> {
            LOG.warnf("outbox relay: %s; the next tick tries again", failure.getMessage());
            finish();
        });
    }

    private void finish() {
        running.set(false);
        // a wake-up between the last check and the reset must not be lost
        if (wokenDuringRun.get() && !stopped && running.compareAndSet(false, true)) {
            runOnce();
        }
    }

    /** One round: lock, read, publish, then delete what was acked and record what failed; one transaction. */
    Uni<Round> relayBatch() {
        return database.withTransaction(transaction -> outbox.lockAndReadWaiting(transaction, config.batchSize(),
                        config.tick())
                .chain(waiting -> waiting == null ? Uni.createFrom().item(Round.BUSY)
                        : publishInWaves(waiting)
                                .chain(outcome -> settle(transaction, outcome))
                                .map(published -> new Round(false, waiting.size(), published))));
    }

    /** Deletes the published rows and records the failures; @return how many were published */
    private Uni<Integer> settle(SqlConnection transaction, Outcome outcome) {
        return outbox.delete(transaction, outcome.published())
                .chain(() -> outbox.recordFailures(transaction, outcome.failures(), config.parkAfter()))
                .invoke(parked -> parked.forEach(row -> LOG.warnf("outbox relay: parked %s (%s) of order %s after "
                        + "%d failed attempts; its order waits until it is retried: %s", row.ceId(), row.ceType(),
                        row.hubOrderId(), row.attempts(), row.lastError())))
                .replaceWith(outcome.published().size());
    }

    /**
     * Publishes the rows in waves: wave n holds the n-th row of each order's rows on each topic, handed to
     * the producer in id order, and the next wave starts once the broker has answered every row of this one.
     * A failed row ends its order's rows for the round, on every topic.
     */
    private Uni<Outcome> publishInWaves(List<OutboxRows.Waiting> rows) {
        Map<String, List<OutboxRows.Waiting>> byTopicAndKey = new LinkedHashMap<>();
        for (OutboxRows.Waiting row : rows) {
            byTopicAndKey.computeIfAbsent(row.topic() + '\n' + row.messageKey(), chain -> new ArrayList<>()).add(row);
        }
        return wave(List.copyOf(byTopicAndKey.values()), 0, new Outcome(new ArrayList<>(), new ArrayList<>()),
                new HashSet<>());
    }

    private Uni<Outcome> wave(List<List<OutboxRows.Waiting>> chains, int n, Outcome outcome, Set<String> failedKeys) {
        List<OutboxRows.Waiting> wave = new ArrayList<>();
        for (List<OutboxRows.Waiting> chain : chains) {
            if (n < chain.size() && !failedKeys.contains(chain.get(n).messageKey())) {
                wave.add(chain.get(n));
            }
        }
        if (wave.isEmpty()) {
            return Uni.createFrom().item(outcome);
        }
        wave.sort(Comparator.comparingLong(OutboxRows.Waiting::id));
        // subscribing sends: one after the other here, so the producer gets the wave in id order
        List<Uni<Optional<Throwable>>> answers = new ArrayList<>();
        for (OutboxRows.Waiting row : wave) {
            var answer = publish(row).onItemOrFailure().transform((ok, failure) -> Optional.ofNullable(failure))
                    .subscribeAsCompletionStage();
            answers.add(Uni.createFrom().completionStage(answer));
        }
        return Uni.join().all(answers).andFailFast().chain(failures -> {
            for (int i = 0; i < wave.size(); i++) {
                OutboxRows.Waiting row = wave.get(i);
                Throwable failure = failures.get(i).orElse(null);
                if (failure == null) {
                    outcome.published().add(row.id());
                    continue;
                }
                boolean transientFailure = Failures.classify(failure) == FailureClass.TRANSIENT;
                LOG.warnf("outbox relay: publishing %s (%s) of order %s failed (%s); its order waits: %s", row.ceId(),
                        row.ceType(), row.messageKey(), transientFailure ? "transient" : "refused", failure);
                outcome.failures().add(new OutboxRows.Failure(row.id(), describe(failure), !transientFailure));
                failedKeys.add(row.messageKey());
            }
            return wave(chains, n + 1, outcome, failedKeys);
        });
    }

    private Uni<Void> publish(OutboxRows.Waiting row) {
        String key = row.messageKey();
        var record = CloudEventRecords.of(row.topic(), row.ceId(), row.ceType(), URI.create(row.ceSource()),
                row.createdAt(), key, key, row.payload().getBytes(StandardCharsets.UTF_8));
        // Kafka's own timeout type: a missing ack is transient
        return publisher.publish(record).ifNoItem().after(config.publishTimeout())
                .failWith(() -> new TimeoutException("no ack from the broker within " + config.publishTimeout()));
    }

    private static String describe(Throwable failure) {
        String text = failure.toString();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    /** A round's answers: the rows the broker acked, and the rows that failed. */
    private record Outcome(List<Long> published, List<OutboxRows.Failure> failures) {
    }

    /**
     * @param lockBusy another relay (replica) held the lock: nothing was read
     * @param read rows read
     * @param published rows acked and deleted
     */
    record Round(boolean lockBusy, int read, int published) {

        static final Round BUSY = new Round(true, 0, 0);
    }
}
