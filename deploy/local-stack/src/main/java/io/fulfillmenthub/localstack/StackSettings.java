package io.fulfillmenthub.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How to run the stack.
 *
 * @param home the repository root, where the services were built
 * @param dataDir Kafka log, PostgreSQL data, logs, generated secrets
 * @param ports each service's HTTP port
 * @param extraConfig more configuration per service (system properties), e.g. a shorter poll interval
 * @param services the services started with the stack (the others can be started later, see
 *     {@link HubStack#start(HubService)}); every one unless told, e.g. a benchmark of one service
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
        Set<HubService> services) {

    public StackSettings {
        services = Set.copyOf(services);
    }

    /** The whole hub: every service starts with the stack. */
    public StackSettings(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
            Map<HubService, Integer> ports, Map<HubService, Map<String, String>> extraConfig, Duration readyTimeout) {
        this(home, dataDir, kafkaPort, kafkaControllerPort, postgresPort, ports, extraConfig, readyTimeout,
                EnumSet.allOf(HubService.class));
    }
}
