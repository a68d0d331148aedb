package io.fulfillmenthub.ingest.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Optional;

/**
 * How a source's body is read into the JSON the ids are taken from: {@code json}, one JSON object; or
 * {@code form-payload}, a form ({@code application/x-www-form-urlencoded}) whose {@code payload} field holds
 * a JSON object (Lightspeed), read as {@code {"payload": <that object>, <other field>: "<text>", ...}} so ids
 * are found at {@code /payload/...}.
 */
public enum BodyFormat {

    JSON("json", "application/json") {
        @Override
        public JsonNode read(byte[] body) throws IOException {
            return STRICT_JSON.readTree(body);
        }
    },

    FORM_PAYLOAD("form-payload", "application/x-www-form-urlencoded") {
        @Override
        public JsonNode read(byte[] body) throws IOException {
            return FormPayload.read(body, STRICT_JSON);
        }
    };

    // a body with trailing content or a repeated key reads differently in different parsers: refuse it
    private static final ObjectReader STRICT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build()
            .reader();

    private final String configName;
    private final String mediaType;

    BodyFormat(String configName, String mediaType) {
        this.configName = configName;
        this.mediaType = mediaType;
    }

    /** The body as JSON; null for an empty body. */
    public abstract JsonNode read(byte[] body) throws IOException;

    /** The media type a request must declare, e.g. {@code application/json}. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether a {@code Content-Type} is this format's media type (parameters such as {@code charset} are fine). */
    public boolean accepts(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            MediaType expected = MediaType.valueOf(mediaType);
            return expected.getType().equalsIgnoreCase(type.getType()) && expected.getSubtype().equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    public static Optional<BodyFormat> named(String name) {
        for (BodyFormat format : values()) {
            if (format.configName.equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
