package io.fulfillmenthub.kit.persistence;

import io.fulfillmenthub.kit.deadletter.DeadLetterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
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
 * The inbox's retention job, in every service with a PostgreSQL database (each has the inbox table
 * {@code processed_message}): every {@code hub.inbox.retention-every} it deletes the message ids handled longer
 * than {@code hub.inbox.retention} ago, {@code hub.inbox.retention-batch-size} rows per statement, one replica at a
 * time ({@link RetentionRun}). The configuration is checked at start: the service does not start with a retention
 * a dead letter's replay could outlive.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class InboxRetention {

    public static final String TABLE = "processed_message";
    /** The job's advisory lock, as {@code hashtext(LOCK)}; advisory locks are per database, the service's own. */
    public static final String LOCK = "service-kit/inbox-retention";

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final Pool database;
    private final InboxRetentionConfig config;
    private final MeterRegistry metrics;

    InboxRetention(Pool database, InboxRetentionConfig config, DeadLetterConfig deadLetters, MeterRegistry metrics) {
        check(config, deadLetters);
        this.database = database;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Refuses a configuration that would let a redelivery find its message id gone: a retention not longer than
     * the dead-letter topics' (a dead letter replayed on its last day would be applied a second time), or a
     * period or batch that is not positive. The message names the key.
     */
    static void check(InboxRetentionConfig config, DeadLetterConfig deadLetters) {
        positive("hub.inbox.retention-every", config.retentionEvery());
        positive("hub.inbox.retention", config.retention());
        if (config.retentionBatchSize() < 1) {
            throw new IllegalArgumentException("hub.inbox.retention-batch-size must be at least 1, not "
                    + config.retentionBatchSize());
        }
        if (config.retention().compareTo(deadLetters.retention()) <= 0) {
            throw new IllegalArgumentException("hub.inbox.retention (" + config.retention() + ") must be longer than "
                    + "hub.dead-letter.retention (" + deadLetters.retention() + "): a dead letter replayed within that "
                    + "time is a redelivery, which the inbox must still recognise (service-kit README, Inbox retention)");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, not " + value);
        }
    }

    @Scheduled(identity = "inbox-retention", every = "${hub.inbox.retention-every}",
            delayed = "${hub.inbox.retention-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        // the next run deletes what this one left
        return deleteExpired().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("inbox retention: deleted %d message ids handled before %s", deleted, config.retention());
            }
        }).onFailure().invoke(failure -> LOG.warnf("inbox retention failed, the next run goes on: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes every row handled longer than {@code hub.inbox.retention} ago, unless another replica is at it. */
    public Uni<Long> deleteExpired() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        int batch = config.retentionBatchSize();
        return RetentionRun.run(database, LOCK, TABLE, metrics, batch, () -> deleteBatch(before, batch));
    }

    /** Deletes at most {@code limit} rows handled before {@code before} (on the index {@code processed_message_by_processed_at}). */
    public Uni<Integer> deleteBatch(OffsetDateTime before, int limit) {
        return database.preparedQuery("DELETE FROM processed_message p USING (SELECT consumer, message_id "
                        + "FROM processed_message WHERE processed_at < $1 LIMIT $2) old "
                        + "WHERE p.consumer = old.consumer AND p.message_id = old.message_id")
                .execute(Tuple.of(before, limit))
                .map(rows -> rows.rowCount());
    }
}
