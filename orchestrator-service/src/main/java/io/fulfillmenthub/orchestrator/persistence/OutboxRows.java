package io.fulfillmenthub.orchestrator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outbox as the relay and the operations API see it: rows waiting to be published, their failures,
 * parking and retry. {@link OrderRows} writes the rows; this class never inserts.
 */
@ApplicationScoped
public class OutboxRows {

    /** The relay's advisory lock, as {@code hashtext(RELAY_LOCK)}. */
    public static final String RELAY_LOCK = "orchestrator/outbox-relay";

    private static final String WAITING_COLUMNS = "o.id, o.topic, o.message_key, o.ce_id, o.ce_type, o.ce_source, "
            + "o.created_at, o.payload";
    private static final String FAILED_COLUMNS = "id, message_key, topic, ce_id, ce_type, attempts, last_error, "
            + "last_failed_at, parked_at, created_at";

    /**
     * One statement: the relay's lock, then, only if this transaction got it, the next rows to publish.
     * {@code pg_try_advisory_xact_lock} is held until the transaction ends, whichever way it ends, and is
     * released by the server when the session dies: it cannot stay behind on a pooled connection. Advisory
     * locks are per database, and this database is the orchestrator's alone.
     *
     * <p>The rows: in id order, not parked, not failed less than {@code retryAfter} ago, and with no such
     * row (parked or waiting to be tried again) of the same order (message key) before them. A failed row
     * that is due again is read with the rows of its order behind it, and it comes first among them. The
     * last condition probes {@code outbox_failed}, which holds only rows that failed.
     */
    private static final String LOCK_AND_READ_WAITING = "WITH relay AS (SELECT pg_try_advisory_xact_lock("
            + "hashtext('" + RELAY_LOCK + "')) AS held) "
            + "SELECT relay.held, " + WAITING_COLUMNS + " FROM relay LEFT JOIN LATERAL ("
            + "SELECT " + WAITING_COLUMNS + " FROM outbox o WHERE relay.held AND o.parked_at IS NULL "
            + "AND (o.last_failed_at IS NULL OR o.last_failed_at <= now() - $2 * interval '1 millisecond') "
            + "AND NOT EXISTS (SELECT 1 FROM outbox f WHERE f.message_key = o.message_key AND f.id < o.id "
            + "AND f.last_error IS NOT NULL "
            + "AND (f.parked_at IS NOT NULL OR f.last_failed_at > now() - $2 * interval '1 millisecond')) "
            + "ORDER BY o.id LIMIT $1) o ON true ORDER BY o.id";

    /** A row waiting to be published. */
    public record Waiting(long id, String topic, String messageKey, String ceId, String ceType, String ceSource,
            Instant createdAt, String payload) {
    }

    /**
     * A failed publish of a row.
     *
     * @param refused the broker or the producer refused this record (too large, invalid topic, ...): such
     *        failures park the row once it has failed {@code park-after} times. A transient failure (the
     *        broker unreachable, a timeout) is counted but never parks: it is retried until it passes.
     */
    public record Failure(long id, String error, boolean refused) {
    }

    /** A row that failed to publish at least once, as operators see it. */
    public record Failed(long id, String hubOrderId, String topic, String ceId, String ceType, int attempts,
            String lastError, Instant lastFailedAt, @Nullable Instant parkedAt, Instant createdAt) {
    }

    /**
     * Takes the relay's lock for the rest of the connection's transaction and reads the next rows to
     * publish; null when another relay (another replica) holds the lock.
     *
     * @param retryAfter a row that failed is read again only this long after its last failure
     */
    public Uni<@Nullable List<Waiting>> lockAndReadWaiting(SqlConnection transaction, int limit, Duration retryAfter) {
        return transaction.preparedQuery(LOCK_AND_READ_WAITING)
                .execute(Tuple.of(limit, retryAfter.toMillis()))
                .map(rows -> {
                    List<Waiting> waiting = new ArrayList<>();
                    for (Row row : rows) {
                        if (!row.getBoolean("held")) {
                            return null;
                        }
                        if (row.getLong("id") != null) {
                            waiting.add(new Waiting(row.getLong("id"), row.getString("topic"),
                                    row.getString("message_key"), row.getString("ce_id"), row.getString("ce_type"),
                                    row.getString("ce_source"), row.getOffsetDateTime("created_at").toInstant(),
                                    row.getString("payload")));
                        }
                    }
                    return waiting;
                });
    }

