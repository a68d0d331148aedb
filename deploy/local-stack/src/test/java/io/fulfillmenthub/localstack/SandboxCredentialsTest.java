package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.infra.FreePort;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack hands the sandbox only credentials marked as sandbox credentials, under the sandbox's
 * own keys, and the hub the same values under the hub's; the sandbox refuses to start with any other.
 */
class SandboxCredentialsTest {

    private static final Path HOME = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void everyGeneratedCredentialIsMarkedAndTheSandboxAndTheHubNeverShareAKey() throws IOException {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"));
        Map<HubService, ServiceWiring> wiring = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            wiring.put(service, ServiceWiring.of(service, defaultPorts(), "localhost:9092", 15432, secrets));
        }

        for (String secret : List.of(secrets.spressoClientSecret(), secrets.spressoApiToken(), secrets.spodApiKey(),
                secrets.spodApiSecret(), secrets.squarespaceApiKey(), secrets.lightspeedClientSecret(),
                secrets.lightspeedRefreshToken())) {
            assertThat(secret).startsWith("sandbox-");
        }
        assertThat(secrets.squarespaceWebhookSecret()).startsWith("73616e64626f78").hasSize(64);
        Map<String, String> sandbox = wiring.get(HubService.SANDBOX).environment();
        assertThat(sandbox.keySet()).allMatch(key -> key.startsWith("SANDBOX_"));
        assertThat(wiring.get(HubService.SANDBOX).properties().keySet())
                .allMatch(key -> key.startsWith("sandbox.") || key.startsWith("quarkus."));
        for (HubService service : HubService.values()) {
            if (service != HubService.SANDBOX) {
                assertThat(wiring.get(service).environment().keySet()).as("%s's keys", service)
                        .noneMatch(sandbox::containsKey).noneMatch(key -> key.startsWith("SANDBOX_"));
                assertThat(wiring.get(service).properties().keySet()).as("%s's keys", service)
                        .noneMatch(key -> key.startsWith("sandbox."));
            }
        }
        assertThat(sandbox).containsEntry("SANDBOX_SPRESSO_CLIENT_SECRET", secrets.spressoClientSecret());
        assertThat(wiring.get(HubService.INGEST).environment())
                .containsEntry("HUB_INGEST_SPRESSO_SECRETS", secrets.spressoClientSecret());
    }

    @Test
    void unmarkedCredentialsOfAnOlderDataDirectoryAreMadeAnewAndMarkedOnesKept() throws IOException {
        Path file = data.resolve("secrets.properties");
        Properties old = new Properties();
        old.setProperty("spresso.client-secret", "sandbox-kept-client-secret");
        old.setProperty("spod.api-secret", "an-unmarked-secret");
        old.setProperty("squarespace.webhook-secret", "5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0ca1f00d5c0c");
        try (Writer writer = Files.newBufferedWriter(file)) {
            old.store(writer, null);
        }

        LocalSecrets secrets = LocalSecrets.loadOrCreate(file);

        assertThat(secrets.spressoClientSecret()).isEqualTo("sandbox-kept-client-secret");
        assertThat(secrets.spodApiSecret()).startsWith("sandbox-").isNotEqualTo("an-unmarked-secret");
        assertThat(secrets.squarespaceWebhookSecret()).startsWith("73616e64626f78").hasSize(64);
        assertThat(LocalSecrets.loadOrCreate(file)).as("the same on the next start").isEqualTo(secrets);
    }

    @Test
    void theSandboxRefusesToStartWithACredentialNotMarkedNamingItsKeyNotItsValue() throws Exception {
        Path application = HOME.resolve("deploy/sandbox/target/quarkus-app");
        Assumptions.assumeTrue(Files.exists(application.resolve("quarkus-run.jar")),
                "the sandbox is not packaged (run ./mvnw verify)");
        Path log = data.resolve("sandbox.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.http.port=" + FreePort.find(), "-jar", "quarkus-run.jar")
                .directory(application.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SANDBOX_SPRESSO_CLIENT_SECRET", "sandbox-a-marked-one");
        builder.environment().put("SANDBOX_SPOD_API_SECRET", "what-a-real-spod-secret-looks-like");
        Process sandbox = builder.start();
        try {
            assertThat(sandbox.waitFor(2, TimeUnit.MINUTES)).as("the sandbox stopped by itself").isTrue();
            String said = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(sandbox.exitValue()).as("its exit code; it said:%n%s", said).isNotZero();
            assertThat(said).contains("sandbox.spod.api-secret").doesNotContain("sandbox.spresso.client-secret")
                    .doesNotContain("what-a-real-spod-secret-looks-like");
        } finally {
            sandbox.destroyForcibly();
        }
    }

    private static Map<HubService, Integer> defaultPorts() {
        Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            ports.put(service, service.defaultPort);
        }
        return ports;
    }
}
