package io.fulfillmenthub.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A database that takes connections and never answers (frozen, or swamped) is DOWN, not a probe left hanging. */
class DatabaseReadinessTest {

    private final List<Socket> accepted = new ArrayList<>();
    private ServerSocket frozenDatabase;
    private Vertx vertx;
    private Pool pool;

    @BeforeEach
    void start() throws IOException {
        frozenDatabase = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket socket = frozenDatabase.accept(); // what the kernel does for a SIGSTOPped server
                    synchronized (accepted) {
                        accepted.add(socket);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "frozen-database");
        acceptor.setDaemon(true);
        acceptor.start();
        vertx = Vertx.vertx();
        pool = PgPool.pool(vertx, new PgConnectOptions().setHost("localhost").setPort(frozenDatabase.getLocalPort())
                .setDatabase("hub").setUser("hub").setPassword("hub"), new PoolOptions().setMaxSize(2));
    }

    @AfterEach
    void stop() throws IOException {
        // the "database" goes first, so the pool's pending connections fail rather than wait for ever
        frozenDatabase.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        pool.close().await().atMost(Duration.ofSeconds(30));
        vertx.close().await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void aDatabaseThatNeverAnswersIsDownWithTheReason() {
        HealthCheckResponse response = DatabaseReadiness.check(pool, Duration.ofMillis(500))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo("database");
        assertThat(response.getData()).hasValueSatisfying(data ->
                assertThat(data.get("error")).asString().contains("no answer within 500 ms"));
    }

    @Test
    void everyProbeAnswersWhileTheDatabaseStaysAway() {
        for (int probe = 0; probe < 5; probe++) { // more probes than the pool has connections
            assertThat(DatabaseReadiness.check(pool, Duration.ofMillis(300)).await().atMost(Duration.ofSeconds(30))
                    .getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        }
    }
}
