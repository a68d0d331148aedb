package io.fulfillmenthub.system;

import io.fulfillmenthub.infra.FreePort;
import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.fulfillmenthub.localstack.LocalSecrets;
import io.fulfillmenthub.localstack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * One hub for the whole system-test JVM: embedded Kafka and PostgreSQL, the sandbox and the five
 * services as processes on free ports, exactly as ./run-local runs them. Stopped at JVM exit.
 */
final class SystemStack {

    /**
     * Squarespace's grace period on this hub (10 minutes by default): long enough to cancel an order, or restart
     * the orchestrator, inside it.
     */
    static final Duration SQUARESPACE_GRACE = Duration.ofSeconds(10);

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static HubStack stack;
    private static Path dataDir;

    private SystemStack() {
    }

    static synchronized HubStack get() {
        Assumptions.assumeTrue(Files.exists(HOME.resolve("spod-connector/target/quarkus-app/quarkus-run.jar")),
                "services are not packaged (run ./mvnw verify)");
        if (stack == null) {
            // each port free when asked, and none twice: the system may hand out a port it just handed out
            Set<Integer> taken = new HashSet<>();
            Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
            Map<HubService, Integer> managementPorts = new EnumMap<>(HubService.class);
            for (HubService service : HubService.values()) {
                ports.put(service, distinctFreePort(taken));
                if (service.hasManagementInterface()) {
                    // health and metrics on a port of their own, free too (its port + 1000 may not be)
                    managementPorts.put(service, distinctFreePort(taken));
                }
            }
            Map<HubService, Map<String, String>> extra = new EnumMap<>(HubService.class);
            // discover SPOD progress quickly; the default suits a real vendor
            extra.put(HubService.SPOD_CONNECTOR, Map.of("hub.spod.poll.interval", "1s"));
            extra.put(HubService.ORCHESTRATOR, Map.of("hub.orchestrator.storefronts.squarespace.grace-period",
                    SQUARESPACE_GRACE.toSeconds() + "s"));
            // find orders whose notification was lost within seconds, and wait out a 429 storm in seconds rather than
            // Squarespace's documented minute; the defaults suit the real vendor
            extra.put(HubService.STOREFRONT_CONNECTOR, Map.of("hub.squarespace.reconcile.every", "2s",
                    "hub.squarespace.cool-down", "3s"));
            // a sale handed over at the till whose sale.update was lost is found within seconds; the default suits a
            // real store
            extra.put(HubService.POS_CONNECTOR, Map.of("hub.lightspeed.poll.every", "2s"));
            dataDir = Path.of(System.getProperty("java.io.tmpdir"), "system-stack-" + System.nanoTime());
            StackSettings settings = new StackSettings(HOME, dataDir, distinctFreePort(taken), distinctFreePort(taken),
                    distinctFreePort(taken), ports, extra, Duration.ofMinutes(4)).withManagementPorts(managementPorts);
            try {
                stack = HubStack.start(settings, System.out);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the hub for the system tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-stack-stop"));
        }
        return stack;
    }

    private static int distinctFreePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = FreePort.find();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port that is not taken already: " + taken);
    }

    /**
     * The credentials the stack made for the sandbox and the hub, for a test that must act as a vendor
     * itself (e.g. sign a webhook it sends); never printed.
     */
    static synchronized LocalSecrets secrets() throws IOException {
        get();
        return LocalSecrets.loadOrCreate(dataDir.resolve("secrets.properties"));
    }
}
