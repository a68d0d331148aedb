package io.fulfillmenthub.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL 17 server from the zonky embedded binaries (linux-amd64). The distribution runs
 * with fsync and synchronous commit off unless told; {@code durable} turns both on, as the local stack
 * needs, while tests may run without.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    /** The processes {@link #freeze()} stopped, postmaster first; empty while the server runs. */
    private List<Long> frozen = List.of();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * @param dataDir kept across restarts unless {@code ephemeral}
     * @param port 0 for any free one
     * @param ephemeral the data directory is made anew and deleted on close (for tests)
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable, boolean ephemeral) {
        String onOff = durable ? "on" : "off";
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(ephemeral)
                    .setPort(FreePort.orFree(port))
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>} */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String database) {
        createDatabase(jdbcUrl("postgres"), USER, "", database);
    }

    /** Creates the database on any server unless it exists. */
    public static void createDatabase(String adminJdbcUrl, String user, String password, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be lower case letters, digits and _: " + database);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(adminJdbcUrl, user, password);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created by someone else meanwhile
            }
            throw new IllegalStateException("cannot create database " + database + " at " + adminJdbcUrl, e);
        }
    }

    /** The value of a server setting, e.g. {@code fsync}. */
    public String setting(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement show = connection.prepareStatement("SELECT current_setting(?)")) {
            show.setString(1, name);
            try (ResultSet rows = show.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read setting " + name, e);
        }
    }

    /**
     * Freezes the server as a hung host would (for fault tests): SIGSTOP to the postmaster, then to every
     * process it forked, so connections stay open and nothing answers, not even a new connection, until
     * {@link #thaw()}. Every database of the server freezes.
     */
    public synchronized void freeze() {
        if (!frozen.isEmpty()) {
            throw new IllegalStateException("PostgreSQL is frozen already");
        }
        long postmaster = postmasterPid();
        ProcessHandle handle = ProcessHandle.of(postmaster)
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL postmaster with pid " + postmaster));
        // the postmaster first, so it forks no backend that the list below would miss
        signal("STOP", List.of(postmaster));
        List<Long> stopped = new ArrayList<>();
        stopped.add(postmaster);
        handle.descendants().map(ProcessHandle::pid).forEach(stopped::add);
        frozen = List.copyOf(stopped);
        signal("STOP", frozen.subList(1, frozen.size()));
    }

    /** Lets the processes {@link #freeze()} stopped run again (SIGCONT); nothing when not frozen. */
    public synchronized void thaw() {
        if (frozen.isEmpty()) {
            return;
        }
        List<Long> stopped = frozen;
        frozen = List.of();
        signal("CONT", stopped.stream().filter(pid -> ProcessHandle.of(pid).isPresent()).toList());
    }

    /** The first line of {@code postmaster.pid} in the data directory. */
    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the postmaster's pid in " + dataDir, e);
        }
    }

    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        thaw(); // a frozen server cannot stop
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        }
    }
}
