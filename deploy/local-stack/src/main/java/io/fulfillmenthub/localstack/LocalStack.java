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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the whole hub on this machine without Docker: a real Kafka broker (KRaft) and a durable
 * PostgreSQL in this JVM, then the sandbox and the five services as separate processes. Waits until
 * every one is ready, prints where each is, and on Ctrl-C or SIGTERM stops them all.
 */
@Command(name = "local-stack", mixinStandardHelpOptions = true,
        description = "Runs the fulfillment hub locally: embedded Kafka and PostgreSQL, the vendor sandbox and the five services.")
public final class LocalStack implements Callable<Integer> {

    @Option(names = "--home", description = "The repository root, where the services were built (default: current directory).")
    Path home = Path.of("");

    @Option(names = "--data-dir", description = "Where Kafka, PostgreSQL and the logs keep their files (default: <home>/.hub).")
    Path dataDir;

    @Option(names = "--clean", description = "Delete all data first and start empty.")
    boolean clean;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "9093", description = "Kafka KRaft controller port (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--postgres-port", defaultValue = "15432", description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--port", description = "A service's port, e.g. --port ingest-service=18080 (default: 8080-8084, sandbox 8090).")
    Map<String, Integer> ports = Map.of();

    @Option(names = "--ready-timeout", defaultValue = "180", description = "Seconds to wait for every service to be ready (default: ${DEFAULT-VALUE}).")
    int readyTimeoutSeconds;

    @Option(names = "--exit-when-ready", hidden = true, description = "Stop everything once all is ready (for checks).")
    boolean exitWhenReady;

    private final PrintStream out = System.out;
    private volatile boolean stopping;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        home = home.toAbsolutePath().normalize();
        Path data = (dataDir != null ? dataDir : home.resolve(".hub")).toAbsolutePath().normalize();
        if (clean) {
            deleteRecursively(data);
        }
        Path logs = Files.createDirectories(data.resolve("logs"));
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("kafka.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<HubService, Integer> servicePorts = servicePorts();
        ProcessSupervisor supervisor = new ProcessSupervisor(home, logs, data.resolve("pids"));
        supervisor.stopLeftovers();

        out.printf("Starting the fulfillment hub (data in %s)%n", data);
        EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), kafkaPort, kafkaControllerPort);
        List<AutoCloseable> infrastructure = new ArrayList<>(List.of(kafka));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            out.println("Stopping the hub...");
            supervisor.stopAll(Duration.ofSeconds(20));
            for (int i = infrastructure.size() - 1; i >= 0; i--) {
                closeQuietly(infrastructure.get(i));
            }
            out.println("Stopped.");
        }, "local-stack-stop"));

        kafka.createTopics(Topics.all());
        out.printf("  %-22s %s%n", "kafka", kafka.bootstrapServers());

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), postgresPort, true, false);
        infrastructure.add(postgres);
        for (HubService service : HubService.values()) {
            if (service.database != null) {
                postgres.createDatabase(service.database);
            }
        }
        out.printf("  %-22s jdbc:postgresql://localhost:%d (fsync %s)%n", "postgresql", postgres.port(), postgres.setting("fsync"));

        for (HubService service : HubService.values()) {
            supervisor.start(service, servicePorts.get(service),
                    serviceConfig(service, servicePorts, kafka.bootstrapServers(), postgres.port()));
        }
        supervisor.awaitReady(Duration.ofSeconds(readyTimeoutSeconds));
        for (HubService service : HubService.values()) {
            out.printf("  %-22s http://localhost:%d  (ready; log %s)%n", service.serviceName, servicePorts.get(service),
                    home.relativize(logs.resolve(service.serviceName + ".log")));
        }
        out.println("The hub is ready. Ctrl-C stops it; data is kept for the next start (--clean starts empty).");
        if (exitWhenReady) {
            return 0;
        }
        supervisor.awaitAnyExit();
        if (!stopping) {
            out.println("A service stopped on its own; stopping the hub.");
        }
        return 1;
    }

    private Map<HubService, Integer> servicePorts() {
        Map<HubService, Integer> result = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            result.put(service, ports.getOrDefault(service.serviceName, service.defaultPort));
        }
        for (String name : ports.keySet()) {
            if (Stream.of(HubService.values()).noneMatch(service -> service.serviceName.equals(name))) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--port: unknown service '" + name + "'; known: " + Stream.of(HubService.values())
                                .map(service -> service.serviceName).toList());
            }
        }
        return result;
    }

    private static Map<String, String> serviceConfig(HubService service, Map<HubService, Integer> ports,
            String kafka, int postgresPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(ports.get(service)));
        config.put("kafka.bootstrap.servers", kafka);
        if (service.database != null) {
            String url = "postgresql://localhost:" + postgresPort + "/" + service.database;
            config.put("quarkus.datasource.reactive.url", url);
            config.put("quarkus.datasource.jdbc.url", "jdbc:" + url);
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USER);
        }
        return config;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }
}
