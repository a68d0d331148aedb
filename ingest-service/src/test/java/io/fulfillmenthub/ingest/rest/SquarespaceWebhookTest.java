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
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /webhooks/squarespace}, configured in application.properties as VENDOR-FACTS.md documents it:
 * {@code Squarespace-Signature} = hex(HMAC-SHA256(raw body)) keyed with the hex-decoded subscription secret,
 * dedupe on the notification {@code id}, the order at {@code data.orderId}.
 */
@QuarkusTest
class SquarespaceWebhookTest extends InboundTopicTest {

    private static final String PATH = "/webhooks/squarespace";
    private static final String HEADER = "Squarespace-Signature";

    @Inject
    IngestConfig config;

    @Test
    void aNotificationSignedUnderEitherActiveSecretIsPublishedByteForByteKeyedByTheHubOrderId() {
        String orderId = orderId();
        String first = notificationId();
        String second = notificationId();
        byte[] underCurrent = notification(first, "order.create", orderId, null);
        byte[] underPrevious = notification(second, "order.update", orderId, "CANCELED");

        post(underCurrent, sign(underCurrent, secret(0))).then().statusCode(200)
                .body("status", equalTo("accepted")).body("id", equalTo(MessageIds.derive("squarespace", first)));
        post(underPrevious, sign(underPrevious, secret(1))).then().statusCode(200)
                .body("status", equalTo("accepted")).body("id", equalTo(MessageIds.derive("squarespace", second)));

        for (var sent : Map.of(first, underCurrent, second, underPrevious).entrySet()) {
            ConsumerRecord<String, byte[]> record = inbound.await(withId(MessageIds.derive("squarespace", sent.getKey())));
            assertThat(record.value()).isEqualTo(sent.getValue());
            assertThat(record.key()).isEqualTo("squarespace:" + orderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo("squarespace:" + orderId);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(InboundTypes.SQUARESPACE_WEBHOOK);
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ingest/squarespace");
        }
    }

    @Test
    void theSameNotificationIdDeliveredAgainIsAnswered200AsADuplicateAndPublishedOnce() {
        String orderId = orderId();
        String notificationId = notificationId();
        byte[] body = notification(notificationId, "order.create", orderId, null);
        String id = MessageIds.derive("squarespace", notificationId);

        post(body, sign(body, secret(0))).then().statusCode(200).body("status", equalTo("accepted")).body("id", equalTo(id));
        post(body, sign(body, secret(0)).toUpperCase()).then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));
        post(body, sign(body, secret(1))).then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));

        assertThat(recordsUpToAMarkerFor(orderId)).filteredOn(withId(id)::test).hasSize(1);
    }

    @Test
    void withoutAnIdTheDeliveryIdIsTheSha256OfTheBody() throws Exception {
        byte[] body = notification(null, "order.create", orderId(), null);
        String id = MessageIds.derive("squarespace", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));

        post(body, sign(body, secret(0))).then().statusCode(200).body("status", equalTo("accepted")).body("id", equalTo(id));

        assertThat(inbound.await(withId(id)).value()).isEqualTo(body);
    }

    @Test
    void aWrongMissingOrMalformedSignatureIsRefused401AndNotPublished() {
        String orderId = orderId();
        byte[] body = notification(notificationId(), "order.create", orderId, null);
        String right = sign(body, secret(0));
        // the secret's text taken as the key, rather than the bytes it hex-encodes
        String textKey = HmacSha256.sign(body, secret(0).getBytes(StandardCharsets.UTF_8), DigestEncoding.HEX);
        String base64 = HmacSha256.sign(body, HexFormat.of().parseHex(secret(0)), DigestEncoding.BASE64);
        String otherSecret = HmacSha256.sign(body, HexFormat.of().parseHex("00".repeat(32)), DigestEncoding.HEX);

        assertRefused(post(body, textKey), 401, "invalid_signature", HEADER);
        assertRefused(post(body, base64), 401, "invalid_signature", HEADER);
        assertRefused(post(body, otherSecret), 401, "invalid_signature", HEADER);
        assertRefused(post(body, right.substring(1)), 401, "invalid_signature", HEADER);
        assertRefused(post(body, "zz" + right.substring(2)), 401, "invalid_signature", HEADER);
        assertRefused(post(body, null), 401, "invalid_signature", HEADER + " is missing");

        assertNonePublished(recordsUpToAMarkerFor(orderId), body);
    }

    @Test
    void aBodyNotDeclaredJsonOrOverTheLimitOrWithoutAnOrderIdIsRefusedNamingWhatIsWrong() {
        String orderId = orderId();
        byte[] body = notification(notificationId(), "order.create", orderId, null);
        byte[] oversized = oversized(orderId);
        byte[] noOrderId = ("{\"id\":\"" + notificationId() + "\",\"topic\":\"order.create\",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
        byte[] notJson = ("{\"id\":\"" + notificationId() + "\", oops").getBytes(StandardCharsets.UTF_8);

        assertRefused(given().contentType("text/plain").header(HEADER, sign(body, secret(0))).body(body).post(PATH), 415,
                "unsupported_media_type", "application/json");
        assertRefused(post(oversized, sign(oversized, secret(0))), 413, "body_too_large", "limit of " + config.maxBodyBytes());
        assertRefused(post(noOrderId, sign(noOrderId, secret(0))), 400, "missing_field", "data.orderId");
        assertRefused(post(notJson, sign(notJson, secret(0))), 400, "invalid_json", "not JSON");

        assertNonePublished(recordsUpToAMarkerFor(orderId), body, oversized, noOrderId, notJson);
    }

    /** A notification as Squarespace documents it; laid out as no JSON library would write it back. */
    private static byte[] notification(String id, String topic, String orderId, String update) {
        return ("{\n  " + (id == null ? "" : "\"id\" : \"" + id + "\",\n  ")
                + "\"websiteId\" : \"5f3ab6b1c2d4e50a1b2c3d4e\",\n  \"subscriptionId\" : \"a1b2c3d4-0000-4000-8000-000000000001\",\n"
                + "  \"topic\" : \"" + topic + "\",\n  \"createdOn\" : \"2026-12-03T23:40:00.123Z\",\n"
                + "  \"data\" : { \"orderId\" : \"" + orderId + "\"" + (update == null ? "" : ", \"update\" : \"" + update + "\"")
                + " }\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] oversized(String orderId) {
        return WebhookAssertions.oversized("{\"id\":\"" + notificationId() + "\",\"data\":{\"orderId\":\"" + orderId + "\"}",
                config.maxBodyBytes());
    }

    private String secret(int position) {
        return config.sources().get("squarespace").signature().secrets().orElseThrow().get(position);
    }

    private static String sign(byte[] body, String hexSecret) {
        return HmacSha256.sign(body, HexFormat.of().parseHex(hexSecret), DigestEncoding.HEX);
    }

    private static Response post(byte[] body, String signature) {
        var request = given().contentType("application/json; charset=utf-8").body(body);
        if (signature != null) {
            request.header(HEADER, signature);
        }
        return request.when().post(PATH);
    }

    /** Publishes a valid notification for the same order and returns every record read up to it. */
    private List<ConsumerRecord<String, byte[]>> recordsUpToAMarkerFor(String orderId) {
        String marker = "marker-" + UUID.randomUUID();
        byte[] body = notification(marker, "order.update", orderId, "EMAIL_UPDATED");
        post(body, sign(body, secret(0))).then().statusCode(200);
        inbound.await(withId(MessageIds.derive("squarespace", marker)));
        return inbound.poll();
    }

    private static String orderId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static String notificationId() {
        return UUID.randomUUID().toString();
    }
}
