package io.fulfillmenthub.ingest.rest;

import static io.restassured.RestAssured.given;

import io.fulfillmenthub.ingest.signature.SpressoSignature;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;

/** Spresso webhooks as Spresso would send them, for the component tests. */
final class SpressoWebhookRequests {

    static final String PATH = "/webhooks/spresso";
    static final String SIGNATURE_HEADER = "X-Spresso-Hmac-SHA256";

    private SpressoWebhookRequests() {
    }

    /**
     * An {@code order_fulfillable} webhook in the assumed shape, laid out and spelled the way no JSON
     * library would re-serialise it, so a test can tell the bytes were passed on unchanged.
     *
     * @param eventId null for a webhook without one
     */
    static byte[] webhook(String orderId, String eventId) {
        String event = eventId == null ? "" : "\"eventId\" : \"" + eventId + "\",\n  ";
        return ("{\n  \"event\" : \"order_fulfillable\",\n  " + event
                + "\"createdAt\":\"2026-11-23T10:15:30Z\",\n"
                + "  \"order\": {\"id\": \"" + orderId + "\", \"orderNo\":\"1001\", \"status\":\"fulfillable\","
                + " \"user\":{\"email\":\"ada@example.com\"}, \"shippingAddress\":{\"firstName\":\"Zoë\","
                + " \"city\":\"Kraków\", \"countryCode\":\"PL\"}, \"total\": 1.50e1 }\n}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static Response post(byte[] body, String contentType, String signature) {
        var request = given().contentType(contentType).body(body);
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        return request.when().post(PATH);
    }

    static Response postSigned(byte[] body, String secret) {
        return post(body, "application/json", SpressoSignature.sign(body, secret));
    }
}
