package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack gives the sandbox's Lightspeed, ingest and the pos-connector the same Lightspeed app: the
 * client secret the sandbox signs with and ingest checks, and the first refresh token the sandbox issues.
 */
class LightspeedWiringTest {

    @TempDir
    Path data;

    @Test
    void theSandboxSignsWithTheSecretIngestChecksAndThePosConnectorRefreshesWithTheTokenTheSandboxIssued() throws IOException {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"));
        Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            ports.put(service, service.defaultPort);
        }

        ServiceWiring sandbox = ServiceWiring.of(HubService.SANDBOX, ports, "localhost:9092", 15432, secrets);
        ServiceWiring ingest = ServiceWiring.of(HubService.INGEST, ports, "localhost:9092", 15432, secrets);
        ServiceWiring pos = ServiceWiring.of(HubService.POS_CONNECTOR, ports, "localhost:9092", 15432, secrets);

        assertThat(secrets.lightspeedClientSecret()).isNotBlank().isNotEqualTo(secrets.lightspeedRefreshToken());
        assertThat(secrets.lightspeedRefreshToken()).isNotBlank();
        assertThat(sandbox.properties()).containsEntry("sandbox.hub.lightspeed-webhook-url", "http://localhost:8080/webhooks/lightspeed")
                .containsEntry("sandbox.lightspeed.client-id", "fulfillment-hub-local");
        assertThat(sandbox.environment()).containsEntry("SANDBOX_LIGHTSPEED_CLIENT_SECRET", secrets.lightspeedClientSecret())
                .containsEntry("SANDBOX_LIGHTSPEED_REFRESH_TOKEN", secrets.lightspeedRefreshToken());
        assertThat(ingest.environment()).containsEntry("HUB_INGEST_LIGHTSPEED_SECRETS", secrets.lightspeedClientSecret());
        assertThat(pos.properties()).containsEntry("hub.lightspeed.base-url", "http://localhost:8090/lightspeed")
                .containsEntry("hub.lightspeed.client-id", "fulfillment-hub-local")
                .containsEntry("kafka.bootstrap.servers", "localhost:9092");
        assertThat(pos.environment()).containsEntry("HUB_LIGHTSPEED_CLIENT_SECRET", secrets.lightspeedClientSecret())
                .containsEntry("HUB_LIGHTSPEED_REFRESH_TOKEN", secrets.lightspeedRefreshToken());
        // secrets travel in the environment, never as properties on the command line
        for (ServiceWiring wiring : new ServiceWiring[] {sandbox, ingest, pos}) {
            assertThat(String.join(" ", wiring.properties().values())).doesNotContain(secrets.lightspeedClientSecret())
                    .doesNotContain(secrets.lightspeedRefreshToken());
        }
    }

    @Test
    void theSecretsAreMadeOncePerDataDirectory() throws IOException {
        Path file = data.resolve("secrets.properties");
        LocalSecrets first = LocalSecrets.loadOrCreate(file);
        LocalSecrets other = LocalSecrets.loadOrCreate(data.resolve("other").resolve("secrets.properties"));

        assertThat(LocalSecrets.loadOrCreate(file)).isEqualTo(first);
        assertThat(other.lightspeedClientSecret()).isNotEqualTo(first.lightspeedClientSecret());
        assertThat(other.lightspeedRefreshToken()).isNotEqualTo(first.lightspeedRefreshToken());
    }
}
