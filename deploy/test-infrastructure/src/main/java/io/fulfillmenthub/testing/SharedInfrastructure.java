package io.fulfillmenthub.testing;

import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.infra.EmbeddedKafka;
import io.fulfillmenthub.infra.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One Kafka broker and one PostgreSQL server for the whole test JVM, started on first use and stopped
 * when the JVM exits. Environment variables name an already running broker or database to use
 * instead of the embedded ones:
 * <ul>
 * <li>{@code HUB_TEST_KAFKA_BOOTSTRAP_SERVERS}, e.g. {@code localhost:9092}</li>
 * <li>{@code HUB_TEST_POSTGRES_URL}, e.g. {@code jdbc:postgresql://localhost:5432} (no database), with
 * {@code HUB_TEST_POSTGRES_USER} and {@code HUB_TEST_POSTGRES_PASSWORD}</li>
 * </ul>
 */
public final class SharedInfrastructure {

    private static final Logger LOG = Logger.getLogger(SharedInfrastructure.class);
    private static SharedInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final String postgresUrl;
    private final String postgresUser;
    private final String postgresPassword;

    private SharedInfrastructure(String kafkaBootstrapServers, String postgresUrl, String postgresUser,
            String postgresPassword) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgresUrl = postgresUrl;
        this.postgresUser = postgresUser;
        this.postgresPassword = postgresPassword;
    }

    public static synchronized SharedInfrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** {@code jdbc:postgresql://host:port/<database>}, the database created if missing. */
    public String jdbcUrl(String database) {
        EmbeddedPostgresServer.createDatabase(postgresUrl + "/postgres", postgresUser, postgresPassword, database);
        return postgresUrl + "/" + database;
    }

    /** The configuration that points a service at its own database here, the database created if missing. */
    public Map<String, String> datasourceConfig(String database) {
        String jdbcUrl = jdbcUrl(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.reactive.url", jdbcUrl.substring("jdbc:".length()));
        config.put("quarkus.datasource.username", postgresUser);
        config.put("quarkus.datasource.password", postgresPassword);
        return config;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    private static SharedInfrastructure start() {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "hub-test-infra-" + UUID.randomUUID());
        String kafka = System.getenv("HUB_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null || kafka.isBlank()) {
            long started = System.nanoTime();
            EmbeddedKafka embedded = EmbeddedKafka.start(root.resolve("kafka"), 0, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-kafka-stop"));
            kafka = embedded.bootstrapServers();
            LOG.infof("embedded Kafka (KRaft) at %s, started in %d ms", kafka, (System.nanoTime() - started) / 1_000_000);
        }
        EmbeddedKafka.createTopics(kafka, Topics.all());

        String postgresUrl = System.getenv("HUB_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("HUB_TEST_POSTGRES_USER", EmbeddedPostgresServer.USER);
        String password = System.getenv().getOrDefault("HUB_TEST_POSTGRES_PASSWORD", "");
        if (postgresUrl == null || postgresUrl.isBlank()) {
            long started = System.nanoTime();
            // tests may run without fsync; the local stack runs durably
            EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(root.resolve("postgres"), 0, false, true);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
            postgresUrl = "jdbc:postgresql://localhost:" + embedded.port();
            user = EmbeddedPostgresServer.USER;
            password = "";
            LOG.infof("embedded PostgreSQL at %s, started in %d ms", postgresUrl, (System.nanoTime() - started) / 1_000_000);
        }
        return new SharedInfrastructure(kafka, stripTrailingSlash(postgresUrl), user, password);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
