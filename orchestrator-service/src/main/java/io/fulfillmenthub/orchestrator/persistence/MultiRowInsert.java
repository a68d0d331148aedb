package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Inserts many rows of a table whose id is an identity column with one statement, in the caller's
 * transaction: one round trip, where persisting such entities costs one each (Hibernate cannot batch
 * identity inserts). The ids follow the order of the rows given, as they would one insert after the
 * other. The rows do not become managed entities. The session is flushed first, so the rows they
 * refer to are in the database.
 */
final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /** @param rows each row's values in the order of {@code columns}; null for SQL NULL */
    static Uni<Void> into(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String row = columns.stream().map(column -> "?").collect(Collectors.joining(", ", "(", ")"));
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), row));
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql);
            int position = 1;
            for (Object[] values : rows) {
                for (Object value : values) {
                    insert.setParameter(position++, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
                }
            }
            return session.flush().chain(insert::executeUpdate);
        }).replaceWithVoid();
    }
}
