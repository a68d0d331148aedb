package io.fulfillmenthub.localstack;

import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.infra.EmbeddedKafka;
import io.fulfillmenthub.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole hub on this machine: a real Kafka broker (KRaft) and a durable PostgreSQL in this JVM, the
 * sandbox and the five services as child processes. {@link #close()} stops the services (SIGTERM, then
 * by force), then PostgreSQL and Kafka. The launcher and the system tests both run the hub this way;
 * the benchmarks start only some services and time, measure and stop them one by one.
 */
public final class HubStack implements AutoCloseable {

    private final StackSettings settings;
    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final ProcessSupervisor supervisor;
    private final Map<HubService, ServiceWiring> wiring = new EnumMap<>(HubService.class);

    private HubStack(StackSettings settings, EmbeddedKafka kafka, EmbeddedPostgresServer postgres,
            ProcessSupervisor supervisor) {
        this.settings = settings;
        this.kafka = kafka;
        this.postgres = postgres;
        this.supervisor = supervisor;
    }

    /**
     * Starts Kafka, PostgreSQL and the settings' services and waits until each is ready; on failure stops
     * what it started.
     */
    public static HubStack start(StackSettings settings, PrintStream out) throws IOException, InterruptedException {
        Path data = settings.dataDir();
        Path logs = Files.createDirectories(data.resolve("logs"));
        ProcessSupervisor supervisor = new ProcessSupervisor(settings.home(), logs, data.resolve("pids"));
        supervisor.stopLeftovers();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"));

        EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        EmbeddedPostgresServer postgres = null;
        HubStack stack = null;
        try {
            kafka.createTopics(Topics.all());
            out.printf("  %-22s %s%n", "kafka", kafka.bootstrapServers());
            postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), settings.postgresPort(), true, false);
            for (HubService service : HubService.values()) {
                if (service.database != null) {
                    postgres.createDatabase(service.database);
                }
            }
            out.printf("  %-22s jdbc:postgresql://localhost:%d (fsync %s)%n", "postgresql", postgres.port(),
                    postgres.setting("fsync"));
            stack = new HubStack(settings, kafka, postgres, supervisor);
            for (HubService service : HubService.values()) {
                ServiceWiring serviceWiring = ServiceWiring.of(service, settings.ports(), kafka.bootstrapServers(),
                        postgres.port(), secrets);
                serviceWiring.properties().putAll(settings.extraConfig().getOrDefault(service, Map.of()));
                stack.wiring.put(service, serviceWiring);
            }
            for (HubService service : HubService.values()) {
                if (settings.services().contains(service)) {
                    stack.startService(service);
                }
            }
            supervisor.awaitReady(settings.readyTimeout());
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (stack != null) {
                stack.close();
            } else {
                supervisor.stopAll(Duration.ofSeconds(10));
                if (postgres != null) {
                    postgres.close();
                }
                kafka.close();
            }
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int port(HubService service) {
        return settings.ports().get(service);
    }

    public String url(HubService service) {
        return "http://localhost:" + port(service);
    }

    public Path log(HubService service) {
        return settings.dataDir().resolve("logs").resolve(service.serviceName + ".log");
    }

    /** Ends a service at once (SIGKILL), as a crash would. */
    public void kill(HubService service) {
        supervisor.kill(service);
    }

    /** Starts a service again (after {@link #kill}) and waits until it is ready. */
    public void restart(HubService service) throws IOException, InterruptedException {
        start(service);
    }

    /** Starts a service that is not running (not in the settings' services, or stopped) and waits until it is ready. */
    public void start(HubService service) throws IOException, InterruptedException {
        start(List.of(service));
    }

    /** Starts services that are not running all at once, then waits until each is ready. */
    public void start(Collection<HubService> services) throws IOException, InterruptedException {
        for (HubService service : services) {
            startService(service);
        }
        supervisor.awaitReady(settings.readyTimeout());
    }

    /** Stops a service gracefully (SIGTERM, then by force). */
    public void stop(HubService service) {
        supervisor.stop(service, Duration.ofSeconds(20));
    }

    /** The process id of a running service. */
    public long pid(HubService service) {
        return supervisor.pid(service);
    }

    /** From its latest start to its first ready answer (readiness is polled every 50 ms). */
    public Duration timeToReady(HubService service) {
        return supervisor.timeToReady(service);
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}; the user is {@link EmbeddedPostgresServer#USER}, no password. */
    public String postgresJdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** Creates a database on the stack's PostgreSQL unless it exists. */
    public void createDatabase(String database) {
        postgres.createDatabase(database);
    }

    /** A PostgreSQL server setting, e.g. {@code fsync}. */
    public String postgresSetting(String name) {
        return postgres.setting(name);
    }

    /** Blocks until any service exits. */
    public void awaitAnyExit() {
        supervisor.awaitAnyExit();
    }

    @Override
    public void close() {
        supervisor.stopAll(Duration.ofSeconds(20));
        closeQuietly(postgres);
        closeQuietly(kafka);
    }

    private void startService(HubService service) throws IOException {
        ServiceWiring serviceWiring = wiring.get(service);
        supervisor.start(service, port(service), serviceWiring.properties(), serviceWiring.environment());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }
}
