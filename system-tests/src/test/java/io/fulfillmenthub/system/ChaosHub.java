package io.fulfillmenthub.system;

import io.fulfillmenthub.infra.FreePort;
import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.fulfillmenthub.localstack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A hub for fault tests, apart from the one the other system tests share, so that its faults (a broker
 * stopped, a database frozen, services killed) never reach theirs: the same processes as
 * {@link SystemStack}'s, with N replicas of each service, and Spresso's webhooks going through
 * {@link WebhookRetries}, which retries them as a vendor would. The single-replica fault tests share one
 * ({@link #shared()}, stopped at JVM exit; each test counts only its own orders), as a start and a stop
 * cost a few minutes of two cores; a test that needs other settings starts and closes its own.
 */
final class ChaosHub implements AutoCloseable {

    private static ChaosHub shared;

    final HubStack stack;
    final Sandbox sandbox;
    final WebhookRetries webhooks;
    final String sandboxUrl;

    private ChaosHub(HubStack stack, WebhookRetries webhooks) {
        this.stack = stack;
        this.webhooks = webhooks;
        this.sandboxUrl = stack.url(HubService.SANDBOX);
        this.sandbox = new Sandbox(sandboxUrl);
    }

    /** One replica of each service, started on first use, stopped at JVM exit. */
    static synchronized ChaosHub shared() throws Exception {
        if (shared == null) {
            shared = start("faults", 1);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "chaos-hub-stop"));
        }
        return shared;
    }

    static ChaosHub start(String name, int replicas) throws Exception {
        Assumptions.assumeTrue(Files.exists(SystemStack.HOME.resolve("spod-connector/target/quarkus-app/quarkus-run.jar")),
                "services are not packaged (run ./mvnw verify)");
        WebhookRetries webhooks = WebhookRetries.start();
        try {
            Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
            for (HubService service : HubService.values()) {
                // replica n listens on port + 100 (n - 1): keep those free too
                ports.put(service, freeForReplicas(replicas));
            }
            Map<HubService, Map<String, String>> extra = new EnumMap<>(HubService.class);
            extra.put(HubService.SPOD_CONNECTOR, Map.of("hub.spod.poll.interval", "1s"));
            extra.put(HubService.SANDBOX, Map.of("sandbox.hub.spresso-webhook-url", webhooks.url()));
            StackSettings settings = new StackSettings(SystemStack.HOME,
                    Path.of(System.getProperty("java.io.tmpdir"), name + "-stack-" + System.nanoTime()),
                    FreePort.find(), FreePort.find(), FreePort.find(), ports, extra, Duration.ofMinutes(6))
                    .withReplicas(replicas);
            HubStack stack = HubStack.start(settings, System.out);
            webhooks.deliverTo(settings.replicas(HubService.INGEST).stream().map(stack::url).toList());
            return new ChaosHub(stack, webhooks);
        } catch (Exception | Error e) {
            webhooks.close();
            throw e;
        }
    }

    private static int freeForReplicas(int replicas) {
        while (true) {
            int port = FreePort.find();
            if (port + StackSettings.REPLICA_PORT_STEP * (replicas - 1) < 65536) {
                return port;
            }
        }
    }

    String url(HubService service) {
        return stack.url(service);
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            webhooks.close();
        }
    }
}
