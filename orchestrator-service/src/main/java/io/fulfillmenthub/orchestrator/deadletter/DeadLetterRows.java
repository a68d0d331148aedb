package io.fulfillmenthub.orchestrator.deadletter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

/** The {@code dead_letter} table (V5), mapped once. Every method runs on the caller's client or connection. */
@ApplicationScoped
public class DeadLetterRows {

    private static final String ENTRY_COLUMNS = "id, dlq_topic, dlq_partition, dlq_offset, source_topic, "
            + "source_partition, source_offset, consumer_group, ce_id, ce_type, hub_order_id, kind, reason, cause, "
            + "held_by, dead_lettered_at, replayed_at, replay_count";

    /**
     * Stores the dead letters not stored yet, in one round trip: a dead letter read again (a redelivery
     * after a crash or a rebalance) is already there and changes nothing.
     */
    public Uni<Void> index(SqlClient client, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            DeadLetterEntry e = letter.entry();
            String[] names = new String[letter.headers().size()];
            Buffer[] values = new Buffer[names.length];
            for (int i = 0; i < names.length; i++) {
                Header header = letter.headers().get(i);
                names[i] = header.key().replace("\u0000", "");
                values[i] = header.value() == null ? null : Buffer.buffer(header.value());
            }
            rows.add(Tuple.newInstance(io.vertx.sqlclient.Tuple.tuple()
                    .addValue(e.dlqTopic()).addValue(e.dlqPartition()).addValue(e.dlqOffset())
                    .addValue(e.sourceTopic()).addValue(e.sourcePartition()).addValue(e.sourceOffset())
                    .addValue(e.group()).addValue(e.ceId()).addValue(e.ceType()).addValue(e.hubOrderId())
                    .addValue(e.kind()).addValue(e.reason()).addValue(e.cause()).addValue(e.heldBy())
                    .addValue(e.deadLetteredAt().atOffset(ZoneOffset.UTC))
                    .addValue(letter.key() == null ? null : Buffer.buffer(letter.key().getBytes(StandardCharsets.UTF_8)))
                    .addValue(letter.value() == null ? null : Buffer.buffer(letter.value()))
                    .addValue(names).addValue(values)));
        }
        return client.preparedQuery("INSERT INTO dead_letter (dlq_topic, dlq_partition, dlq_offset, source_topic, "
                        + "source_partition, source_offset, consumer_group, ce_id, ce_type, hub_order_id, kind, reason, "
                        + "cause, held_by, dead_lettered_at, message_key, message_value, header_names, header_values) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) "
                        + "ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING")
                .executeBatch(rows).replaceWithVoid();
    }

    /**
     * A keyset page by id: at most {@code count} dead letters with an id after {@code after} that match
     * every filter given. One statement, so one snapshot.
     */
    public Uni<List<DeadLetterEntry>> page(SqlClient client, DeadLetterFilter filter, long after, int count) {
        List<Object> parameters = new ArrayList<>(List.of(after, (long) count));
        StringBuilder where = new StringBuilder("id > $1");
        condition(where, parameters, "consumer_group", filter.group());
        condition(where, parameters, "hub_order_id", filter.order());
        condition(where, parameters, "ce_type", filter.type());
        condition(where, parameters, "kind", filter.kind());
        if (filter.replayed() != null) {
            where.append(filter.replayed() ? " AND replayed_at IS NOT NULL" : " AND replayed_at IS NULL");
        }
        return client.preparedQuery("SELECT " + ENTRY_COLUMNS + " FROM dead_letter WHERE " + where
                        + " ORDER BY id LIMIT $2")
                .execute(Tuple.from(parameters)).map(DeadLetterRows::entries);
    }

    /** The order's dead letters not replayed yet, in the order they were written to each dead-letter topic. */
    public Uni<List<DeadLetterEntry>> notReplayedOf(SqlClient client, String hubOrderId) {
        return client.preparedQuery("SELECT " + ENTRY_COLUMNS + " FROM dead_letter WHERE hub_order_id = $1 "
                        + "AND replayed_at IS NULL ORDER BY dlq_topic, dlq_partition, dlq_offset")
                .execute(Tuple.of(hubOrderId)).map(DeadLetterRows::entries);
    }

    /**
     * The ids of the selected dead letters not replayed yet, in the order a replay takes them: per
     * dead-letter topic partition (so per consumer group, and per order) in offset order.
     */
    public Uni<List<Long>> toReplay(SqlClient client, ReplaySelection selection) {
        String sql = "SELECT id FROM dead_letter WHERE replayed_at IS NULL AND "
                + (selection.order() != null ? "hub_order_id = $1" : "consumer_group = $1 AND ce_type = $2")
                + " ORDER BY dlq_topic, dlq_partition, dlq_offset";
        Tuple parameters = selection.order() != null ? Tuple.of(selection.order())
                : Tuple.of(selection.group(), selection.type());
        return client.preparedQuery(sql).execute(parameters).map(rows -> {
            List<Long> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.getLong("id")));
            return ids;
        });
    }

    /** The dead letter with its record, or null when there is none with this id. */
    public Uni<@Nullable DeadLetter> load(SqlClient client, long id) {
        return client.preparedQuery("SELECT " + ENTRY_COLUMNS + ", message_key, message_value, header_names, "
                        + "header_values FROM dead_letter WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    String[] names = row.getArrayOfStrings("header_names");
                    Buffer[] values = row.getDelegate().getArrayOfBuffers("header_values");
                    List<Header> headers = new ArrayList<>(names.length);
                    for (int i = 0; i < names.length; i++) {
                        headers.add(new RecordHeader(names[i], values[i] == null ? null : values[i].getBytes()));
                    }
                    Buffer key = row.getDelegate().getBuffer("message_key");
                    Buffer value = row.getDelegate().getBuffer("message_value");
                    return new DeadLetter(entry(row), key == null ? null : key.toString(StandardCharsets.UTF_8),
                            value == null ? null : value.getBytes(), headers);
                });
    }

    /** Notes a replay the broker acknowledged; the dead letter as it now stands. */
    public Uni<DeadLetterEntry> markReplayed(SqlClient client, long id) {
        return client.preparedQuery("UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 "
                        + "WHERE id = $1 RETURNING " + ENTRY_COLUMNS)
                .execute(Tuple.of(id)).map(rows -> entry(rows.iterator().next()));
    }

    private static void condition(StringBuilder where, List<Object> parameters, String column, @Nullable String value) {
        if (value != null) {
            parameters.add(value);
            where.append(" AND ").append(column).append(" = $").append(parameters.size());
        }
    }

    private static List<DeadLetterEntry> entries(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<DeadLetterEntry> entries = new ArrayList<>(rows.size());
        rows.forEach(row -> entries.add(entry(row)));
        return entries;
    }

    private static DeadLetterEntry entry(Row row) {
        OffsetDateTime replayedAt = row.getOffsetDateTime("replayed_at");
        return new DeadLetterEntry(row.getLong("id"), row.getString("dlq_topic"), row.getInteger("dlq_partition"),
                row.getLong("dlq_offset"), row.getString("source_topic"), row.getInteger("source_partition"),
                row.getLong("source_offset"), row.getString("consumer_group"), row.getString("ce_id"),
                row.getString("ce_type"), row.getString("hub_order_id"), row.getString("kind"), row.getString("reason"),
                row.getString("cause"), row.getString("held_by"), row.getOffsetDateTime("dead_lettered_at").toInstant(),
                replayedAt == null ? null : replayedAt.toInstant(), row.getInteger("replay_count"));
    }
}
