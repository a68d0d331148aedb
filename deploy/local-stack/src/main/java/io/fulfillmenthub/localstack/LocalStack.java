package io.fulfillmenthub.localstack;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
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
        Path root = home.toAbsolutePath().normalize();
        Path data = (dataDir != null ? dataDir : root.resolve(".hub")).toAbsolutePath().normalize();
        if (clean) {
            deleteRecursively(data);
        }
        Path logs = Files.createDirectories(data.resolve("logs"));
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("kafka.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        StackSettings settings = new StackSettings(root, data, kafkaPort, kafkaControllerPort, postgresPort,
                servicePorts(), Map.of(), Duration.ofSeconds(readyTimeoutSeconds));

        out.printf("Starting the fulfillment hub (data in %s)%n", data);
        HubStack stack = HubStack.start(settings, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            out.println("Stopping the hub...");
            stack.close();
            out.println("Stopped.");
        }, "local-stack-stop"));
        for (HubService service : HubService.values()) {
            out.printf("  %-22s %s  (ready; log %s)%n", service.serviceName, stack.url(service),
                    root.relativize(stack.log(service)));
        }
        out.println("The hub is ready. Ctrl-C stops it; data is kept for the next start (--clean starts empty).");
        if (exitWhenReady) {
            return 0;
        }
        stack.awaitAnyExit();
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

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
