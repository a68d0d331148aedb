package io.fulfillmenthub.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the orchestrator classes the database failures it meets: {@link Failures} (transient: waited out;
 * otherwise not) and {@link WriteConflicts} (the transaction run again at once). The failures are real:
 * provoked on the test's PostgreSQL through the reactive client. Codes that cannot be provoked on demand
 * (the server out of memory or shutting down) are checked as the client reports them.
 */
@QuarkusTest
class FailureClassificationTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @Inject
    Pool database;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    @Test
    void aConstraintViolationIsNotTransient() {
        String id = UUID.randomUUID().toString();
        insertProcessed(id);

        Throwable failure = failureOf(() -> database.preparedQuery(
                "INSERT INTO processed_message (consumer, message_id) VALUES ('test', $1)").execute(Tuple.of(id)));

        assertThat(failure).isInstanceOf(PgException.class);
        assertThat(((PgException) failure).getSqlState()).isEqualTo("23505");
        assertThat(Failures.classify(failure)).isEqualTo(FailureClass.UNKNOWN);
        assertThat(Failures.classify(new CompletionException(failure))).isEqualTo(FailureClass.UNKNOWN);
        assertThat(WriteConflicts.isConflict(failure)).isFalse();
    }

    @Test
    void aSerializationFailureIsAConflictToRunAgainAtOnce() {
        String id = UUID.randomUUID().toString();
        insertProcessed(id);
        SqlConnection first = connect();
        first.query("BEGIN ISOLATION LEVEL REPEATABLE READ").execute().await().atMost(LONG_ENOUGH);
        first.preparedQuery("SELECT * FROM processed_message WHERE message_id = $1").execute(Tuple.of(id))
                .await().atMost(LONG_ENOUGH);
        database.preparedQuery("UPDATE processed_message SET processed_at = now() WHERE message_id = $1")
                .execute(Tuple.of(id)).await().atMost(LONG_ENOUGH);

        Throwable failure = failureOf(() -> first.preparedQuery(
                "UPDATE processed_message SET processed_at = now() WHERE message_id = $1").execute(Tuple.of(id)));
        first.close().await().atMost(LONG_ENOUGH);

        assertThat(((PgException) failure).getSqlState()).isEqualTo("40001");
        assertThat(WriteConflicts.isConflict(failure)).isTrue();
        assertThat(Failures.classify(failure)).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void aSessionTheServerEndsIsTransientAndSoIsTheClosedConnectionItLeaves() {
        SqlConnection victim = connect();
        int pid = victim.query("SELECT pg_backend_pid() AS pid").execute().await().atMost(LONG_ENOUGH)
                .iterator().next().getInteger("pid");
        var sleeping = victim.query("SELECT pg_sleep(60)").execute().subscribeAsCompletionStage();
        org.awaitility.Awaitility.await().atMost(LONG_ENOUGH).until(() -> database.preparedQuery(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1 AND query LIKE 'SELECT pg_sleep%' "
                        + "AND state = 'active'").execute(Tuple.of(pid)).await().atMost(LONG_ENOUGH)
                .iterator().next().getLong("n") == 1);

        database.preparedQuery("SELECT pg_terminate_backend($1)").execute(Tuple.of(pid)).await().atMost(LONG_ENOUGH);

        // the server reports 57P01 and closes the session; the client fails the query as a closed connection
        Throwable terminated = failureOf(() -> io.smallrye.mutiny.Uni.createFrom().completionStage(sleeping));
        assertThat(Failures.classify(terminated)).as("%s", terminated).isEqualTo(FailureClass.TRANSIENT);
        Throwable closed = failureOf(() -> victim.query("SELECT 1").execute());
        assertThat(Failures.classify(closed)).as("%s", closed).isEqualTo(FailureClass.TRANSIENT);
        assertThat(WriteConflicts.isConflict(closed)).isFalse();
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PgConnectOptions nowhere = new PgConnectOptions().setHost("localhost").setPort(port).setDatabase("orchestrator")
                .setUser(databaseUser);

        Throwable failure = failureOf(() -> PgConnection.connect(vertx, nowhere));

        assertThat(failure).isInstanceOf(java.net.ConnectException.class);
        assertThat(Failures.classify(failure)).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void noPooledConnectionInTimeIsTransient() {
        Pool one = PgPool.pool(vertx, options(), new PoolOptions().setMaxSize(1).setConnectionTimeout(100)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS));
        try {
            SqlConnection taken = one.getConnection().await().atMost(LONG_ENOUGH);
            Throwable failure = failureOf(one::getConnection);
            taken.close().await().atMost(LONG_ENOUGH);

            assertThat(Failures.classify(failure)).as("%s", failure).isEqualTo(FailureClass.TRANSIENT);
        } finally {
            one.close().await().atMost(LONG_ENOUGH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "40P01", "53300", "53100", "57P01", "57P02", "57P03"})
    void connectionResourceShutdownAndDeadlockStatesAreTransient(String sqlState) {
        assertThat(Failures.classify(new PgException("as the server reported it", "FATAL", sqlState, null)))
                .isEqualTo(FailureClass.TRANSIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "23502", "23514", "22001", "42P01", "42703", "P0001"})
    void constraintDataAndProgrammingStatesAreNot(String sqlState) {
        PgException failure = new PgException("as the server reported it", "ERROR", sqlState, null);
        assertThat(Failures.classify(failure)).isEqualTo(FailureClass.UNKNOWN);
        assertThat(WriteConflicts.isConflict(failure)).isFalse();
    }

    private void insertProcessed(String id) {
        database.preparedQuery("INSERT INTO processed_message (consumer, message_id) VALUES ('test', $1)")
                .execute(Tuple.of(id)).await().atMost(LONG_ENOUGH);
    }

    private PgConnectOptions options() {
        return PgConnectOptions.fromUri(databaseUrl).setUser(databaseUser).setPassword(databasePassword.orElse(""));
    }

    /** A connection of its own, outside the pool. */
    private SqlConnection connect() {
        return PgConnection.connect(vertx, options()).await().atMost(LONG_ENOUGH);
    }

    private static Throwable failureOf(Supplier<io.smallrye.mutiny.Uni<?>> work) {
        return work.get().map(ignored -> (Throwable) null).onFailure().recoverWithItem(failure -> failure)
                .await().atMost(LONG_ENOUGH);
    }
}
