package io.fulfillmenthub.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code application/x-www-form-urlencoded} strictly (UTF-8, {@code +} a space, {@code %XX} escapes): a
 * malformed escape, bytes that are not UTF-8 or a repeated field are refused rather than guessed at, as different
 * parsers would guess differently. The {@code payload} field must hold JSON.
 */
final class FormPayload {

    static final String PAYLOAD = "payload";

    private FormPayload() {}

    static JsonNode read(byte[] body, ObjectReader json) throws IOException {
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        if (body.length == 0) {
            throw new UnreadableBody(UnreadableBody.Problem.MISSING_FIELD, PAYLOAD + " is missing: the form is empty");
        }
        String text = utf8(body, "the form");
        JsonNode payload = null;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "a field name");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (form.has(name)) {
                throw new UnreadableBody(UnreadableBody.Problem.INVALID_FORM, name + " appears more than once");
            }
            if (name.equals(PAYLOAD)) {
                try {
                    payload = json.readTree(value);
                } catch (StreamConstraintsException e) {
                    throw new UnreadableBody(UnreadableBody.Problem.INVALID_JSON, PAYLOAD + " is " + StrictJson.describe(e));
                } catch (JsonProcessingException e) {
                    throw new UnreadableBody(UnreadableBody.Problem.INVALID_JSON, PAYLOAD + " is not JSON: " + e.getOriginalMessage());
                }
                if (payload == null || !payload.isObject()) {
                    throw new UnreadableBody(UnreadableBody.Problem.INVALID_JSON, PAYLOAD + " is not a JSON object");
                }
                form.set(name, payload);
            } else {
                form.put(name, value);
            }
        }
        if (payload == null) {
            throw new UnreadableBody(UnreadableBody.Problem.MISSING_FIELD, PAYLOAD + " is missing");
        }
        return form;
    }

    private static String decode(String encoded, String what) throws UnreadableBody {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    throw new UnreadableBody(UnreadableBody.Problem.INVALID_FORM, what + ": '%' is not followed by two hex digits");
                }
                bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else {
                int codePoint = encoded.codePointAt(i);
                byte[] raw = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return utf8(bytes.toByteArray(), what);
    }

    private static String utf8(byte[] bytes, String what) throws UnreadableBody {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableBody(UnreadableBody.Problem.INVALID_FORM, what + " is not UTF-8");
        }
    }
}
