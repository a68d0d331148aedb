package io.fulfillmenthub.kit.health;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check of every service with a PostgreSQL database (a service without one, ingest,
 * never gets this bean): ready only while the database answers within {@code hub.health.database-timeout}.
 * See {@link DatabaseReadiness}.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    private final Pool pool;
    private final Duration timeout;

    DatabaseReadinessCheck(Pool pool, @ConfigProperty(name = "hub.health.database-timeout", defaultValue = "3s") Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return DatabaseReadiness.check(pool, timeout);
    }
}
