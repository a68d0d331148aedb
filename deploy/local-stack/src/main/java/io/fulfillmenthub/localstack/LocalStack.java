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
 * PostgreSQL in this JVM, then the sandbox and the five services as separate processes (each hub
 * service as {@code --replicas} processes). Waits until every one is ready, prints where each is,
 * restarts a service that dies, and on Ctrl-C or SIGTERM stops them all.
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

    @Option(names = "--port", description = "A service's port, e.g. --port ingest-service=18080 (default: 8080-8084, sandbox 8090); "
            + "its replica n listens on this port + 100 × (n − 1).")
    Map<String, Integer> ports = Map.of();

    @Option(names = "--management-port", description = "A hub service's management port (readiness, metrics), e.g. "
            + "--management-port ingest-service=19080 (default: its port + 1000); its replica n adds 100 × (n − 1).")
    Map<String, Integer> managementPorts = Map.of();

    @Option(names = "--replicas", defaultValue = "1", description = "Processes per hub service (the sandbox runs once), "
            + "at most the fewest partitions of a hub topic; replica n listens on the service's port + 100 × (n − 1) "
            + "(default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--no-restart", description = "Leave a service whose process dies down (default: restart it "
            + "with back-off, like compose's restart: on-failure).")
    boolean noRestart;

    @Option(names = "--ready-timeout", defaultValue = "180", description = "Seconds to wait for every service to be ready (default: ${DEFAULT-VALUE}).")
    int readyTimeoutSeconds;

    @Option(names = "--exit-when-ready", hidden = true, description = "Stop everything once all is ready (for checks).")
    boolean exitWhenReady;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        Path data = (dataDir != null ? dataDir : root.resolve(".hub")).toAbsolutePath().normalize();
        StackSettings settings = settings(root, data); // refuses bad options before anything is touched
        if (clean) {
            deleteRecursively(data);
        }
        Path logs = Files.createDirectories(data.resolve("logs"));
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("kafka.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

        out.printf("Starting the fulfillment hub (data in %s)%n", data);
        HubStack stack = HubStack.start(settings, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the hub...");
            stack.close();
            out.println("Stopped.");
        }, "local-stack-stop"));
        for (Replica replica : stack.replicas()) {
            String health = replica.service().hasManagementInterface()
                    ? "health and metrics " + stack.managementUrl(replica) + "/q/..., " : "";
            out.printf("  %-22s %s  (ready; %slog %s)%n", replica.name(), stack.url(replica), health,
                    root.relativize(stack.log(replica)));
        }
        if (replicas > 1) {
            out.printf("  %d replicas of each hub service share the broker (one consumer group per service) and the "
                    + "service's database%n", replicas);
        }
        out.println("  a service that dies: " + settings.restartPolicy());
        Path tokenFile = stack.operations().operatorTokenFile();
        // as the README's curl lines read it from the repository root: .hub/operator-token
        Path token = tokenFile.startsWith(root) ? root.relativize(tokenFile) : tokenFile;
        out.printf("  operations API token (hub-operator, %d days) in %s:%n    %s%n", OperationsKeys.LIFETIME.toDays(),
                token, stack.operations().operatorToken());
        out.printf("  try: curl -H \"Authorization: Bearer $(cat %s)\" %s/orders%n", token,
                stack.url(HubService.ORCHESTRATOR));
        out.printf("  OpenAPI: %1$s/q/openapi  Swagger UI: %1$s/q/swagger-ui%n", stack.url(HubService.ORCHESTRATOR));
        out.println("The hub is ready. Ctrl-C stops it; data is kept for the next start (--clean starts empty).");
        if (exitWhenReady) {
            return 0;
        }
        stack.awaitClosed();
        return 0;
    }

    private StackSettings settings(Path root, Path data) {
        if (replicas < 1 || replicas > StackSettings.MAX_REPLICAS) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--replicas: " + replicas
                    + " is not between 1 and " + StackSettings.MAX_REPLICAS + " (" + StackSettings.FEWEST_PARTITIONS.name()
                    + " has " + StackSettings.MAX_REPLICAS + " partitions; a consumer group gives each partition to one "
                    + "replica, so a replica beyond that would get no work)");
        }
        try {
            return new StackSettings(root, data, kafkaPort, kafkaControllerPort, postgresPort, servicePorts(), Map.of(),
                    Duration.ofSeconds(readyTimeoutSeconds))
                    .withReplicas(replicas)
                    .withRestartPolicy(noRestart ? RestartPolicy.NEVER : RestartPolicy.ON_FAILURE)
                    .withManagementPorts(managementPorts());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    private Map<HubService, Integer> managementPorts() {
        Map<HubService, Integer> result = new EnumMap<>(HubService.class);
        managementPorts.forEach((name, port) -> {
            HubService service = Stream.of(HubService.values()).filter(s -> s.serviceName.equals(name)
                    && s.hasManagementInterface()).findFirst().orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), "--management-port: '" + name + "' is not a hub service; known: "
                    + Stream.of(HubService.values()).filter(HubService::hasManagementInterface)
                            .map(s -> s.serviceName).toList()));
            result.put(service, port);
        });
        return result;
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
