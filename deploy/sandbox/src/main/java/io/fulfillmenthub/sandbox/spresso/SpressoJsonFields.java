package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading request fields, refusing with a 400 that names the field. */
final class SpressoJsonFields {

    private SpressoJsonFields() {}

    static String requiredText(JsonNode parent, String field) {
        return requiredText(parent, field, field);
    }

    static String requiredText(JsonNode parent, String field, String at) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            throw SpressoApiException.invalid(at + ": is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw SpressoApiException.invalid(at + ": must be a non-empty string");
        }
        return value.asText();
    }

    static String optionalText(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw SpressoApiException.invalid(field + ": must be a string");
        }
        return value.asText();
    }

    static int integer(JsonNode parent, String field, String at, int min) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            throw SpressoApiException.invalid(at + ": is required");
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > Integer.MAX_VALUE) {
            throw SpressoApiException.invalid(at + ": must be an integer of at least " + min);
        }
        return value.asInt();
    }
}
