package io.fulfillmenthub.ingest.rest;

import static io.fulfillmenthub.ingest.rest.SpressoWebhookRequests.postSigned;
import static io.fulfillmenthub.ingest.rest.SpressoWebhookRequests.webhook;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.ingest.KafkaUnreachableProfile;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(KafkaUnreachableProfile.class)
class SpressoWebhookWhenKafkaIsUnreachableTest {

    @Inject
    IngestConfig config;

    @Test
    void aValidWebhookIsAnswered503WithRetryAfterAndNotRememberedAsAccepted() {
        byte[] body = webhook("o-" + UUID.randomUUID(), "evt_" + UUID.randomUUID());
        String secret = config.sources().get("spresso").signature().secrets().orElseThrow().get(0);

        // twice: a webhook the broker never acknowledged must not be answered as a duplicate on its retry
        for (int attempt = 0; attempt < 2; attempt++) {
            postSigned(body, secret).then().statusCode(503)
                    .header("Retry-After", String.valueOf(config.retryAfterSeconds()))
                    .contentType(containsString("application/json"))
                    .body("error", equalTo("broker_unavailable"))
                    .body("message", containsString("send it again"));
        }
    }
}
