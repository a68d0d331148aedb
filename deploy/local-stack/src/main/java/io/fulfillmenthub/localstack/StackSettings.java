package io.fulfillmenthub.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the stack.
 *
 * @param home the repository root, where the services were built
 * @param dataDir Kafka log, PostgreSQL data, logs, generated secrets
 * @param ports each service's HTTP port
 * @param extraConfig more configuration per service (system properties), e.g. a shorter poll interval
 */
public record StackSettings(
        Path home,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        Map<HubService, Integer> ports,
        Map<HubService, Map<String, String>> extraConfig,
        Duration readyTimeout) {
}
