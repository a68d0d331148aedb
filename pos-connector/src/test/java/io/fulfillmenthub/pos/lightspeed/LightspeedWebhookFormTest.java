package io.fulfillmenthub.pos.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sale.update form body: its payload read, a webhook that can never be read dead-lettered naming why. */
class LightspeedWebhookFormTest {

    @Test
    void thePayloadFieldHoldsTheSale() {
        String body = "type=sale.update&payload=" + URLEncoder.encode("{\"id\": \"s-1\", \"status\": \"DISPATCHED_CLOSED\", "
                + "\"source_id\": \"squarespace:5f:5f-2\"}", StandardCharsets.UTF_8) + "&domain_prefix=shop";
        var sale = LightspeedWebhooks.read(webhook(body));
        assertThat(sale.id()).isEqualTo("s-1");
        assertThat(sale.status()).isEqualTo("DISPATCHED_CLOSED");
        assertThat(sale.sourceId()).isEqualTo("squarespace:5f:5f-2");
    }

    @Test
    void aWebhookWithoutPayloadOrWithoutSaleIdIsAContractViolation() {
        assertThatThrownBy(() -> LightspeedWebhooks.read(webhook("type=sale.update")))
                .hasMessageContaining("no 'payload' field")
                .satisfies(failure -> assertThat(Failures.classify(failure)).isEqualTo(FailureClass.CONTRACT));
        assertThatThrownBy(() -> LightspeedWebhooks.read(webhook("payload=" + URLEncoder.encode("{\"status\": \"VOIDED\"}",
                StandardCharsets.UTF_8)))).hasMessageContaining("'payload.id'")
                .satisfies(failure -> assertThat(Failures.classify(failure)).isEqualTo(FailureClass.CONTRACT));
        assertThatThrownBy(() -> LightspeedWebhooks.read(webhook("payload=%7Bnot-json")))
                .hasMessageContaining("not JSON");
    }

    private static IncomingCloudEvent webhook(String body) {
        return new IncomingCloudEvent("id-1", "hub.inbound.lightspeed-webhook.v1", URI.create("/ingest"), null, Instant.now(),
                "k", "fulfillment.inbound.v1", 0, 0, body.getBytes(StandardCharsets.UTF_8));
    }
}
