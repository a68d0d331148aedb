package io.fulfillmenthub.testing;

import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.infra.FreePort;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Test profiles that take Kafka or the database away from a service, to check that readiness tells
 * the truth. A service's test extends a profile to name its database.
 */
public final class UnreachableInfrastructure {

    public static final String MESSAGING_CHECK = "SmallRye Reactive Messaging - readiness check";
    /** The services' own database check (service-kit DatabaseReadiness), which replaces Quarkus's. */
    public static final String DATABASE_CHECK = "database";

    private UnreachableInfrastructure() {
    }

    /** Waits until readiness (on the management interface) answers 503, DOWN, with the named check DOWN. */
    public static void assertNotReady(String failingCheck) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> ManagementInterface.given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + failingCheck + "' }.status", equalTo("DOWN")));
    }

    /** The real database (if the service has one), a broker address where nothing listens. */
    public abstract static class KafkaUnreachable implements QuarkusTestProfile {

        /** The service's database, or null when it keeps no state. */
        protected abstract String database();

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = realDatabase(database());
            config.put("kafka.bootstrap.servers", "localhost:" + FreePort.find());
            return config;
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The real broker; Flyway migrates the real database at start, then the service's client finds nothing. */
    public abstract static class DatabaseUnreachable implements QuarkusTestProfile {

        protected abstract String database();

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = realDatabase(database());
            config.put("kafka.bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers());
            config.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + FreePort.find() + "/" + database());
            return config;
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static Map<String, String> realDatabase(String database) {
        Map<String, String> config = new HashMap<>();
        if (database != null) {
            config.putAll(SharedInfrastructure.get().datasourceConfig(database));
        }
        return config;
    }
}
