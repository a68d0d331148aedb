package io.fulfillmenthub.kit.health;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the service's database answers, within a bound. It replaces Quarkus's datasource checks
 * ({@code quarkus.datasource.health.enabled=false}): the JDBC one (the pool Flyway uses at start) waits
 * without limit on a database that accepts connections and never answers, as a frozen or overloaded
 * server does, and the reactive one waits seconds longer than a readiness probe does. A probe that gets
 * no answer is left unanswered; a probe must get DOWN, at once, so traffic moves elsewhere.
 */
public final class DatabaseReadiness {

    public static final String NAME = "database";

    private DatabaseReadiness() {
    }

    /** UP when {@code SELECT 1} answers within {@code timeout}; DOWN, saying why, otherwise. */
    public static Uni<HealthCheckResponse> check(Pool pool, Duration timeout) {
        return pool.query("SELECT 1").execute()
                .map(rows -> HealthCheckResponse.up(NAME))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout.toMillis() + " ms"))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure.getClass().getSimpleName() + ": " + failure.getMessage())
                        .build());
    }
}
