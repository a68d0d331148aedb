package io.fulfillmenthub.orchestrator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.infra.FreePort;
import io.fulfillmenthub.testing.SharedInfrastructure;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/** Profiles that take Kafka or the database away from the service, to see readiness tell the truth. */
final class UnreachableInfrastructure {

    private UnreachableInfrastructure() {
    }

    static void assertNotReady(String failingCheck) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == '" + failingCheck + "' }.status", equalTo("DOWN")));
    }

    /** The real database, a broker address where nothing listens. */
    public static class KafkaUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return realDatabaseAnd(Map.of("kafka.bootstrap.servers", "localhost:" + FreePort.find()));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The real broker; Flyway migrates the real database at start, then the service's client finds nothing. */
    public static class DatabaseUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return realDatabaseAnd(Map.of(
                    "kafka.bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers(),
                    "quarkus.datasource.reactive.url", "postgresql://localhost:" + FreePort.find() + "/orchestrator"));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static Map<String, String> realDatabaseAnd(Map<String, String> overrides) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String jdbcUrl = infrastructure.jdbcUrl("orchestrator");
        var config = new HashMap<String, String>(Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.reactive.url", jdbcUrl.substring("jdbc:".length()),
                "quarkus.datasource.username", infrastructure.postgresUser(),
                "quarkus.datasource.password", infrastructure.postgresPassword()));
        config.putAll(overrides);
        return config;
    }
}
