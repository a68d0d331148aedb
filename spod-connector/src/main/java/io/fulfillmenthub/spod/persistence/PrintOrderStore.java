package io.fulfillmenthub.spod.persistence;

import io.fulfillmenthub.spod.translate.PrintLine;
import io.fulfillmenthub.spod.translate.ReportedState;
import io.fulfillmenthub.spod.translate.SpodProgress;
import io.fulfillmenthub.spod.translate.TrackedOrder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connector's state: the print orders it submitted, the commands it handled (the inbox of V1) and
 * the poll cursor. Each method is one unit of work: the writing ones one transaction each, the reading
 * ones one statement. Plain SQL on the reactive client: three small tables need no ORM.
 */
@ApplicationScoped
public class PrintOrderStore {

    /** The consumer name in processed_message. */
    public static final String CONSUMER = "spod-connector";
    static final String ORDERS_CURSOR = "spod-orders";

    private final Pool database;

    public PrintOrderStore(Pool database) {
        this.database = database;
    }

    /**
     * Before a submit: records the print order under its external id at SPOD (unless an earlier submit
     * did) so the poller can map its lines. A resubmission has an external id of its own, so it is a row
     * of its own and the earlier submission's row stays. False when this command was handled before, and
     * nothing is to be done.
     */
    public Uni<Boolean> beginSubmit(String commandId, String externalOrderId, String fulfillmentId, String hubOrderId,
            List<PrintLine> lines) {
        OffsetDateTime now = now();
        return database.withTransaction(connection -> handled(connection, commandId).chain(handled -> handled
                ? Uni.createFrom().item(false)
                // an order submitted before keeps what it has, unless SPOD refused it or it was held: then track the new attempt
                : connection.preparedQuery("INSERT INTO print_order (external_order_id, fulfillment_id, hub_order_id, lines, "
                                + "reported_state, reported_shipments, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) "
                                + "ON CONFLICT (external_order_id) DO UPDATE SET lines = EXCLUDED.lines, "
                                + "reported_state = EXCLUDED.reported_state, reported_shipments = EXCLUDED.reported_shipments, "
                                + "updated_at = EXCLUDED.updated_at WHERE print_order.reported_state = ANY($8)")
                        .execute(Tuple.of(externalOrderId, fulfillmentId, hubOrderId, PrintOrder.linesJson(lines),
                                ReportedState.SUBMITTED, PrintOrder.shipmentsJson(List.of()))
                                .addOffsetDateTime(now)
                                .addArrayOfString(ReportedState.RESUBMITTABLE.toArray(String[]::new)))
                        .replaceWith(true)));
    }

    /** Whether this command was handled before. */
    public Uni<Boolean> alreadyHandled(String commandId) {
        return handled(database, commandId);
    }

    /**
     * After a command's fact was published: marks the command handled and, when the command settled the
     * print order's state (rejected, cancelled), records it so the poller does not report it again.
     */
    public Uni<Void> commandHandled(String commandId, String externalOrderId, String settledState) {
        return database.withTransaction(connection -> connection.preparedQuery(
                        "INSERT INTO processed_message (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(CONSUMER, commandId))
                .chain(() -> settledState == null
                        ? Uni.createFrom().voidItem()
                        // the shipments already reported stay as they are
                        : connection.preparedQuery("UPDATE print_order SET reported_state = $2, updated_at = $3 "
                                        + "WHERE external_order_id = $1")
                                .execute(Tuple.of(externalOrderId, settledState, now()))
                                .replaceWithVoid()));
    }

    /**
     * The hub's print orders among these external ids at SPOD, by external id; SPOD orders the hub did not
     * submit are absent.
     */
    public Uni<Map<String, TrackedOrder>> tracked(Collection<String> externalOrderIds) {
        if (externalOrderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return database.preparedQuery("SELECT " + PrintOrder.COLUMNS + " FROM print_order WHERE external_order_id = ANY($1)")
                .execute(Tuple.of((Object) externalOrderIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, TrackedOrder> tracked = new HashMap<>();
                    rows.forEach(row -> tracked.put(row.getString("external_order_id"), PrintOrder.of(row).tracked()));
                    return tracked;
                });
    }

    /** Every stock-keeping unit of the print orders submitted so far. */
    public Uni<Set<String>> stockKeepingUnits() {
        return database.query("SELECT DISTINCT line->>'stockKeepingUnit' AS unit FROM print_order, "
                        + "jsonb_array_elements(lines::jsonb) AS line")
                .execute()
                .map(rows -> {
                    Set<String> units = new TreeSet<>();
                    rows.forEach(row -> {
                        if (row.getString("unit") != null) {
                            units.add(row.getString("unit"));
                        }
                    });
                    return units;
                });
    }

    /** SPOD's {@code updated-since} for the next poll; the epoch before the first. */
    public Uni<Instant> cursor() {
        return database.preparedQuery("SELECT updated_since FROM poll_cursor WHERE name = $1")
                .execute(Tuple.of(ORDERS_CURSOR))
                .map(rows -> rows.size() == 0 ? Instant.EPOCH
                        : rows.iterator().next().getOffsetDateTime("updated_since").toInstant());
    }

    /** After a page's facts were published: stores what they reported (by external id), in one transaction. */
    public Uni<Void> reported(Map<String, SpodProgress.Report> reports) {
        if (reports.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return database.withTransaction(connection -> storeReports(connection, reports, now()));
    }

    /** After every page of a poll's window was read: the {@code updated-since} of the next poll; it only moves forward. */
    public Uni<Void> advanceCursor(Instant cursor) {
        OffsetDateTime now = now();
        return database.preparedQuery("INSERT INTO poll_cursor (name, updated_since, updated_at) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET "
                        + "updated_since = EXCLUDED.updated_since, updated_at = EXCLUDED.updated_at "
                        + "WHERE poll_cursor.updated_since < EXCLUDED.updated_since")
                .execute(Tuple.of(ORDERS_CURSOR, cursor.atOffset(ZoneOffset.UTC), now))
                .replaceWithVoid();
    }

    /** One statement for the whole page; ids the hub does not track match no row. */
    private static Uni<Void> storeReports(SqlConnection connection, Map<String, SpodProgress.Report> reports,
            OffsetDateTime now) {
        if (reports.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = new String[reports.size()];
        String[] states = new String[reports.size()];
        String[] shipments = new String[reports.size()];
        int i = 0;
        for (Map.Entry<String, SpodProgress.Report> report : reports.entrySet()) {
            ids[i] = report.getKey();
            states[i] = report.getValue().reportedState();
            shipments[i] = PrintOrder.shipmentsJson(report.getValue().reportedShipments());
            i++;
        }
        return connection.preparedQuery("UPDATE print_order AS p SET reported_state = u.reported_state, "
                        + "reported_shipments = u.reported_shipments, updated_at = $4 "
                        + "FROM unnest($1::text[], $2::text[], $3::text[]) AS u(external_order_id, reported_state, reported_shipments) "
                        + "WHERE p.external_order_id = u.external_order_id")
                .execute(Tuple.of(ids, states, shipments, now))
                .replaceWithVoid();
    }

    private static Uni<Boolean> handled(SqlClient client, String commandId) {
        return client.preparedQuery("SELECT 1 FROM processed_message WHERE consumer = $1 AND message_id = $2")
                .execute(Tuple.of(CONSUMER, commandId))
                .map(rows -> rows.size() > 0);
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }
}
