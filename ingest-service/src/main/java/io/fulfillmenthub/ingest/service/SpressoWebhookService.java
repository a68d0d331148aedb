package io.fulfillmenthub.ingest.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fulfillmenthub.contracts.HubOrderId;
import io.fulfillmenthub.contracts.InboundTypes;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.signature.SpressoSignature;
import io.fulfillmenthub.kit.messaging.CloudEventRecords;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * Takes in a Spresso webhook: checks size, content type, signature (over the raw bytes, else over the
 * compact re-serialisation of the parsed body) and JSON, in that order, then
 * publishes the body unchanged on {@value Topics#INBOUND} and reports it accepted only once the broker
 * has acknowledged it. Knows Spresso's id fields, not what the webhook means.
 */
@ApplicationScoped
public class SpressoWebhookService {

    public static final String SOURCE = "spresso";
    static final URI CLOUD_EVENT_SOURCE = URI.create("/ingest/spresso");

    private static final Logger LOG = Logger.getLogger(SpressoWebhookService.class);
    // a body with trailing content or a repeated key reads differently in different parsers: refuse it
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build()
            .reader();
    private static final ObjectWriter COMPACT = JsonMapper.builder().build().writer();

    @Inject
    IngestConfig config;

    @Inject
    SpressoSignature signature;

    @Inject
    HubPublisher publisher;

    @Inject
    AcceptedDeliveries acceptedDeliveries;

    @Inject
    WebhookMetrics metrics;

    /**
     * @param contentType the request's {@code Content-Type}, null when absent
     * @param signatureHeader the request's {@value SpressoSignature#HEADER}, null when absent
     * @param body the raw body, as received
     */
    public Uni<WebhookResult> receive(String contentType, String signatureHeader, byte[] body) {
        if (body.length > config.maxBodyBytes()) {
            return rejected(Rejection.BODY_TOO_LARGE, tooLarge(body.length, config.maxBodyBytes()));
        }
        if (!isJson(contentType)) {
            return rejected(Rejection.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, was " + (contentType == null ? "absent" : "'" + contentType + "'"));
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return rejected(Rejection.INVALID_SIGNATURE, "header " + SpressoSignature.HEADER + " is missing");
        }
        boolean rawMatched = signature.matches(body, signatureHeader);
        JsonNode webhook;
        try {
            webhook = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return rawMatched ? rejected(Rejection.INVALID_JSON, "body is not JSON: " + describe(e)) : signatureRefused();
        } catch (IOException e) {
            return rawMatched ? rejected(Rejection.INVALID_JSON, "body is not JSON: " + e.getMessage()) : signatureRefused();
        }
        // [unknown] Spresso's own sample signs JSON.stringify(parsed body): only when the raw bytes do not
        // match is the compact re-serialisation tried, so the usual path costs nothing more
        if (rawMatched) {
            metrics.signatureMatched(SOURCE, SignatureForm.RAW);
        } else if (webhook != null && signature.matches(compact(webhook), signatureHeader)) {
            metrics.signatureMatched(SOURCE, SignatureForm.COMPACT);
        } else {
            return signatureRefused();
        }
        if (webhook == null || !webhook.isObject()) {
            return rejected(Rejection.INVALID_JSON, "body is not a JSON object");
        }
        JsonNode order = webhook.get("order");
        if (order != null && !order.isNull() && !order.isObject()) {
            return rejected(Rejection.INVALID_FIELD, "order must be an object");
        }
        JsonNode orderId = order == null ? null : order.get("id");
        if (orderId == null || orderId.isNull()) {
            return rejected(Rejection.MISSING_FIELD, "order.id is missing");
        }
        if (!(orderId.isTextual() || orderId.isIntegralNumber()) || orderId.asText().isBlank()) {
            return rejected(Rejection.INVALID_FIELD, "order.id must be a non-blank string");
        }
        return publish(deliveryId(webhook, body), HubOrderId.of(SOURCE, orderId.asText()), body);
    }

    private Uni<WebhookResult> publish(String deliveryId, String hubOrderId, byte[] body) {
        String id = MessageIds.derive(SOURCE, deliveryId);
        if (acceptedDeliveries.contains(id)) {
            metrics.duplicate(SOURCE);
            return Uni.createFrom().item(new WebhookResult.Accepted(id, true));
        }
        var record = CloudEventRecords.of(Topics.INBOUND, id, InboundTypes.SPRESSO_WEBHOOK, CLOUD_EVENT_SOURCE,
                Instant.now(), hubOrderId, hubOrderId, body);
        return Uni.createFrom().deferred(() -> publisher.publish(record))
                .ifNoItem().after(config.publishTimeout()).fail()
                .<WebhookResult> map(acked -> {
                    acceptedDeliveries.add(id);
                    metrics.accepted(SOURCE);
                    return new WebhookResult.Accepted(id, false);
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Spresso webhook %s for %s not acknowledged by the broker, answering 503: %s", id, hubOrderId,
                            failure.toString());
                    metrics.unavailable(SOURCE);
                    return new WebhookResult.Unavailable("the webhook could not be stored, send it again later");
                });
    }

    private Uni<WebhookResult> signatureRefused() {
        return rejected(Rejection.INVALID_SIGNATURE,
                "header " + SpressoSignature.HEADER + " is not the signature of the body with the client secret");
    }

    /** The body as {@code JSON.stringify} writes it: no whitespace, keys in the order received. */
    static byte[] compact(JsonNode webhook) {
        try {
            return COMPACT.writeValueAsBytes(webhook);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed body cannot be written back", e);
        }
    }

    private Uni<WebhookResult> rejected(Rejection reason, String message) {
        LOG.debugf("Spresso webhook refused, %s: %s", reason.code(), message);
        metrics.rejected(SOURCE, reason);
        return Uni.createFrom().item(new WebhookResult.Rejected(reason, message));
    }

    /** The body's {@code eventId}; without one [unknown, assumed], the SHA-256 of the body, in hex. */
    static String deliveryId(JsonNode webhook, byte[] body) {
        JsonNode eventId = webhook.get("eventId");
        if (eventId != null && eventId.isTextual() && !eventId.asText().isBlank()) {
            return eventId.asText();
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static String tooLarge(long length, long limit) {
        return "body is " + length + " bytes, over the limit of " + limit + " bytes";
    }

    private static boolean isJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
