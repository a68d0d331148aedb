package io.fulfillmenthub.ingest.rest;

import static io.fulfillmenthub.ingest.rest.SpressoWebhookRequests.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.ingest.KafkaUnreachableProfile;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.signature.SpressoSignature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Webhooks that arrive together while the broker is away are each answered 503 after the publish
 * timeout, not one after the other: the producer blocks up to {@code max.block.ms} (4 s) on each record
 * while it has no metadata, and a webhook's timeout must not wait for the records queued before it.
 */
@QuarkusTest
@TestProfile(SpressoWebhooksAtOnceWhenKafkaIsUnreachableTest.ShortPublishTimeout.class)
class SpressoWebhooksAtOnceWhenKafkaIsUnreachableTest {

    /** How long a vendor waits for an answer (the sandbox's Spresso: 10 s), five publish timeouts. */
    private static final Duration VENDOR_PATIENCE = Duration.ofSeconds(10);
    private static final int AT_ONCE = 5;

    @TestHTTPResource(SpressoWebhookRequests.PATH)
    URI webhooks;

    @Inject
    IngestConfig config;

    @Test
    void webhooksArrivingTogetherAreEachAnswered503BeforeTheVendorGivesUp() {
        String secret = config.sources().get("spresso").signature().secrets().orElseThrow().get(0);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, AT_ONCE).mapToObj(i -> {
            byte[] body = webhook("o-" + UUID.randomUUID(), "evt_" + UUID.randomUUID());
            return http.sendAsync(HttpRequest.newBuilder(webhooks).timeout(VENDOR_PATIENCE)
                    .header("Content-Type", "application/json")
                    .header(SpressoWebhookRequests.SIGNATURE_HEADER, SpressoSignature.sign(body, secret))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }).toList();

        // a webhook not answered within the vendor's patience fails here with HttpTimeoutException
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue(String.valueOf(config.retryAfterSeconds()));
        }
    }

    /** A publish timeout well below the producer's 4 s wait for metadata, so the two cannot be confused. */
    public static class ShortPublishTimeout extends KafkaUnreachableProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("hub.ingest.publish-timeout", "2s");
            return config;
        }
    }
}
