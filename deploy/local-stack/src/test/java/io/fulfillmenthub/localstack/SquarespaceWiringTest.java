package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack gives the sandbox, ingest and the storefront-connector the same Squarespace credentials. */
class SquarespaceWiringTest {

    @TempDir
    Path data;

    @Test
    void theSandboxSignsWithTheSecretIngestChecksAndTheConnectorUsesTheKeyTheSandboxAccepts() throws IOException {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"));
        Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            ports.put(service, service.defaultPort);
        }

        ServiceWiring sandbox = ServiceWiring.of(HubService.SANDBOX, ports, "localhost:9092", 15432, secrets);
        ServiceWiring ingest = ServiceWiring.of(HubService.INGEST, ports, "localhost:9092", 15432, secrets);
        ServiceWiring storefront = ServiceWiring.of(HubService.STOREFRONT_CONNECTOR, ports, "localhost:9092", 15432, secrets);

        assertThat(secrets.squarespaceWebhookSecret()).matches("73616e64626f78[0-9a-f]{50}");
        assertThat(sandbox.environment()).containsEntry("SANDBOX_SQUARESPACE_WEBHOOK_SECRET", secrets.squarespaceWebhookSecret())
                .containsEntry("SANDBOX_SQUARESPACE_API_KEY", secrets.squarespaceApiKey());
        assertThat(sandbox.properties()).containsEntry("sandbox.hub.squarespace-webhook-url", "http://localhost:8080/webhooks/squarespace");
        assertThat(ingest.environment()).containsEntry("HUB_INGEST_SQUARESPACE_SECRETS", secrets.squarespaceWebhookSecret());
        assertThat(storefront.properties()).containsEntry("hub.squarespace.base-url", "http://localhost:8090/squarespace");
        assertThat(storefront.environment()).containsEntry("HUB_SQUARESPACE_API_KEY", secrets.squarespaceApiKey());
        // secrets travel in the environment, never as properties on the command line
        assertThat(String.join(" ", sandbox.properties().values())).doesNotContain(secrets.squarespaceWebhookSecret());
    }

    @Test
    void aDataDirectoryFromBeforeSquarespaceKeepsItsSecretsAndGainsTheNewOnes() throws IOException {
        Path file = data.resolve("secrets.properties");
        Properties old = new Properties();
        old.setProperty("spresso.client-secret", "sandbox-kept-client-secret");
        old.setProperty("spresso.api-token", "sandbox-kept-api-token");
        old.setProperty("spod.api-key", "sandbox-kept-key");
        old.setProperty("spod.api-secret", "sandbox-kept-secret");
        try (Writer writer = Files.newBufferedWriter(file)) {
            old.store(writer, null);
        }

        LocalSecrets secrets = LocalSecrets.loadOrCreate(file);

        assertThat(secrets.spressoClientSecret()).isEqualTo("sandbox-kept-client-secret");
        assertThat(secrets.spodApiSecret()).isEqualTo("sandbox-kept-secret");
        assertThat(secrets.squarespaceWebhookSecret()).matches("73616e64626f78[0-9a-f]{50}");
        assertThat(secrets.squarespaceApiKey()).isNotBlank();
        assertThat(LocalSecrets.loadOrCreate(file)).as("the same on the next start").isEqualTo(secrets);
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            stored.load(reader);
        }
        assertThat(stored.getProperty("squarespace.webhook-secret")).isEqualTo(secrets.squarespaceWebhookSecret());
    }
}
