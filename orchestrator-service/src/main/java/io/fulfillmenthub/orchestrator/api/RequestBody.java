package io.fulfillmenthub.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.contracts.model.LineQuantity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

    /** {@code [{"lineId": "...", "quantity": n}, ...]}: non-empty, each line id non-blank, each quantity a positive integer. */
    static List<LineQuantity> lineQuantities(JsonNode object, String field) {
        JsonNode array = object.get(field);
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new BadField(field, field + " must be a non-empty array of {\"lineId\": ..., \"quantity\": n}");
        }
        List<LineQuantity> quantities = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode element = array.get(i);
            if (!element.isObject()) {
                throw new BadField(at, at + " must be an object {\"lineId\": ..., \"quantity\": n}, was " + element);
            }
            for (Iterator<String> names = element.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("lineId") && !name.equals("quantity")) {
                    throw new BadField(at + "." + name, "unknown field '" + name + "': give lineId and quantity");
                }
            }
            JsonNode lineId = element.get("lineId");
            if (lineId == null || !lineId.isTextual() || lineId.asText().isBlank()) {
                throw new BadField(at + ".lineId", at + ".lineId must be a non-blank string, was " + lineId);
            }
            JsonNode quantity = element.get("quantity");
            if (quantity == null || !quantity.canConvertToInt() || !quantity.isIntegralNumber() || quantity.asInt() <= 0) {
                throw new BadField(at + ".quantity", at + ".quantity must be a positive integer, was " + quantity);
            }
            quantities.add(new LineQuantity(lineId.asText(), quantity.asInt()));
        }
        return quantities;
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
