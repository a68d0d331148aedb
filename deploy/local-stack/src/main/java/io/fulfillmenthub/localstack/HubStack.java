package io.fulfillmenthub.localstack;

import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.infra.EmbeddedKafka;
import io.fulfillmenthub.infra.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole hub on this machine: a real Kafka broker (KRaft) and a durable PostgreSQL in this JVM, the
 * sandbox and the five services as child processes, each hub service as one or more replicas
 * ({@link StackSettings#replicas()}) sharing the broker and its database. A service whose process dies
 * is restarted as {@link StackSettings#restartPolicy()} says. {@link #close()} stops the services
 * (SIGTERM, then by force) and restarts nothing, then stops PostgreSQL and Kafka. The launcher and the
 * system tests both run the hub this way; the benchmarks start only some services and time, measure and
 * stop them one by one.
 * <p>Methods taking a {@link HubService} act on all its replicas, except those that name one process
 * ({@link #port(HubService)}, {@link #url(HubService)}, {@link #pid(HubService)}, {@link #log(HubService)},
 * {@link #kill(HubService)}, {@link #timeToReady(HubService)}): those mean its first replica.
 */
public final class HubStack implements AutoCloseable {

    private final StackSettings settings;
    /** Replaced by {@link #startBroker()}; guarded by this. */
    private EmbeddedKafka kafka;
    private boolean brokerStopped;
    private final EmbeddedPostgresServer postgres;
    private final ProcessSupervisor supervisor;
    private final Map<HubService, ServiceWiring> wiring = new EnumMap<>(HubService.class);
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The operations API's key and tokens of this data directory; set once by {@link #start}. */
    private OperationsKeys operations;

    private HubStack(StackSettings settings, EmbeddedKafka kafka, EmbeddedPostgresServer postgres,
            ProcessSupervisor supervisor) {
        this.settings = settings;
        this.kafka = kafka;
        this.postgres = postgres;
        this.supervisor = supervisor;
    }

    /**
     * Starts Kafka, PostgreSQL and the settings' services and waits until each is ready; on failure stops
     * what it started. The supervisor's events (a service died, restarted, ready again) go to {@code out}.
     */
    public static HubStack start(StackSettings settings, PrintStream out) throws IOException, InterruptedException {
        Path data = settings.dataDir();
        Path logs = Files.createDirectories(data.resolve("logs"));
        ProcessSupervisor supervisor = new ProcessSupervisor(settings.home(), logs, data.resolve("pids"),
                settings.restartPolicy(), out);
        supervisor.stopLeftovers();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"));
        OperationsKeys operations = OperationsKeys.loadOrCreate(data);

        EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        EmbeddedPostgresServer postgres = null;
        HubStack stack = null;
        try {
            // at least as many partitions as replicas, so every replica gets work: StackSettings.MAX_REPLICAS
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
            stack.operations = operations;
            for (HubService service : HubService.values()) {
                ServiceWiring serviceWiring = ServiceWiring.of(service, settings.ports(), kafka.bootstrapServers(),
                        postgres.port(), secrets);
                if (service == HubService.ORCHESTRATOR) {
                    // the operations API verifies tokens with this data directory's key (OperationsKeys)
                    serviceWiring.environment().putAll(operations.orchestratorEnvironment());
                }
                serviceWiring.properties().putAll(settings.extraConfig().getOrDefault(service, Map.of()));
                stack.wiring.put(service, serviceWiring);
            }
            List<Replica> starting = new ArrayList<>();
            for (HubService service : HubService.values()) {
                if (settings.services().contains(service)) {
                    starting.addAll(stack.startReplicas(service));
                }
            }
            supervisor.awaitReady(starting, settings.readyTimeout());
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

    public synchronized String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Stops the broker as an outage would (for fault tests): the services stay up and keep trying until
     * {@link #startBroker()} brings it back.
     */
    public synchronized void stopBroker() {
        if (brokerStopped) {
            throw new IllegalStateException("the broker is stopped already");
        }
        brokerStopped = true;
        kafka.close();
    }

    /** Starts the broker again on its ports with its log directory (the same broker, its data kept) and waits until it answers. */
    public synchronized void startBroker() {
        if (!brokerStopped) {
            throw new IllegalStateException("the broker runs");
        }
        kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), kafka.port(), kafka.controllerPort());
        brokerStopped = false;
    }

    /**
     * Freezes PostgreSQL as a hung host would (for fault tests): every process of the server stopped
     * (SIGSTOP), so every service's database answers nothing, until {@link #thawPostgres()}.
     */
    public void freezePostgres() {
        postgres.freeze();
    }

    /** Lets a frozen PostgreSQL run again (SIGCONT). */
    public void thawPostgres() {
        postgres.thaw();
    }

    /** The operations API's tokens: {@code operations().operatorToken()} to call it as the local operator. */
    public OperationsKeys operations() {
        return operations;
    }

    public StackSettings settings() {
        return settings;
    }

    /** Every replica of every service, in the order they start: the sandbox, then each service's replicas. */
    public List<Replica> replicas() {
        return Stream.of(HubService.values()).flatMap(service -> settings.replicas(service).stream()).toList();
    }

    public int port(HubService service) {
        return port(Replica.first(service));
    }

    /** The replica's HTTP port; see {@link StackSettings#port(Replica)}. */
    public int port(Replica replica) {
        return settings.port(replica);
    }

    public String url(HubService service) {
        return url(Replica.first(service));
    }

    public String url(Replica replica) {
        return "http://localhost:" + port(replica);
    }

    /** The service's first replica's management interface, e.g. {@code http://localhost:9082}. */
    public String managementUrl(HubService service) {
        return managementUrl(Replica.first(service));
    }

    /**
     * Where the replica serves {@code /q/health/*} and {@code /q/metrics}: its management interface (a hub
     * service), or its one port (the sandbox).
     */
    public String managementUrl(Replica replica) {
        return "http://localhost:" + settings.readinessPort(replica);
    }

    public Path log(HubService service) {
        return log(Replica.first(service));
    }

    /** {@code <data dir>/logs/<replica name>.log}: the replica's output across its restarts. */
    public Path log(Replica replica) {
        return settings.dataDir().resolve("logs").resolve(replica.name() + ".log");
    }

    /** Ends the service's first replica at once (SIGKILL), as a crash would; the restart policy then applies. */
    public void kill(HubService service) {
        kill(Replica.first(service));
    }

    /** Ends a replica at once (SIGKILL), as a crash would; the restart policy then applies. */
    public void kill(Replica replica) {
        supervisor.kill(replica);
    }

    /**
     * Makes sure every replica of the service runs again (after {@link #kill}) and waits until each is
     * ready: one waiting out its restart back-off is started at once, one restarted already is waited for.
     */
    public void restart(HubService service) throws IOException, InterruptedException {
        start(service);
    }

    /** Starts a service's replicas that are not running (not in the settings' services, or stopped) and waits until each is ready. */
    public void start(HubService service) throws IOException, InterruptedException {
        start(List.of(service));
    }

    /** Starts services' replicas that are not running all at once, then waits until each is ready. */
    public void start(Collection<HubService> services) throws IOException, InterruptedException {
        List<Replica> starting = new ArrayList<>();
        for (HubService service : services) {
            starting.addAll(startReplicas(service));
        }
        supervisor.awaitReady(starting, settings.readyTimeout());
    }

    /**
     * Sets configuration properties for the service's next starts, as an operator's redeploy with new
     * configuration does: stop the service, configure it, start it.
     */
    public void configure(HubService service, Map<String, String> properties) {
        wiring.get(service).properties().putAll(properties);
    }

    /** Stops a service's replicas gracefully (SIGTERM, then by force); they are not restarted. */
    public void stop(HubService service) {
        for (Replica replica : settings.replicas(service)) {
            supervisor.stop(replica, Duration.ofSeconds(20));
        }
    }

    /** The process id of the service's first replica (its latest run). */
    public long pid(HubService service) {
        return pid(Replica.first(service));
    }

    public long pid(Replica replica) {
        return supervisor.pid(replica);
    }

    /** How often the replica was restarted after its process died. */
    public int restarts(Replica replica) {
        return supervisor.restarts(replica);
    }

    /** From its first replica's latest start to its first ready answer (readiness is polled every 50 ms). */
    public Duration timeToReady(HubService service) {
        return supervisor.timeToReady(Replica.first(service));
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

    /** Blocks until the stack is closed (e.g. by a shutdown hook on Ctrl-C); services that die meanwhile are restarted. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        supervisor.stopAll(Duration.ofSeconds(20));
        closeQuietly(postgres);
        synchronized (this) {
            if (!brokerStopped) {
                closeQuietly(kafka);
            }
        }
        closed.countDown();
    }

    private List<Replica> startReplicas(HubService service) throws IOException {
        ServiceWiring serviceWiring = wiring.get(service);
        List<Replica> replicas = settings.replicas(service);
        for (Replica replica : replicas) {
            Map<String, String> properties = new LinkedHashMap<>(serviceWiring.properties());
            properties.put(ServiceWiring.HTTP_PORT, String.valueOf(port(replica)));
            if (service.hasManagementInterface()) {
                properties.put(ServiceWiring.MANAGEMENT_PORT, String.valueOf(settings.managementPort(replica)));
            }
            supervisor.start(replica, settings.readinessPort(replica), properties, serviceWiring.environment());
        }
        return replicas;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }
}
