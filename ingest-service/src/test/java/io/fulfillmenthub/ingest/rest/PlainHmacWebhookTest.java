package io.fulfillmenthub.ingest.rest;

import static io.fulfillmenthub.ingest.rest.WebhookAssertions.assertRefused;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.ingest.service.WebhookMetrics;
import io.fulfillmenthub.ingest.signature.DigestEncoding;
import io.fulfillmenthub.ingest.signature.HmacSha256;
import io.fulfillmenthub.ingest.signature.SpressoSignature;
import io.fulfillmenthub.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A second source configured only in the test profile ({@code plain-test}, application.properties): plain
 * HMAC-SHA256 over the raw body with a hex secret and a hex digest, the delivery id in a header, the order id
 * at {@code /data/orderId}. It goes through the same pipeline as Spresso with nothing but configuration.
 */
@QuarkusTest
class PlainHmacWebhookTest extends InboundTopicTest {

    private static final String PATH = "/webhooks/plain-test";
    private static final String HEADER = "X-Test-Signature";
    private static final String DELIVERY = "X-Test-Delivery";
    private static final byte[] SECRET = HexFormat.of().parseHex("0a1b2c3d4e5f60718293a4b5c6d7e8f9");

    @Inject
    MeterRegistry metrics;

    @Test
    void aWebhookSignedWithTheHexSecretIsPublishedUnderTheSourcesTypeKeyAndDeliveryId() {
        String orderId = "ord-" + UUID.randomUUID();
        String delivery = "del-" + UUID.randomUUID();
        byte[] body = body(orderId);
        String id = MessageIds.derive("plain-test", delivery);
        double acceptedBefore = metrics.counter(WebhookMetrics.ACCEPTED, "source", "plain-test").count();

        post(body, HmacSha256.sign(body, SECRET, DigestEncoding.HEX), delivery).then().statusCode(200)
                .body("status", equalTo("accepted")).body("id", equalTo(id));
        post(body, HmacSha256.sign(body, SECRET, DigestEncoding.HEX).toUpperCase(), delivery).then().statusCode(200)
                .body("status", equalTo("duplicate")).body("id", equalTo(id));

        ConsumerRecord<String, byte[]> record = inbound.await(r -> id.equals(TopicReader.header(r, CloudEventHeaders.ID)));
        assertThat(record.value()).isEqualTo(body);
        assertThat(record.key()).isEqualTo("plain-test:" + orderId);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo("hub.inbound.plain-test-webhook.v1");
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ingest/plain-test");
        assertThat(metrics.counter(WebhookMetrics.ACCEPTED, "source", "plain-test").count()).isEqualTo(acceptedBefore + 1);
    }

    @Test
    void aSignatureOfAnotherSchemeEncodingOrFormIsRefusedNamingTheSourcesHeader() {
        byte[] body = body("ord-" + UUID.randomUUID());
        double rejectedBefore = metrics.counter(WebhookMetrics.REJECTED, "source", "plain-test", "reason", "invalid_signature").count();
        // the same key's digest in Base64, as Spresso writes it
        String base64 = HmacSha256.sign(body, SECRET, DigestEncoding.BASE64);
        // the hex text itself taken as a UTF-8 key, as Spresso's secrets are
        String utf8Key = HmacSha256.sign(body, "0a1b2c3d4e5f60718293a4b5c6d7e8f9".getBytes(StandardCharsets.UTF_8), DigestEncoding.HEX);
        // this scheme signs the raw bytes only: a signature of the compact form does not count
        byte[] pretty = ("{\n  \"data\" : { \"orderId\" : \"ord-1\" }\n}").getBytes(StandardCharsets.UTF_8);
        String compact = HmacSha256.sign("{\"data\":{\"orderId\":\"ord-1\"}}".getBytes(StandardCharsets.UTF_8), SECRET, DigestEncoding.HEX);

        assertRefused(post(body, base64, "d-1"), 401, "invalid_signature", HEADER);
        assertRefused(post(body, utf8Key, "d-2"), 401, "invalid_signature", HEADER);
        assertRefused(post(pretty, compact, "d-3"), 401, "invalid_signature", HEADER);
        assertRefused(post(body, null, "d-4"), 401, "invalid_signature", HEADER + " is missing");
        // Spresso's header and scheme mean nothing here
        assertRefused(given().contentType("application/json").header("X-Spresso-Hmac-SHA256",
                SpressoSignature.sign(body, "test-spresso-secret-current")).body(body).post(PATH), 401, "invalid_signature", HEADER);
        assertThat(metrics.counter(WebhookMetrics.REJECTED, "source", "plain-test", "reason", "invalid_signature").count())
                .isEqualTo(rejectedBefore + 5);
    }

    @Test
    void theOrderIdIsReadWhereTheSourceKeepsItAndItsAbsenceIsNamed() {
        byte[] atSpressosPlace = ("{\"order\":{\"id\":\"o-1\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] dataNotAnObject = ("{\"data\":\"o-1\"}").getBytes(StandardCharsets.UTF_8);

        assertRefused(post(atSpressosPlace, HmacSha256.sign(atSpressosPlace, SECRET, DigestEncoding.HEX), "d-5"), 400,
                "missing_field", "data.orderId is missing");
        assertRefused(post(dataNotAnObject, HmacSha256.sign(dataNotAnObject, SECRET, DigestEncoding.HEX), "d-6"), 400,
                "invalid_field", "data must be an object");
    }

    @Test
    void aSourceThatIsNotConfiguredIsA404NamingIt() {
        byte[] body = body("ord-1");
        assertRefused(given().contentType("application/json").body(body).post("/webhooks/no-such-vendor"), 404, "unknown_source",
                "'no-such-vendor'");
    }

    private static byte[] body(String orderId) {
        return ("{ \"topic\": \"order.create\", \"data\": { \"orderId\": \"" + orderId + "\", \"total\": 1.50e1 } }")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Response post(byte[] body, String signature, String delivery) {
        var request = given().contentType("application/json").header(DELIVERY, delivery).body(body);
        if (signature != null) {
            request.header(HEADER, signature);
        }
        return request.when().post(PATH);
    }
}
