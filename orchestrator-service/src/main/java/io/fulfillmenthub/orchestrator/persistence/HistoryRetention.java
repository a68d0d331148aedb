package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.kit.deadletter.DeadLetterConfig;
import io.fulfillmenthub.kit.persistence.RetentionRun;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The orchestrator's retention job: every {@code hub.timeline.retention-every}, on one replica at a time, in batches
 * of {@code hub.timeline.retention-batch-size} ({@link RetentionRun}, metric {@code hub_retention_deleted_rows_total}):
 * <ul>
 * <li>{@code order_timeline}: the timeline of an order that is finished (COMPLETED, CANCELLED, FAILED) and has not
 * changed for {@code hub.timeline.retention}: neither its row ({@code updated_at}) nor its timeline (no entry
 * recorded since). Never a live order's. The order row, its lines, fulfillments and shipments stay: the operations
 * API still shows the order, with an empty timeline. An order being changed right now is skipped (its row is
 * locked), and a timeline entry written later (a replay's note, a reopening) starts a new timeline.</li>
 * <li>{@code dead_letter}: a dead letter written longer than {@code hub.dead-letter.retention} ago that has been
 * replayed. Its topic's record is gone by then, and it was dealt with. One not replayed stays, however old: the row
 * is its only copy (a replay publishes the row's record, not the topic's), and its order may wait behind it.</li>
 * </ul>
 * The configuration is checked at start.
 */
@Startup
@ApplicationScoped
public class HistoryRetention {

    public static final String TIMELINE_LOCK = "orchestrator/timeline-retention";
    public static final String DEAD_LETTER_LOCK = "orchestrator/dead-letter-index-retention";

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);
    private static final String[] FINAL = Order.finalStatuses().stream().map(Enum::name).sorted().toArray(String[]::new);

    private final Pool database;
    private final TimelineRetentionConfig timeline;
    private final DeadLetterConfig deadLetters;
    private final MeterRegistry metrics;

    HistoryRetention(Pool database, TimelineRetentionConfig timeline, DeadLetterConfig deadLetters, MeterRegistry metrics) {
        check(timeline, deadLetters);
        this.database = database;
        this.timeline = timeline;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** A retention, period or batch that is not positive stops the start, naming the key. */
    static void check(TimelineRetentionConfig timeline, DeadLetterConfig deadLetters) {
        positive("hub.timeline.retention", timeline.retention());
        positive("hub.timeline.retention-every", timeline.retentionEvery());
        positive("hub.dead-letter.retention", deadLetters.retention());
        if (timeline.retentionBatchSize() < 1) {
            throw new IllegalArgumentException("hub.timeline.retention-batch-size must be at least 1, not "
                    + timeline.retentionBatchSize());
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + value);
        }
    }

    @Scheduled(identity = "history-retention", every = "${hub.timeline.retention-every}",
            delayed = "${hub.timeline.retention-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        // what one run leaves (a failure, the database away), the next deletes
        return deleteExpiredTimelines()
                .invoke(deleted -> log("timeline entries of finished orders", deleted))
                .onFailure().invoke(failure -> LOG.warnf("timeline retention failed, the next run goes on: %s", failure.getMessage()))
                .onFailure().recoverWithItem(0L)
                .chain(() -> deleteExpiredDeadLetters())
                .invoke(deleted -> log("replayed dead letters", deleted))
                .onFailure().invoke(failure -> LOG.warnf("dead-letter index retention failed, the next run goes on: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static void log(String what, long deleted) {
        if (deleted > 0) {
            LOG.infof("retention: deleted %d %s", deleted, what);
        }
    }

    /** Deletes the timelines of the orders finished and unchanged for {@code hub.timeline.retention}. */
    public Uni<Long> deleteExpiredTimelines() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(timeline.retention());
        int batch = timeline.retentionBatchSize();
        return RetentionRun.run(database, TIMELINE_LOCK, "order_timeline", metrics, batch,
                () -> deleteTimelineBatch(before, batch));
    }

    /**
     * Deletes at most {@code limit} timeline rows of orders finished and unchanged since {@code before}, oldest
     * first (on the primary key: the rows at its front are the old ones). An order row another transaction holds
     * is skipped, never waited for.
     */
    public Uni<Integer> deleteTimelineBatch(OffsetDateTime before, int limit) {
        return database.preparedQuery("DELETE FROM order_timeline WHERE id IN (SELECT t.id FROM order_timeline t "
                        + "JOIN orders o ON o.hub_order_id = t.hub_order_id "
                        + "WHERE t.recorded_at < $2 AND o.status = ANY($1) AND o.updated_at < $2 "
                        + "AND NOT EXISTS (SELECT 1 FROM order_timeline later "
                        + "WHERE later.hub_order_id = t.hub_order_id AND later.recorded_at >= $2) "
                        + "ORDER BY t.id LIMIT $3 FOR SHARE OF o SKIP LOCKED)")
                .execute(Tuple.of(FINAL, before, limit))
                .map(rows -> rows.rowCount());
    }

    /** Deletes the dead letters replayed and written longer than {@code hub.dead-letter.retention} ago. */
    public Uni<Long> deleteExpiredDeadLetters() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(deadLetters.retention());
        int batch = timeline.retentionBatchSize();
        return RetentionRun.run(database, DEAD_LETTER_LOCK, "dead_letter", metrics, batch,
                () -> database.preparedQuery("DELETE FROM dead_letter WHERE id IN (SELECT id FROM dead_letter "
                                + "WHERE replayed_at IS NOT NULL AND dead_lettered_at < $1 ORDER BY id LIMIT $2)")
                        .execute(Tuple.of(before, batch))
                        .map(rows -> rows.rowCount()));
    }
}
