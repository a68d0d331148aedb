package io.fulfillmenthub.ingest.rest;

import static io.fulfillmenthub.ingest.rest.WebhookAssertions.assertNonePublished;
import static io.fulfillmenthub.ingest.rest.WebhookAssertions.assertRefused;
import static io.fulfillmenthub.ingest.rest.WebhookAssertions.withId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.signature.DigestEncoding;
import io.fulfillmenthub.ingest.signature.HmacSha256;
import io.fulfillmenthub.ingest.signature.LightspeedSignature;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/lightspeed}: Lightspeed's {@code sale.update}, a form whose {@code payload} field holds the
 * sale as JSON, signed as VENDOR-FACTS.md assumes ({@code X-Signature: signature=<hex>,algorithm=HMAC-SHA256} with
 * the client secret), deduped on the SHA-256 of the body, keyed by the hub order id its {@code source_id} names.
 */
@QuarkusTest
class LightspeedWebhookTest extends InboundTopicTest {

    private static final String PATH = "/webhooks/lightspeed";
    private static final String HEADER = "X-Signature";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    IngestConfig config;

    @Test
    void aSaleUpdateSignedUnderEitherActiveSecretIsPublishedByteForByteKeyedByTheHubOrderIdOfItsSourceId() {
        String orderId = "spresso:ord_" + UUID.randomUUID();
        byte[] created = saleUpdate(saleId(), orderId + ":ful_1", "AWAITING_PICKUP");
        byte[] pickedUp = saleUpdate(saleId(), orderId + ":ful_2", "PICKED_UP_CLOSED");

        post(created, sign(created, secret(0))).then().statusCode(200).body("status", equalTo("accepted"))
                .body("id", equalTo(ceId(created)));
        post(pickedUp, sign(pickedUp, secret(1))).then().statusCode(200).body("status", equalTo("accepted"))
                .body("id", equalTo(ceId(pickedUp)));

        for (byte[] sent : List.of(created, pickedUp)) {
            ConsumerRecord<String, byte[]> record = inbound.await(withId(ceId(sent)));
            assertThat(record.value()).isEqualTo(sent);
            assertThat(record.key()).isEqualTo(orderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(orderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(InboundTypes.LIGHTSPEED_WEBHOOK);
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ingest/lightspeed");
        }
    }

    @Test
    void aSaleTheHubDidNotMakeIsKeyedByItsSaleId() {
        String withoutSourceId = saleId();
        String foreignSourceId = saleId();
        byte[] noSourceId = saleUpdate(withoutSourceId, null, "CLOSED");
        byte[] noColon = saleUpdate(foreignSourceId, "web-order-1234", "CLOSED");

        post(noSourceId, sign(noSourceId, secret(0))).then().statusCode(200).body("status", equalTo("accepted"));
        post(noColon, sign(noColon, secret(0))).then().statusCode(200).body("status", equalTo("accepted"));

        assertThat(inbound.await(withId(ceId(noSourceId))).key()).isEqualTo("lightspeed-sale:" + withoutSourceId);
        assertThat(inbound.await(withId(ceId(noColon))).key()).isEqualTo("lightspeed-sale:" + foreignSourceId);
    }

    @Test
    void theSameBodyDeliveredAgainIsAnswered200AsADuplicateAndPublishedOnce() {
        String orderId = "squarespace:" + UUID.randomUUID();
        byte[] body = saleUpdate(saleId(), orderId + ":" + UUID.randomUUID() + "-1", "PICKED_UP_CLOSED");
        String id = ceId(body);

        post(body, sign(body, secret(0))).then().statusCode(200).body("status", equalTo("accepted")).body("id", equalTo(id));
        post(body, sign(body, secret(0))).then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));
        post(body, sign(body, secret(1))).then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));

        assertThat(recordsUpToAMarkerFor(orderId)).filteredOn(withId(id)::test).hasSize(1);
    }

    @Test
    void aWrongMissingOrMalformedSignatureIsRefused401AndNotPublished() {
        String orderId = "spresso:ord_" + UUID.randomUUID();
        byte[] body = saleUpdate(saleId(), orderId + ":ful_1", "AWAITING_PICKUP");
        String hex = HmacSha256.sign(body, secret(0).getBytes(StandardCharsets.UTF_8), DigestEncoding.HEX);
        String otherSecret = LightspeedSignature.header(body, "not-the-client-secret".getBytes(StandardCharsets.UTF_8));

        assertRefused(post(body, otherSecret), 401, "invalid_signature", HEADER);
        assertRefused(post(body, hex), 401, "invalid_signature", HEADER);
        assertRefused(post(body, "signature=" + hex + ",algorithm=HMAC-SHA1"), 401, "invalid_signature", HEADER);
        assertRefused(post(body, "signature=" + hex.substring(1) + ",algorithm=HMAC-SHA256"), 401, "invalid_signature", HEADER);
        assertRefused(post(body, "signature=" + HmacSha256.sign(body, secret(0).getBytes(StandardCharsets.UTF_8),
                DigestEncoding.BASE64) + ",algorithm=HMAC-SHA256"), 401, "invalid_signature", HEADER);
        assertRefused(post(body, null), 401, "invalid_signature", HEADER + " is missing");
        // the same signature with its parts the other way round and spaces is the same signature
        post(body, "algorithm=HMAC-SHA256, signature=" + hex.toUpperCase()).then().statusCode(200);

        assertNonePublished(recordsUpToAMarkerFor(orderId).stream().filter(r -> !withId(ceId(body)).test(r)).toList(), body);
    }

    @Test
    void aBodyNotAFormOrOverTheLimitOrWithoutPayloadOrItsIdIsRefusedNamingWhatIsWrong() {
        String orderId = "spresso:ord_" + UUID.randomUUID();
        byte[] body = saleUpdate(saleId(), orderId + ":ful_1", "AWAITING_PICKUP");
        byte[] noPayload = "type=sale.update&domain_prefix=hubstore".getBytes(StandardCharsets.UTF_8);
        byte[] noId = form("{\"source_id\":\"" + orderId + ":ful_1\",\"status\":\"AWAITING_PICKUP\"}");
        byte[] notJson = form("{\"id\": oops");
        byte[] notAForm = "payload=%7B%zz&type=sale.update".getBytes(StandardCharsets.UTF_8);
        byte[] twice = (new String(body, StandardCharsets.UTF_8) + "&payload=%7B%7D").getBytes(StandardCharsets.UTF_8);
        byte[] oversized = new byte[(int) config.maxBodyBytes() + 1];
        java.util.Arrays.fill(oversized, (byte) 'x');

        assertRefused(given().contentType("application/json").header(HEADER, sign(body, secret(0))).body(body).post(PATH), 415,
                "unsupported_media_type", FORM);
        assertRefused(post(oversized, sign(oversized, secret(0))), 413, "body_too_large", "limit of " + config.maxBodyBytes());
        assertRefused(post(noPayload, sign(noPayload, secret(0))), 400, "missing_field", "payload is missing");
        assertRefused(post(noId, sign(noId, secret(0))), 400, "missing_field", "payload.id");
        assertRefused(post(notJson, sign(notJson, secret(0))), 400, "invalid_json", "payload is not JSON");
        assertRefused(post(notAForm, sign(notAForm, secret(0))), 400, "invalid_form", "'%' is not followed by two hex digits");
        assertRefused(post(twice, sign(twice, secret(0))), 400, "invalid_form", "payload appears more than once");

        assertNonePublished(recordsUpToAMarkerFor(orderId), body, noPayload, noId, notJson, notAForm, twice);
    }

    /** A sale.update as the sandbox sends it (VENDOR-FACTS.md): the sale 1.0 JSON in payload, and the retailer's fields. */
    static byte[] saleUpdate(String saleId, String sourceId, String status) {
        return form("{\"id\":\"" + saleId + "\",\"source\":\"fulfillment-hub\","
                + (sourceId == null ? "" : "\"source_id\":\"" + sourceId + "\",")
                + "\"register_id\":\"b1e198a9-f019-11e3-a0f5-b8ca3a64f8f4\",\"status\":\"" + status + "\",\"version\":7,"
                + "\"note\":\"Für Elena & co = 100% ok\"}");
    }

    private static byte[] form(String payload) {
        return ("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8) + "&type=sale.update&domain_prefix=hubstore"
                + "&environment=prod&retailer_id=b1ed6158-f019-11e3-a0f5-000000000001").getBytes(StandardCharsets.UTF_8);
    }

    private static String ceId(byte[] body) {
        try {
            return MessageIds.derive("lightspeed", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret(int position) {
        return config.sources().get("lightspeed").signature().secrets().orElseThrow().get(position);
    }

    private static String sign(byte[] body, String secret) {
        return LightspeedSignature.header(body, secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Response post(byte[] body, String signature) {
        // as text: RestAssured encodes a form body only from text; the bytes are ASCII (percent-encoded), so the same
        var request = given().contentType(FORM).body(new String(body, StandardCharsets.US_ASCII));
        if (signature != null) {
            request.header(HEADER, signature);
        }
        return request.when().post(PATH);
    }

    /** Publishes a valid sale.update for the same order and returns every record read up to it. */
    private List<ConsumerRecord<String, byte[]>> recordsUpToAMarkerFor(String orderId) {
        byte[] marker = saleUpdate(saleId(), orderId + ":marker", "AWAITING_PICKUP");
        post(marker, sign(marker, secret(0))).then().statusCode(200);
        inbound.await(withId(ceId(marker)));
        return inbound.poll();
    }

    private static String saleId() {
        return UUID.randomUUID().toString();
    }
}
