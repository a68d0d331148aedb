package io.fulfillmenthub.localstack;

import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.Topics.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How to run the stack.
 *
 * @param home the repository root, where the services were built
 * @param dataDir Kafka log, PostgreSQL data, logs, generated secrets
 * @param ports each service's HTTP port (its first replica's, see {@link #port(Replica)})
 * @param extraConfig more configuration per service (system properties), e.g. a shorter poll interval
 * @param services the services started with the stack (the others can be started later, see
 *     {@link HubStack#start(HubService)}); every one unless told, e.g. a benchmark of one service
 * @param replicas processes per hub service, each on its own port, sharing the broker and the service's
 *     database; the sandbox, a simulator keeping its vendors in memory, always runs once
 * @param restartPolicy what happens when a service's process dies while the stack runs
 * @param managementPorts a hub service's management port (its first replica's, see {@link #managementPort(Replica)})
 *     where it is not its HTTP port + {@link HubService#MANAGEMENT_PORT_OFFSET}; e.g. free ports for a test
 */
public record StackSettings(
        Path home,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        Map<HubService, Integer> ports,
        Map<HubService, Map<String, String>> extraConfig,
        Duration readyTimeout,
        Set<HubService> services,
        int replicas,
        RestartPolicy restartPolicy,
        Map<HubService, Integer> managementPorts) {

    /** Replica {@code n} of a service listens on the service's port + {@code 100 × (n − 1)}: 8082, 8182, 8282. */
    public static final int REPLICA_PORT_STEP = 100;
    /**
     * The most replicas that each get work: a consumer group gives each partition to one member, so a
     * replica beyond the fewest partitions of a hub topic would idle on that topic.
     */
    public static final TopicSpec FEWEST_PARTITIONS = Topics.ALL.stream()
            .min(Comparator.comparingInt(TopicSpec::partitions)).orElseThrow();
    public static final int MAX_REPLICAS = FEWEST_PARTITIONS.partitions();

    public StackSettings {
        services = Set.copyOf(services);
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas must be 1 to " + MAX_REPLICAS + ", was " + replicas + ": "
                    + FEWEST_PARTITIONS.name() + " has " + MAX_REPLICAS + " partitions and a consumer group gives each "
                    + "partition to one replica, so more would get none");
        }
        for (HubService service : HubService.values()) {
            if (!ports.containsKey(service)) {
                throw new IllegalArgumentException("ports: no port for " + service.serviceName);
            }
        }
        ports = Map.copyOf(ports);
        managementPorts = Map.copyOf(managementPorts);
        Map<Integer, String> taken = new LinkedHashMap<>();
        taken.put(kafkaPort, "kafka");
        taken.put(kafkaControllerPort, "the kafka controller");
        taken.put(postgresPort, "postgresql");
        for (HubService service : HubService.values()) {
            for (int number = 1; number <= replicasOf(service, replicas); number++) {
                int port = ports.get(service) + REPLICA_PORT_STEP * (number - 1);
                String other = taken.putIfAbsent(port, new Replica(service, number).name());
                if (other != null) {
                    throw new IllegalArgumentException("ports: " + new Replica(service, number).name() + " and " + other
                            + " would both listen on " + port + " (replica n of a service listens on its port + "
                            + REPLICA_PORT_STEP + " × (n − 1))");
                }
            }
        }
        for (HubService service : HubService.values()) {
            if (!service.hasManagementInterface()) {
                continue;
            }
            int base = managementPorts.getOrDefault(service, ports.get(service) + HubService.MANAGEMENT_PORT_OFFSET);
            for (int number = 1; number <= replicasOf(service, replicas); number++) {
                int port = base + REPLICA_PORT_STEP * (number - 1);
                String name = new Replica(service, number).name() + "'s management interface";
                String other = taken.putIfAbsent(port, name);
                if (other != null) {
                    throw new IllegalArgumentException("ports: " + name + " and " + other + " would both listen on " + port
                            + " (a service's management port is its port + " + HubService.MANAGEMENT_PORT_OFFSET
                            + " unless told, replica n's + " + REPLICA_PORT_STEP + " × (n − 1))");
                }
            }
        }
    }

    /** The whole hub, one replica each, restarted on failure. */
    public StackSettings(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
            Map<HubService, Integer> ports, Map<HubService, Map<String, String>> extraConfig, Duration readyTimeout) {
        this(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, ports, extraConfig, readyTimeout,
                EnumSet.allOf(HubService.class));
    }

    /** These services, one replica each, restarted on failure. */
    public StackSettings(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
            Map<HubService, Integer> ports, Map<HubService, Map<String, String>> extraConfig, Duration readyTimeout,
            Set<HubService> services) {
        this(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, ports, extraConfig, readyTimeout, services, 1,
                RestartPolicy.ON_FAILURE, Map.of());
    }

    public StackSettings withReplicas(int replicas) {
        return new StackSettings(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, ports, extraConfig,
                readyTimeout, services, replicas, restartPolicy, managementPorts);
    }

    public StackSettings withRestartPolicy(RestartPolicy restartPolicy) {
        return new StackSettings(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, ports, extraConfig,
                readyTimeout, services, replicas, restartPolicy, managementPorts);
    }

    /** These hub services' management ports (their first replicas'); the others keep their port + 1000. */
    public StackSettings withManagementPorts(Map<HubService, Integer> managementPorts) {
        return new StackSettings(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, ports, extraConfig,
                readyTimeout, services, replicas, restartPolicy, managementPorts);
    }

    /** A service's replicas, first to last. */
    public List<Replica> replicas(HubService service) {
        return IntStream.rangeClosed(1, replicasOf(service, replicas)).mapToObj(n -> new Replica(service, n)).toList();
    }

    /** The replica's HTTP port: the service's port for replica 1, then {@link #REPLICA_PORT_STEP} apart. */
    public int port(Replica replica) {
        if (replica.number() > replicasOf(replica.service(), replicas)) {
            throw new IllegalArgumentException(replica.name() + " is not part of this stack (replicas: "
                    + replicasOf(replica.service(), replicas) + ")");
        }
        return ports.get(replica.service()) + REPLICA_PORT_STEP * (replica.number() - 1);
    }

    /**
     * The replica's management port, where it serves {@code /q/health/*} and {@code /q/metrics}: the service's
     * (its HTTP port + {@link HubService#MANAGEMENT_PORT_OFFSET} unless told), then {@link #REPLICA_PORT_STEP} apart.
     */
    public int managementPort(Replica replica) {
        if (!replica.service().hasManagementInterface()) {
            throw new IllegalArgumentException(replica.name() + " has no management interface; its readiness is on its port");
        }
        port(replica); // refuses a replica the stack does not run
        int base = managementPorts.getOrDefault(replica.service(), ports.get(replica.service()) + HubService.MANAGEMENT_PORT_OFFSET);
        return base + REPLICA_PORT_STEP * (replica.number() - 1);
    }

    /** Where the replica answers {@code /q/health/ready}: its management port, or the sandbox's one port. */
    public int readinessPort(Replica replica) {
        return replica.service().hasManagementInterface() ? managementPort(replica) : port(replica);
    }

    private static int replicasOf(HubService service, int replicas) {
        return service == HubService.SANDBOX ? 1 : replicas;
    }
}
