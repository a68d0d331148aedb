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
 * one commit and one WAL flush each, shared by group commit) from 8 connections for a fixed time.
 */
final class DurableInsertCeiling {

    static final int CONNECTIONS = 8;
    static final String DATABASE = "bench";

    private final String jdbcUrl;

    DurableInsertCeiling(String jdbcUrl) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, "
                    + "written_at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)");
        }
    }

    /** Transactions per second over {@code duration}. */
    double measure(Duration duration) throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                counts.add(threads.submit(() -> insertUntil(end)));
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

    private long insertUntil(long endNanos) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_insert (payload) VALUES (?)")) {
            connection.setAutoCommit(true);
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
