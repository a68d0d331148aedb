package io.fulfillmenthub.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        public JsonNode read(byte[] body, ObjectReader json) throws IOException {
            // decoded strictly first: Jackson alone takes overlong UTF-8 (C0 AF for '/') and guesses UTF-16 or 32
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                throw new UnreadableBody(UnreadableBody.Problem.INVALID_JSON, "body is not JSON: it is not valid UTF-8");
            }
            return json.readTree(text);
        }
    },

    FORM_PAYLOAD("form-payload", "application/x-www-form-urlencoded") {
        @Override
        public JsonNode read(byte[] body, ObjectReader json) throws IOException {
            return FormPayload.read(body, json);
        }
    };

    private final String configName;
    private final String mediaType;

    BodyFormat(String configName, String mediaType) {
        this.configName = configName;
        this.mediaType = mediaType;
    }

    /** The body as JSON, read with {@code json} ({@link StrictJson}); null for an empty body. */
    public abstract JsonNode read(byte[] body, ObjectReader json) throws IOException;

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
