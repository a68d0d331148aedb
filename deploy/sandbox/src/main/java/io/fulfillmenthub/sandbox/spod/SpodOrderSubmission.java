package io.fulfillmenthub.sandbox.spod;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code POST /orders} body that passed SPOD's documented rules. Every problem is collected, each
 * named by where it is ({@code items[0].price}), as SPOD's 400 "says where the request was invalid".
 */
public record SpodOrderSubmission(
        String externalOrderId, String currency, JsonNode items, JsonNode shipping, List<SpodShipment.Line> lines) {

    static final int MAX_EXTERNAL_ORDER_ID_LENGTH = 255;
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
    private static final Set<String> SIDES = Set.of("front", "back");

    /** Thrown with every problem found, in document order. */
    public static class Invalid extends RuntimeException {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static SpodOrderSubmission from(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new Invalid(List.of("body: must be a JSON object"));
        }
        String externalOrderId = text(body, "external-order-id", "external-order-id", problems, true);
        if (externalOrderId != null && externalOrderId.length() > MAX_EXTERNAL_ORDER_ID_LENGTH) {
            problems.add("external-order-id: must be at most 255 characters");
        }
        String currency = text(body, "currency", "currency", problems, true);
        if (currency != null && !currency.equals("USD")) {
            problems.add("currency: must be \"USD\"");
        }
        List<SpodShipment.Line> lines = items(body.get("items"), problems);
        shipping(body.get("shipping"), problems);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new SpodOrderSubmission(externalOrderId, currency, body.get("items"), body.get("shipping"), lines);
    }

    private static List<SpodShipment.Line> items(JsonNode items, List<String> problems) {
        List<SpodShipment.Line> lines = new ArrayList<>();
        if (items == null || items.isNull()) {
            problems.add("items: is required");
            return lines;
        }
        if (!items.isArray() || items.isEmpty()) {
            problems.add("items: must be a non-empty array");
            return lines;
        }
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add(at + ": must be an object");
                continue;
            }
            JsonNode quantity = item.get("quantity");
            if (quantity == null || !quantity.isIntegralNumber() || quantity.asLong() < 1) {
                problems.add(at + ".quantity: must be an integer of at least 1");
            }
            String sku = text(item, "stock-keeping-unit", at + ".stock-keeping-unit", problems, true);
            decimal(item, "price", at + ".price", problems);
            configuration(item.get("configuration"), at + ".configuration", problems);
            if (sku != null && quantity != null && quantity.isIntegralNumber() && quantity.asLong() >= 1) {
                lines.add(new SpodShipment.Line(sku, quantity.asInt()));
            }
        }
        return lines;
    }

    private static void configuration(JsonNode configuration, String at, List<String> problems) {
        if (configuration == null || !configuration.isArray() || configuration.isEmpty()) {
            problems.add(at + ": must be a non-empty array of designs");
            return;
        }
        for (int i = 0; i < configuration.size(); i++) {
            String here = at + "[" + i + "]";
            JsonNode design = configuration.get(i);
            if (!design.isObject()) {
                problems.add(here + ": must be an object");
                continue;
            }
            String type = text(design, "type", here + ".type", problems, true);
            if (type != null && !type.equals("design")) {
                problems.add(here + ".type: must be \"design\"");
            }
            String side = text(design, "side", here + ".side", problems, true);
            if (side != null && !SIDES.contains(side)) {
                problems.add(here + ".side: must be \"front\" or \"back\"");
            }
            text(design, "align", here + ".align", problems, true);
            JsonNode content = design.get("content");
            if (content == null || !content.isObject()) {
                problems.add(here + ".content: must be an object with a url");
                continue;
            }
            String url = text(content, "url", here + ".content.url", problems, true);
            if (url != null && !isHttpUrl(url)) {
                problems.add(here + ".content.url: must be an absolute http(s) URL");
            }
        }
    }

    private static void shipping(JsonNode shipping, List<String> problems) {
        if (shipping == null || !shipping.isObject()) {
            problems.add("shipping: is required and must be an object");
            return;
        }
        text(shipping, "type", "shipping.type", problems, true);
        decimal(shipping, "price", "shipping.price", problems);
        JsonNode address = shipping.get("address");
        if (address == null || !address.isObject()) {
            problems.add("shipping.address: is required and must be an object");
            return;
        }
        for (String field : List.of("first-name", "last-name", "street", "city", "zip-code")) {
            text(address, field, "shipping.address." + field, problems, true);
        }
        for (String field : List.of("street-annex", "state")) {
            text(address, field, "shipping.address." + field, problems, false);
        }
        String country = text(address, "country-code", "shipping.address.country-code", problems, true);
        if (country != null && !COUNTRY_CODE.matcher(country).matches()) {
            problems.add("shipping.address.country-code: must be an ISO 3166-1 alpha-2 code such as \"US\"");
        }
    }

    private static void decimal(JsonNode parent, String field, String at, List<String> problems) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            problems.add(at + ": is required");
        } else if (!value.isTextual() || !DECIMAL.matcher(value.asText()).matches()) {
            problems.add(at + ": must be a decimal string such as \"19.00\"");
        }
    }

    private static String text(JsonNode parent, String field, String at, List<String> problems, boolean required) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(at + ": is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(at + ": must be a string");
            return null;
        }
        if (required && value.asText().isBlank()) {
            problems.add(at + ": must not be empty");
            return null;
        }
        return value.asText();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
