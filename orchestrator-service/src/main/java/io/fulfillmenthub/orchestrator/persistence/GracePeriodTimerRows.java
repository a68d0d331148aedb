package io.fulfillmenthub.orchestrator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grace-period timers (V12): one row per order that waits, paid, for its grace period to pass. The writer
 * ({@link OrderRows#write}) keeps a row exactly while its order wants one; the poller claims and deletes the
 * due ones. Every method runs on the caller's connection, in its transaction.
 */
@ApplicationScoped
public class GracePeriodTimerRows {

    /**
     * Claims up to {@code limit} timers due at {@code now}, earliest first, locking each with its order row for the
     * rest of the transaction. A timer or order another transaction holds (another replica's poller, a batch of
     * facts about the order) is skipped, never waited for: it is fired by that replica, or in a later round.
     *
     * @return due time by hub order id, earliest first
     */
    public Uni<Map<String, Instant>> claimDue(SqlConnection connection, Instant now, int limit) {
        return connection.preparedQuery("SELECT t.hub_order_id, t.due_at FROM grace_period_timer t "
                        + "JOIN orders o ON o.hub_order_id = t.hub_order_id WHERE t.due_at <= $1 "
                        + "ORDER BY t.due_at, t.hub_order_id LIMIT $2 FOR UPDATE OF t, o SKIP LOCKED")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), (long) limit))
                .map(GracePeriodTimerRows::dueByOrder);
    }

    /** Claims the one timer of this order when it is due, as {@link #claimDue} does: empty when not due or held. */
    public Uni<Map<String, Instant>> claimDue(SqlConnection connection, Instant now, String hubOrderId) {
        return connection.preparedQuery("SELECT t.hub_order_id, t.due_at FROM grace_period_timer t "
                        + "JOIN orders o ON o.hub_order_id = t.hub_order_id WHERE t.due_at <= $1 AND t.hub_order_id = $2 "
                        + "FOR UPDATE OF t, o SKIP LOCKED")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), hubOrderId))
                .map(GracePeriodTimerRows::dueByOrder);
    }

    /** The orders of up to {@code limit} timers due at {@code now}, earliest first, without locking them. */
    public Uni<List<String>> due(SqlClient client, Instant now, int limit) {
        return client.preparedQuery("SELECT hub_order_id FROM grace_period_timer WHERE due_at <= $1 "
                        + "ORDER BY due_at, hub_order_id LIMIT $2")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), (long) limit))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("hub_order_id")));
                    return ids;
                });
    }

    private static Map<String, Instant> dueByOrder(RowSet<Row> rows) {
        Map<String, Instant> due = new LinkedHashMap<>();
        for (Row row : rows) {
            due.put(row.getString("hub_order_id"), row.getOffsetDateTime("due_at").toInstant());
        }
        return due;
    }

    /** Deletes the claimed timers: fired, whatever their transition did. */
    public Uni<Integer> delete(SqlConnection connection, List<String> hubOrderIds) {
        return connection.preparedQuery("DELETE FROM grace_period_timer WHERE hub_order_id = ANY($1)")
                .execute(Tuple.of((Object) hubOrderIds.toArray(String[]::new))).map(rows -> rows.rowCount());
    }
}
