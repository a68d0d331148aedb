package io.fulfillmenthub.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import io.fulfillmenthub.sandbox.vendor.Vendors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A fault as the control API asks for it ({@code POST /_sandbox/faults}), checked field by field.
 * A fault ends after {@code count} calls or deliveries, after {@code durationMs}, whichever comes
 * first, or when cleared; with neither it lasts until cleared.
 *
 * @param status error: 429 or 5xx
 * @param retryAfterSeconds error: the {@code Retry-After} header, null for none
 * @param method API faults: only calls with this method, null for any
 * @param path API faults: only calls whose whole path matches this regular expression, null for any
 */
public record FaultSpec(
        SimulatedVendor vendor,
        FaultKind kind,
        Integer status,
        Integer retryAfterSeconds,
        Long latencyMs,
        Integer count,
        Long durationMs,
        String method,
        Pattern path) {

    static final int DEFAULT_STATUS = 503;
    /** A 429 without {@code Retry-After} tells a client nothing, so one is always sent. */
    static final int DEFAULT_RETRY_AFTER_SECONDS_FOR_429 = 1;
    static final long MAX_DURATION_MS = 24L * 60 * 60 * 1000;
    static final long MAX_LATENCY_MS = 10L * 60 * 1000;
    static final int MAX_COUNT = 1_000_000;
    static final int MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

    private static final List<String> FIELDS = List.of(
            "vendor", "kind", "status", "retryAfterSeconds", "latencyMs", "count", "durationMs", "method", "path");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Map<FaultKind, Set<String>> OPTIONS_BY_KIND = new EnumMap<>(Map.of(
            FaultKind.FREEZE, Set.of("durationMs", "method", "path"),
            FaultKind.LATENCY, Set.of("latencyMs", "count", "durationMs", "method", "path"),
            FaultKind.ERROR, Set.of("status", "retryAfterSeconds", "count", "durationMs", "method", "path"),
            FaultKind.DROP_WEBHOOKS, Set.of("count", "durationMs"),
            FaultKind.DUPLICATE_WEBHOOKS, Set.of("count", "durationMs"),
            FaultKind.REORDER_WEBHOOKS, Set.of("count")));

    /** A refusal naming the field, for a 400. */
    public static final class InvalidFault extends IllegalArgumentException {
        InvalidFault(String field, String message) {
            super(field + ": " + message);
        }
    }

    /**
     * @throws InvalidFault naming the first field that is wrong
     */
    public static FaultSpec parse(JsonNode body, Vendors vendors) {
        if (body == null || !body.isObject()) {
            throw new InvalidFault("body", "must be a JSON object such as {\"vendor\": \"spod\", \"kind\": \"freeze\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidFault(name, "is not a field of a fault (" + String.join(", ", FIELDS) + ")");
            }
        }
        SimulatedVendor vendor = text(body, "vendor").flatMap(vendors::byId)
                .orElseThrow(() -> new InvalidFault("vendor", "is required, one of " + vendors.ids()));
        FaultKind kind = text(body, "kind").flatMap(FaultKind::byWire)
                .orElseThrow(() -> new InvalidFault("kind", "is required, one of " + FaultKind.wires()));
        if (kind.onWebhooks() && !vendor.sendsWebhooks()) {
            throw new InvalidFault("kind", vendor.id() + " sends no webhooks, so " + kind.wire() + " does not apply");
        }
        for (String field : FIELDS.subList(2, FIELDS.size())) {
            if (present(body, field) && !OPTIONS_BY_KIND.get(kind).contains(field)) {
                throw new InvalidFault(field, "does not apply to kind " + kind.wire());
            }
        }

        Integer status = null;
        Integer retryAfter = null;
        if (kind == FaultKind.ERROR) {
            status = integer(body, "status", 0, Integer.MAX_VALUE).map(Long::intValue).orElse(DEFAULT_STATUS);
            if (status != 429 && (status < 500 || status > 599)) {
                throw new InvalidFault("status", "must be 429 or from 500 to 599");
            }
            retryAfter = integer(body, "retryAfterSeconds", 0, MAX_RETRY_AFTER_SECONDS).map(Long::intValue)
                    .orElse(status == 429 ? DEFAULT_RETRY_AFTER_SECONDS_FOR_429 : null);
        }
        Long latency = integer(body, "latencyMs", 1, MAX_LATENCY_MS).orElse(null);
        if (kind == FaultKind.LATENCY && latency == null) {
            throw new InvalidFault("latencyMs", "is required for kind latency");
        }
        Integer count = integer(body, kind == FaultKind.REORDER_WEBHOOKS ? 2 : 1, "count").orElse(null);
        if (kind == FaultKind.REORDER_WEBHOOKS && count == null) {
            throw new InvalidFault("count", "is required for kind reorder-webhooks: how many deliveries to hold and reverse");
        }
        Long duration = integer(body, "durationMs", 1, MAX_DURATION_MS).orElse(null);
        String method = text(body, "method").map(m -> m.toUpperCase(Locale.ROOT)).orElse(null);
        if (method != null && !METHODS.contains(method)) {
            throw new InvalidFault("method", "must be an HTTP method, one of " + String.join(", ", sorted(METHODS)));
        }
        Pattern path = text(body, "path").map(FaultSpec::pathPattern).orElse(null);
        return new FaultSpec(vendor, kind, status, retryAfter, latency, count, duration, method, path);
    }

    private static Pattern pathPattern(String regex) {
        if (!regex.startsWith("/")) {
            throw new InvalidFault("path", "must start with / (it is matched against the whole request path, such as /spod/orders)");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidFault("path", "is not a valid regular expression: " + e.getDescription());
        }
    }

    private static boolean present(JsonNode body, String field) {
        return body.has(field) && !body.get(field).isNull();
    }

    private static Optional<String> text(JsonNode body, String field) {
        if (!present(body, field)) {
            return Optional.empty();
        }
        JsonNode value = body.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidFault(field, "must be a non-empty string");
        }
        return Optional.of(value.asText().trim());
    }

    private static Optional<Integer> integer(JsonNode body, int min, String field) {
        return integer(body, field, min, MAX_COUNT).map(Long::intValue);
    }

    private static Optional<Long> integer(JsonNode body, String field, long min, long max) {
        if (!present(body, field)) {
            return Optional.empty();
        }
        JsonNode value = body.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new InvalidFault(field, max == Integer.MAX_VALUE
                    ? "must be a whole number"
                    : "must be a whole number from " + min + " to " + max);
        }
        return Optional.of(value.asLong());
    }

    private static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        list.sort(null);
        return list;
    }
}
