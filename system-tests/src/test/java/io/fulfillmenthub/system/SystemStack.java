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
import java.util.Map;
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
            Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
            for (HubService service : HubService.values()) {
                ports.put(service, FreePort.find());
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
            dataDir = Path.of(System.getProperty("java.io.tmpdir"), "system-stack-" + System.nanoTime());
            StackSettings settings = new StackSettings(HOME, dataDir,
                    FreePort.find(), FreePort.find(), FreePort.find(), ports, extra, Duration.ofMinutes(4));
            try {
                stack = HubStack.start(settings, System.out);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the hub for the system tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "system-stack-stop"));
        }
        return stack;
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