    /** The broker acked these: they leave the outbox. */
    public Uni<Void> delete(SqlConnection connection, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(new Long[0]))).replaceWithVoid();
    }

    /**
     * Counts a failed attempt of each row and keeps its error; a refused row that has now failed
     * {@code parkAfter} times is parked.
     *
     * @return the rows parked by these failures
     */
    public Uni<List<Failed>> recordFailures(SqlConnection connection, List<Failure> failures, int parkAfter) {
        if (failures.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] ids = failures.stream().map(Failure::id).toArray(Long[]::new);
        String[] errors = failures.stream().map(Failure::error).toArray(String[]::new);
        Boolean[] refused = failures.stream().map(Failure::refused).toArray(Boolean[]::new);
        // in SET, o.attempts is the value before this update
        return connection.preparedQuery("UPDATE outbox o SET attempts = o.attempts + 1, last_error = f.error, "
                        + "last_failed_at = now(), parked_at = CASE WHEN f.refused AND o.attempts + 1 >= $4 THEN now() END "
                        + "FROM unnest($1::int8[], $2::text[], $3::bool[]) AS f(id, error, refused) WHERE o.id = f.id "
                        + "RETURNING " + prefixed("o.", FAILED_COLUMNS))
                .execute(Tuple.of(ids, errors, refused, parkAfter))
                .map(rows -> failed(rows).stream().filter(row -> row.parkedAt() != null).toList());
    }

    /** A keyset page of parked rows by id: at most {@code count} with an id after {@code after}. */
    public Uni<List<Failed>> parked(SqlClient client, long after, int count) {
        return client.preparedQuery("SELECT " + FAILED_COLUMNS + " FROM outbox WHERE last_error IS NOT NULL "
                        + "AND parked_at IS NOT NULL AND id > $1 ORDER BY id LIMIT $2")
                .execute(Tuple.of(after, count)).map(OutboxRows::failed);
    }

    /** The order's rows that failed to publish, parked or still retried, in id order. */
    public Uni<List<Failed>> failedOf(SqlClient client, String hubOrderId) {
        return client.preparedQuery("SELECT " + FAILED_COLUMNS + " FROM outbox WHERE message_key = $1 "
                        + "AND last_error IS NOT NULL ORDER BY id")
                .execute(Tuple.of(hubOrderId)).map(OutboxRows::failed);
    }

    /**
     * Un-parks a parked row: it is published again with {@code parkAfter} more attempts. Its last error
     * stays until it is published, so the rest of its order still waits behind it.
     *
     * @return the row as it is now, or null when no parked row has this id
     */
    public Uni<@Nullable Failed> unpark(SqlClient client, long id) {
        return client.preparedQuery("UPDATE outbox SET parked_at = NULL, attempts = 0, last_failed_at = NULL "
                        + "WHERE id = $1 AND parked_at IS NOT NULL RETURNING " + FAILED_COLUMNS)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : failed(rows).get(0));
    }

    private static List<Failed> failed(Iterable<Row> rows) {
        List<Failed> failed = new ArrayList<>();
        for (Row row : rows) {
            failed.add(new Failed(row.getLong("id"), row.getString("message_key"), row.getString("topic"),
                    row.getString("ce_id"), row.getString("ce_type"), row.getInteger("attempts"),
                    row.getString("last_error"), instant(row.getOffsetDateTime("last_failed_at")),
                    instant(row.getOffsetDateTime("parked_at")), row.getOffsetDateTime("created_at").toInstant()));
        }
        return failed;
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
