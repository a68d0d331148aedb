package io.fulfillmenthub.orchestrator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Set-based statements for a whole batch of rows: each column travels as one array parameter and
 * {@code unnest} turns the arrays back into rows, so a statement costs one round trip whatever the
 * number of rows, and its text (and so its prepared plan) does not depend on that number. Inserts keep
 * the order of the rows given ({@code WITH ORDINALITY ... ORDER BY}), so identity ids follow it as they
 * would one insert after the other.
 */
public final class Unnest {

    /**
     * @param name the column
     * @param type its SQL type; the values travel as an array of {@code javaType}, cast to it in the
     *        statement (numeric travels as text: its exact decimal form)
     */
    record Column(String name, String type, Class<?> javaType) {

        static Column text(String name) {
            return new Column(name, "text", String.class);
        }

        static Column integer(String name) {
            return new Column(name, "int4", Integer.class);
        }

        static Column bool(String name) {
            return new Column(name, "bool", Boolean.class);
        }

        static Column bigint(String name) {
            return new Column(name, "int8", Long.class);
        }

        static Column timestamp(String name) {
            return new Column(name, "timestamptz", java.time.OffsetDateTime.class);
        }

        static Column numeric(String name) {
            return new Column(name, "numeric", String.class);
        }

        String parameterType() {
            return javaType == String.class ? "text[]" : type + "[]";
        }
    }

    private Unnest() {
    }

    /** {@code INSERT INTO table (columns) SELECT ... FROM unnest($1, ...)}: every row, in the order given. */
    static Uni<Integer> insert(SqlConnection connection, String table, List<Column> columns, List<Object[]> rows) {
        return insert(connection, table, columns, rows, "");
    }

    /** As {@link #insert(SqlConnection, String, List, List)}, with a clause after it, e.g. {@code ON CONFLICT DO NOTHING}. */
    static Uni<Integer> insert(SqlConnection connection, String table, List<Column> columns, List<Object[]> rows,
            String then) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + names + ") SELECT "
                + columns.stream().map(column -> "u." + column.name() + "::" + column.type()).collect(Collectors.joining(", "))
                + " FROM " + unnest(columns) + " WITH ORDINALITY AS u(" + names + ", ordinality) ORDER BY u.ordinality"
                + (then.isEmpty() ? "" : " " + then);
        return execute(connection, sql, columns, rows);
    }

    /**
     * {@code UPDATE table t SET ... FROM unnest(...) u WHERE t.key = u.key [AND condition]}. The first
     * column is the key. Fails with {@link StaleRowsException} unless every row was updated.
     *
     * @param assignments e.g. {@code status = u.status, version = t.version + 1}
     * @param condition extra condition on {@code t} and {@code u}, or null
     */
    static Uni<Integer> update(SqlConnection connection, String table, List<Column> columns, String assignments,
            String condition, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String key = columns.get(0).name();
        String sql = "UPDATE " + table + " t SET " + assignments + " FROM " + unnest(columns) + " AS u(" + names
                + ") WHERE t." + key + " = u." + key + "::" + columns.get(0).type()
                + (condition == null ? "" : " AND " + condition);
        return execute(connection, sql, columns, rows).invoke(updated -> {
            if (updated != rows.size()) {
                throw new StaleRowsException(table, rows.size(), updated);
            }
        });
    }

    private static String unnest(List<Column> columns) {
        return IntStream.range(0, columns.size()).mapToObj(i -> "$" + (i + 1) + "::" + columns.get(i).parameterType())
                .collect(Collectors.joining(", ", "unnest(", ")"));
    }

    private static Uni<Integer> execute(SqlConnection connection, String sql, List<Column> columns, List<Object[]> rows) {
        int count = rows.size();
        List<Object> arrays = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            Object array = Array.newInstance(columns.get(c).javaType(), count);
            for (int r = 0; r < count; r++) {
                Array.set(array, r, rows.get(r)[c]);
            }
            arrays.add(array);
        }
        return connection.preparedQuery(sql).execute(Tuple.from(arrays)).map(result -> result.rowCount());
    }

    /** An update found fewer rows than it was given: another writer changed them (a version) in between. */
    public static final class StaleRowsException extends RuntimeException {
        StaleRowsException(String table, int expected, int updated) {
            super(table + ": " + updated + " of " + expected + " rows updated; another writer changed the others");
        }
    }
}
