package io.fulfillmenthub.ingest.rest;

import static io.fulfillmenthub.ingest.rest.SpressoWebhookRequests.post;
import static io.fulfillmenthub.ingest.rest.SpressoWebhookRequests.postSigned;
import static io.fulfillmenthub.ingest.rest.SpressoWebhookRequests.webhook;
import static io.fulfillmenthub.ingest.rest.WebhookAssertions.assertNonePublished;
import static io.fulfillmenthub.ingest.rest.WebhookAssertions.assertRefused;
import static io.fulfillmenthub.ingest.rest.WebhookAssertions.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.service.WebhookMetrics;
import io.fulfillmenthub.ingest.signature.SpressoSignature;
import io.fulfillmenthub.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpressoWebhookTest extends InboundTopicTest {

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry metrics;

    @TestHTTPResource(SpressoWebhookRequests.PATH)
    URI endpoint;

    @Test
    void aSignedWebhookIsPublishedByteForByteAsACloudEventKeyedByTheHubOrderId() {
        String orderId = orderId();
        String eventId = "evt_" + UUID.randomUUID();
        byte[] body = webhook(orderId, eventId);
        String id = MessageIds.derive("spresso", eventId);
        double acceptedBefore = count(WebhookMetrics.ACCEPTED);
        double rawBefore = count(WebhookMetrics.SIGNATURE_MATCHED, "form", "raw");

        postSigned(body, currentSecret()).then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("status", equalTo("accepted"))
                .body("id", equalTo(id));

        ConsumerRecord<String, byte[]> record = inbound.await(withId(id));
        assertThat(record.value()).isEqualTo(body);
        assertThat(record.key()).isEqualTo("spresso:" + orderId);
        assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(InboundTypes.SPRESSO_WEBHOOK);
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ingest/spresso");
        assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo("spresso:" + orderId);
        assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(TopicReader.header(record, CloudEventHeaders.CONTENT_TYPE)).startsWith("application/json");
        assertThat(count(WebhookMetrics.ACCEPTED)).isEqualTo(acceptedBefore + 1);
        assertThat(count(WebhookMetrics.SIGNATURE_MATCHED, "form", "raw")).isEqualTo(rawBefore + 1);
    }

    @Test
    void aWebhookSignedOverTheCompactFormOfItsParsedBodyIsAcceptedAndPublishedAsReceived() {
        String orderId = orderId();
        String eventId = "evt_" + UUID.randomUUID();
        byte[] body = ("{\n  \"event\" : \"order_fulfillable\",\n  \"eventId\" : \"" + eventId + "\",\n"
                + "  \"order\" : { \"id\" : \"" + orderId + "\", \"orderNo\" : 19618657,"
                + " \"shippingAddress\" : { \"firstName\" : \"Zoë\", \"addressLine2\" : \"\", \"country\" : \"POL\" } }\n}\n")
                .getBytes(StandardCharsets.UTF_8);
        // what JSON.stringify(JSON.parse(body)) gives, as in Spresso's verification sample
        byte[] stringified = ("{\"event\":\"order_fulfillable\",\"eventId\":\"" + eventId + "\","
                + "\"order\":{\"id\":\"" + orderId + "\",\"orderNo\":19618657,"
                + "\"shippingAddress\":{\"firstName\":\"Zoë\",\"addressLine2\":\"\",\"country\":\"POL\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        String id = MessageIds.derive("spresso", eventId);
        double compactBefore = count(WebhookMetrics.SIGNATURE_MATCHED, "form", "compact");
        double rawBefore = count(WebhookMetrics.SIGNATURE_MATCHED, "form", "raw");

        post(body, "application/json", SpressoSignature.sign(stringified, currentSecret())).then().statusCode(200)
                .body("status", equalTo("accepted")).body("id", equalTo(id));

        assertThat(inbound.await(withId(id)).value()).as("published as received, not re-serialised").isEqualTo(body);
        assertThat(count(WebhookMetrics.SIGNATURE_MATCHED, "form", "compact")).isEqualTo(compactBefore + 1);
        assertThat(count(WebhookMetrics.SIGNATURE_MATCHED, "form", "raw")).isEqualTo(rawBefore);
    }

    @Test
    void aSignatureOfNeitherTheRawBytesNorTheirCompactFormIsRefused401() {
        String orderId = orderId();
        String eventId = "evt_" + UUID.randomUUID();
        byte[] body = ("{\"eventId\": \"" + eventId + "\", \"order\": {\"id\": \"" + orderId + "\", \"orderNo\": 1}}")
                .getBytes(StandardCharsets.UTF_8);
        // the same content with its keys in another order: not what the parsed body re-serialises to
        byte[] reordered = ("{\"order\":{\"orderNo\":1,\"id\":\"" + orderId + "\"},\"eventId\":\"" + eventId + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        double refusedBefore = count(WebhookMetrics.REJECTED, "reason", "invalid_signature");
        double compactBefore = count(WebhookMetrics.SIGNATURE_MATCHED, "form", "compact");

        assertRefused(post(body, "application/json", SpressoSignature.sign(reordered, currentSecret())), 401,
                "invalid_signature", SpressoWebhookRequests.SIGNATURE_HEADER);
        assertRefused(post("not json".getBytes(StandardCharsets.UTF_8), "application/json",
                SpressoSignature.sign(reordered, currentSecret())), 401, "invalid_signature", SpressoWebhookRequests.SIGNATURE_HEADER);

        assertNonePublished(recordsUpToAMarkerFor(orderId), body);
        assertThat(count(WebhookMetrics.REJECTED, "reason", "invalid_signature")).isEqualTo(refusedBefore + 2);
        assertThat(count(WebhookMetrics.SIGNATURE_MATCHED, "form", "compact")).isEqualTo(compactBefore);
    }

    @Test
    void aWebhookSignedWithThePreviousSecretIsAcceptedSoTheSecretCanBeRotated() {
        String eventId = "evt_" + UUID.randomUUID();
        byte[] body = webhook(orderId(), eventId);

        postSigned(body, previousSecret()).then().statusCode(200).body("status", equalTo("accepted"));

        assertThat(inbound.await(withId(MessageIds.derive("spresso", eventId))).value()).isEqualTo(body);
    }

    @Test
    void withoutAnEventIdTheDeliveryIdIsTheSha256OfTheBody() throws Exception {
        byte[] body = webhook(orderId(), null);
        String id = MessageIds.derive("spresso", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));

        postSigned(body, currentSecret()).then().statusCode(200).body("id", equalTo(id));

        assertThat(inbound.await(withId(id)).value()).isEqualTo(body);
    }

    @Test
    void theSameWebhookDeliveredThreeTimesIsAnswered200EachTimeAndPublishedOnce() {
        String orderId = orderId();
        String eventId = "evt_" + UUID.randomUUID();
        byte[] body = webhook(orderId, eventId);
        String id = MessageIds.derive("spresso", eventId);
        double duplicatesBefore = count(WebhookMetrics.DUPLICATES);

        postSigned(body, currentSecret()).then().statusCode(200).body("status", equalTo("accepted")).body("id", equalTo(id));
        postSigned(body, currentSecret()).then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));
        postSigned(body, previousSecret()).then().statusCode(200).body("status", equalTo("duplicate")).body("id", equalTo(id));

        List<ConsumerRecord<String, byte[]>> published = recordsUpToAMarkerFor(orderId);
        assertThat(published).filteredOn(withId(id)::test).hasSize(1);
        assertThat(count(WebhookMetrics.DUPLICATES)).isEqualTo(duplicatesBefore + 2);
    }

    @Test
    void aWrongOrMissingSignatureIsRefused401AndNotPublished() {
        String orderId = orderId();
        byte[] wronglySigned = webhook(orderId, "evt_" + UUID.randomUUID());
        byte[] unsigned = webhook(orderId, "evt_" + UUID.randomUUID());
        byte[] tampered = webhook(orderId, "evt_" + UUID.randomUUID());
        String signatureOfOther = SpressoSignature.sign(webhook(orderId, "evt_other"), currentSecret());
        double refusedBefore = count(WebhookMetrics.REJECTED, "reason", "invalid_signature");

        assertRefused(post(wronglySigned, "application/json", SpressoSignature.sign(wronglySigned, "not-our-secret")),
                401, "invalid_signature", SpressoWebhookRequests.SIGNATURE_HEADER);
        assertRefused(post(unsigned, "application/json", null), 401, "invalid_signature", "missing");
        assertRefused(post(tampered, "application/json", signatureOfOther), 401, "invalid_signature", SpressoWebhookRequests.SIGNATURE_HEADER);
        assertRefused(post(tampered, "application/json", "%%%"), 401, "invalid_signature", SpressoWebhookRequests.SIGNATURE_HEADER);

        assertNonePublished(recordsUpToAMarkerFor(orderId), wronglySigned, unsigned, tampered);
        assertThat(count(WebhookMetrics.REJECTED, "reason", "invalid_signature")).isEqualTo(refusedBefore + 4);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused400AndNotPublished() {
        byte[] notJson = ("{\"order\": {\"id\": \"" + orderId() + "\"}, oops").getBytes(StandardCharsets.UTF_8);
        byte[] trailing = ("{\"order\": {\"id\": \"" + orderId() + "\"}} {}").getBytes(StandardCharsets.UTF_8);
        byte[] array = ("[{\"order\": {\"id\": \"" + orderId() + "\"}}]").getBytes(StandardCharsets.UTF_8);

        assertRefused(postSigned(notJson, currentSecret()), 400, "invalid_json", "not JSON");
        assertRefused(postSigned(trailing, currentSecret()), 400, "invalid_json", "not JSON");
        assertRefused(postSigned(array, currentSecret()), 400, "invalid_json", "not a JSON object");

        assertNonePublished(recordsUpToAMarkerFor(orderId()), notJson, trailing, array);
    }

    @Test
    void aBodyWithARepeatedKeyIsRefused400AsNotJsonAndNotPublished() {
        String orderId = orderId();
        String eventId = "evt_" + UUID.randomUUID();
        byte[] atTheRoot = ("{\"eventId\":\"" + eventId + "-a\",\"order\":{\"id\":\"" + orderId + "\"},\"eventId\":\"" + eventId + "-b\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] deepInside = ("{\"eventId\":\"" + eventId + "-c\",\"order\":{\"id\":\"" + orderId
                + "\",\"orderVariants\":[{\"variant\":{\"sku\":\"TEE\",\"sku\":\"MUG\"}}]}}").getBytes(StandardCharsets.UTF_8);

        assertRefused(postSigned(atTheRoot, currentSecret()), 400, "invalid_json", "Duplicate field 'eventId'");
        assertRefused(postSigned(deepInside, currentSecret()), 400, "invalid_json", "Duplicate field 'sku'");

        assertNonePublished(recordsUpToAMarkerFor(orderId), atTheRoot, deepInside);
    }

    @Test
    void aWebhookWithoutOrderIdIsRefused400NamingTheFieldAndNotPublished() {
        String token = UUID.randomUUID().toString();
        byte[] noOrder = ("{\"event\":\"order_fulfillable\",\"eventId\":\"" + token + "-a\"}").getBytes(StandardCharsets.UTF_8);
        byte[] noId = ("{\"eventId\":\"" + token + "-b\",\"order\":{\"orderNo\":\"1001\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] nullId = ("{\"eventId\":\"" + token + "-c\",\"order\":{\"id\":null}}").getBytes(StandardCharsets.UTF_8);
        byte[] blankId = ("{\"eventId\":\"" + token + "-d\",\"order\":{\"id\":\" \"}}").getBytes(StandardCharsets.UTF_8);

        assertRefused(postSigned(noOrder, currentSecret()), 400, "missing_field", "order.id");
        assertRefused(postSigned(noId, currentSecret()), 400, "missing_field", "order.id");
        assertRefused(postSigned(nullId, currentSecret()), 400, "missing_field", "order.id");
        assertRefused(postSigned(blankId, currentSecret()), 400, "invalid_field", "order.id");

        assertNonePublished(recordsUpToAMarkerFor(orderId()), noOrder, noId, nullId, blankId);
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIsRefused415AndNotPublished() {
        String orderId = orderId();
        byte[] body = webhook(orderId, "evt_" + UUID.randomUUID());
        String signature = SpressoSignature.sign(body, currentSecret());

        assertRefused(post(body, "text/plain", signature), 415, "unsupported_media_type", "application/json");
        assertRefused(post(body, "text/json", signature), 415, "unsupported_media_type", "application/json");

        assertNonePublished(recordsUpToAMarkerFor(orderId), body);
    }

    @Test
    void aBodyNested10000DeepIsRefused400NamingTheDepthLimitAndTheServiceGoesOn() {
        String orderId = orderId();
        byte[] deep = ("{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"order\":{\"id\":\"" + orderId + "\"},\"deep\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] overDefault = ("{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"order\":{\"id\":\"" + orderId + "\"},\"deep\":"
                + "[".repeat(config.json().maxDepth()) + "]".repeat(config.json().maxDepth()) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] longNumber = ("{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"order\":{\"id\":\"" + orderId + "\"},\"total\":"
                + "9".repeat(1000) + "}").getBytes(StandardCharsets.UTF_8);

        assertRefused(postSigned(deep, currentSecret()), 400, "invalid_json", "hub.ingest.json.max-depth");
        assertRefused(postSigned(overDefault, currentSecret()), 400, "invalid_json", "hub.ingest.json.max-depth");
        assertRefused(postSigned(longNumber, currentSecret()), 400, "invalid_json", "hub.ingest.json.max-number-length");
        // unsigned, the signature is refused first; the parse of the depth still ends at the limit
        assertRefused(post(deep, "application/json", null), 401, "invalid_signature", "missing");

        assertNonePublished(recordsUpToAMarkerFor(orderId), deep, overDefault, longNumber);
    }

    @Test
    void anotherWebhookUnderAnEventIdAlreadyTakenIsRefused409NamingTheIdAndNotPublished() {
        String eventId = "evt_" + UUID.randomUUID();
        String orderId = orderId();
        byte[] first = webhook(orderId, eventId);
        byte[] other = webhook(orderId() , eventId);

        postSigned(first, currentSecret()).then().statusCode(200).body("status", equalTo("accepted"));
        assertRefused(postSigned(other, currentSecret()), 409, "delivery_id_reused", eventId);
        // the first, sent again, is still the duplicate it always was
        postSigned(first, currentSecret()).then().statusCode(200).body("status", equalTo("duplicate"));

        assertNonePublished(recordsUpToAMarkerFor(orderId), other);
    }

    @Test
    void aRetryThatOnlyRewritesTheSameJsonIsADuplicateNotAReusedId() {
        String eventId = "evt_" + UUID.randomUUID();
        String orderId = orderId();
        byte[] pretty = ("{\n  \"eventId\" : \"" + eventId + "\",\n  \"order\" : { \"id\" : \"" + orderId + "\" }\n}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] compact = ("{\"eventId\":\"" + eventId + "\",\"order\":{\"id\":\"" + orderId + "\"}}").getBytes(StandardCharsets.UTF_8);

        postSigned(pretty, currentSecret()).then().statusCode(200).body("status", equalTo("accepted"));
        // Spresso's compact re-serialisation path: the same webhook written out again is the same delivery
        postSigned(compact, currentSecret()).then().statusCode(200).body("status", equalTo("duplicate"));
    }

    @Test
    void anOrderIdOrEventIdThatIsNotAPlainIdIsRefused400NamingTheField() {
        String token = UUID.randomUUID().toString();
        byte[] quote = ("{\"eventId\":\"evt_" + token + "-a\",\"order\":{\"id\":\"' OR '1'='1\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] rtl = ("{\"eventId\":\"evt_" + token + "-b\",\"order\":{\"id\":\"a\\u202Eb\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] colon = ("{\"eventId\":\"evt_" + token + "-c\",\"order\":{\"id\":\"spresso:forged\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] badEvent = ("{\"eventId\":\"evt\\n" + token + "\",\"order\":{\"id\":\"o-1\"}}").getBytes(StandardCharsets.UTF_8);
        byte[] objectEvent = ("{\"eventId\":{\"x\":1},\"order\":{\"id\":\"o-" + token + "\"}}").getBytes(StandardCharsets.UTF_8);

        assertRefused(postSigned(quote, currentSecret()), 400, "invalid_field", "order.id must be 1 to 128 ASCII letters");
        assertRefused(postSigned(rtl, currentSecret()), 400, "invalid_field", "order.id");
        assertRefused(postSigned(colon, currentSecret()), 400, "invalid_field", "order.id");
        assertRefused(postSigned(badEvent, currentSecret()), 400, "invalid_field", "eventId");
        assertRefused(postSigned(objectEvent, currentSecret()), 400, "invalid_field", "eventId must be a string");

        assertNonePublished(recordsUpToAMarkerFor(orderId()), quote, rtl, colon, badEvent, objectEvent);
    }

    /** A signed, valid webhook one byte over the limit. */
    private byte[] oversized(String orderId) {
        return WebhookAssertions.oversized("{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"order\":{\"id\":\"" + orderId + "\"}",
                config.maxBodyBytes());
    }

    @Test
    void aBodyOverTheLimitIsRefused413AndNotPublishedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String orderId = orderId();
        byte[] declared = oversized(orderId);
        byte[] chunked = oversized(orderId);
        double refusedBefore = count(WebhookMetrics.REJECTED, "reason", "body_too_large");

        assertRefused(postSigned(declared, currentSecret()), 413, "body_too_large", "limit of " + config.maxBodyBytes());

        // a body streamed without Content-Length (chunked) is refused once what arrived passes the limit
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header(SpressoWebhookRequests.SIGNATURE_HEADER, SpressoSignature.sign(chunked, currentSecret()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"body_too_large\"").contains("limit of " + config.maxBodyBytes());

        assertNonePublished(recordsUpToAMarkerFor(orderId), declared, chunked);
        assertThat(count(WebhookMetrics.REJECTED, "reason", "body_too_large")).isEqualTo(refusedBefore + 2);
    }

    /**
     * Publishes a valid webhook for the same order (so the same partition, after anything published before
     * it) and returns every record read once it has arrived.
     */
    private List<ConsumerRecord<String, byte[]>> recordsUpToAMarkerFor(String orderId) {
        String eventId = "marker_" + UUID.randomUUID();
        postSigned(webhook(orderId, eventId), currentSecret()).then().statusCode(200);
        inbound.await(withId(MessageIds.derive("spresso", eventId)));
        return inbound.poll();
    }

    private double count(String counter, String... tags) {
        String[] all = new String[tags.length + 2];
        all[0] = "source";
        all[1] = "spresso";
        System.arraycopy(tags, 0, all, 2, tags.length);
        return metrics.counter(counter, all).count();
    }

    private String currentSecret() {
        return config.sources().get("spresso").signature().secrets().orElseThrow().get(0);
    }

    private String previousSecret() {
        return config.sources().get("spresso").signature().secrets().orElseThrow().get(1);
    }

    private static String orderId() {
        return "o-" + UUID.randomUUID();
    }
}
