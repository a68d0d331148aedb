package io.fulfillmenthub.bench;

import io.fulfillmenthub.infra.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The database's ceiling for the orchestrator: durable single-row insert transactions (autocommit, so
 * one commit and one WAL flush each, shared by group commit) from 8 connections for a fixed time. The
 * connections stay open from construction to {@link #close}: a backend that exits takes its CPU time
 * out of /proc, so closing them inside a run would hide PostgreSQL's share of it.
 */
final class DurableInsertCeiling implements AutoCloseable {

    static final int CONNECTIONS = 8;
    static final String DATABASE = "bench";

    private final String jdbcUrl;
    private final List<Connection> connections = new ArrayList<>();

    DurableInsertCeiling(String jdbcUrl) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, "
                    + "written_at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)");
        }
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Connection connection = connect();
                connections.add(connection);
                connection.setAutoCommit(true);
            }
        } catch (SQLException failure) {
            close();
            throw failure;
        }
    }

    /** Transactions per second over {@code duration}. */
    double measure(Duration duration) throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (Connection connection : connections) {
                counts.add(threads.submit(() -> insertUntil(connection, end)));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    @Override
    public void close() {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the benchmark is done with it either way
            }
        }
        connections.clear();
    }

    private static long insertUntil(Connection connection, long endNanos) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_insert (payload) VALUES (?)")) {
            long count = 0;
            while (System.nanoTime() < endNanos) {
                insert.setString(1, "order-placed " + count);
                insert.executeUpdate();
                count++;
            }
            return count;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, "");
    }
}
