package io.fulfillmenthub.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/** Reads an operations API request body as a JSON object; each problem names its field. */
final class RequestBody {

    private RequestBody() {
    }

    /**
     * @param optional whether no body (or a blank one) is allowed: then null
     * @throws BadField {@code body} when it is not a JSON object, or the unknown field
     */
    static JsonNode object(ObjectMapper json, String body, Set<String> fields, boolean optional) {
        if (body == null || body.isBlank()) {
            if (optional) {
                return null;
            }
            throw new BadField("body", "the body must be a JSON object with " + fields);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadField("body", "the body must be a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadField("body", "the body must be a JSON object with " + fields);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new BadField(name, "unknown field '" + name + "': the fields are " + fields);
            }
        }
        return node;
    }

    /** An ISO-8601 instant, e.g. {@code 2026-12-03T10:15:30Z}; {@code absent} when the field is missing or null. */
    static Instant instant(JsonNode object, String field, Instant absent) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        try {
            if (value.isTextual()) {
                return Instant.parse(value.asText());
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new BadField(field, field + " must be an ISO-8601 instant such as 2026-12-03T10:15:30Z, was " + value);
    }

    /** A field of the body that is missing, unknown or of the wrong form. */
    static final class BadField extends RuntimeException {
        private final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
