package io.fulfillmenthub.storefront.spresso.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.HubOrderId;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Spresso webhook into a hub fact. The order inside is Spresso's documented order model
 * (the "Data Model" page, transcribed in {@code shared/vendor-fixtures/spresso/order.json}); the
 * envelope around it is not documented, so every assumption about it ([unknown] in VENDOR-FACTS.md)
 * lives in this class and is listed in the module's README:
 * <ul>
 * <li>the body is {@code {"event", "eventId", "createdAt", "order": {...}}}; {@code event} is
 * {@code order_fulfillable} or {@code order_cancelled}; unknown fields are ignored;</li>
 * <li>the envelope's {@code createdAt} (ISO-8601 with offset) is when the order became fulfillable or
 * was cancelled; the order was placed at {@code order.createdAt} (else its {@code created} status,
 * else the envelope's time);</li>
 * <li>a cancelled order's time is its {@code cancelled} status in {@code order.statusHistory}, else the
 * envelope's {@code createdAt};</li>
 * <li>ids ({@code order.id}, {@code orderNo}, variant and fulfillment ids) are read as text, numbers
 * included;</li>
 * <li>{@code financialStatus}: absent, {@code authorized} (what the documented example of an order sent
 * to its fulfiller has), {@code paid}, {@code partially_refunded} mean paid; {@code pending},
 * {@code refunded}, {@code cash_on_delivery} are read as such; any other value is refused rather than
 * guessed;</li>
 * <li>a fulfillment variant's {@code variant} is the variant id (or an object with {@code id}), the
 * same id as {@code orderVariants[].variant.id};</li>
 * <li>the webhook carries no currency, prices or cancellation reason.</li>
 * </ul>
 * A body that breaks these assumptions fails with {@link InvalidSpressoWebhookException} naming the
 * JSON path, never with half a fact.
 */
public final class SpressoWebhookMapper {

    public static final String ORDER_FULFILLABLE = "order_fulfillable";
    public static final String ORDER_CANCELLED = "order_cancelled";

    private static final String SOURCE = Storefront.SPRESSO.name().toLowerCase(Locale.ROOT);
    private static final String CREATED_STATUS = "created";
    /** [unknown] the order status a cancelled order's history ends with. */
    private static final String CANCELLED_STATUS = "cancelled";
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = alpha3ToAlpha2();

    private SpressoWebhookMapper() {
    }

    public static SpressoWebhookFact translate(byte[] body) {
        return translate(body, Map.of());
    }

    /**
     * @param countryAliases what to read a {@code country} as when it is not ISO 3166-1 alpha-3 (upper case,
     *     e.g. {@code XKX} to {@code XK}): {@code hub.spresso.country-aliases}, the operator's fix for a code the
     *     mapper refused, after which the dead letters are replayed
     */
    public static SpressoWebhookFact translate(byte[] body, Map<String, String> countryAliases) {
        JsonNode root;
        try {
            root = HubJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidSpressoWebhookException("the body is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidSpressoWebhookException("the body cannot be read: " + e.getMessage(), e);
        }
        Field webhook = new Field(root, "");
        webhook.object();
        String event = webhook.child("event").text();
        if (ORDER_FULFILLABLE.equals(event)) {
            return orderPlaced(webhook, countryAliases);
        }
        if (ORDER_CANCELLED.equals(event)) {
            return orderCancelled(webhook);
        }
        throw new InvalidSpressoWebhookException("event '" + event + "' is not one the storefront connector handles (expected "
                + ORDER_FULFILLABLE + " or " + ORDER_CANCELLED + ")");
    }

    private static SpressoWebhookFact orderPlaced(Field webhook, Map<String, String> countryAliases) {
        Instant createdAt = webhook.child("createdAt").instant();
        Field order = webhook.child("order").object();
        String orderId = order.child("id").text();
        String orderNumber = order.child("orderNo").text();
        Instant placedAt = placedAt(order, createdAt);
        PaymentStatus payment = payment(order.child("financialStatus"));
        Field user = order.child("user");
        boolean hasUser = user.optionalObject();
        String email = hasUser ? user.child("email").optionalText() : null;
        String userPhone = hasUser ? user.child("telephoneNumber").optionalText() : null;
        Address address = address(order.child("shippingAddress").object(), userPhone, countryAliases);
        List<OrderLine> lines = lines(order.child("orderVariants"));
        Set<String> variantIds = new HashSet<>();
        lines.forEach(line -> variantIds.add(line.variantId()));
        List<SourceFulfillment> fulfillments = fulfillments(order.child("fulfillments"), variantIds);

        var fact = new OrderPlaced(HubOrderId.of(SOURCE, orderId), Storefront.SPRESSO, orderId, orderNumber, placedAt,
                null, payment, true, email, address, lines, fulfillments);
        return new SpressoWebhookFact("order-placed", createdAt, fact);
    }

    private static SpressoWebhookFact orderCancelled(Field webhook) {
        Instant createdAt = webhook.child("createdAt").instant();
        Field order = webhook.child("order").object();
        String orderId = order.child("id").text();
        Instant cancelledAt = statusReached(order, CANCELLED_STATUS);
        var fact = new OrderCancelledAtSource(HubOrderId.of(SOURCE, orderId), Storefront.SPRESSO, orderId, null,
                cancelledAt != null ? cancelledAt : createdAt);
        return new SpressoWebhookFact("order-cancelled-at-source", createdAt, fact);
    }

    /** {@code order.createdAt}, else when its history says it was {@code created}, else the webhook's time. */
    private static Instant placedAt(Field order, Instant webhookCreatedAt) {
        Field createdAt = order.child("createdAt");
        if (createdAt.present()) {
            return createdAt.instant();
        }
        Instant created = statusReached(order, CREATED_STATUS);
        return created != null ? created : webhookCreatedAt;
    }

    /** The {@code updatedAt} of the last {@code order.statusHistory} entry with this status, null when none. */
    private static Instant statusReached(Field order, String status) {
        Field history = order.child("statusHistory");
        Instant reached = null;
        for (Field entry : history.optionalArray()) {
            if (status.equals(entry.object().child("status").optionalText())) {
                reached = entry.child("updatedAt").instant();
            }
        }
        return reached;
    }

    private static PaymentStatus payment(Field financialStatus) {
        String status = financialStatus.optionalText();
        if (status == null) {
            return PaymentStatus.PAID;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            // an order Spresso sends to its fulfiller is paid for fulfilment; the documented example is authorized
            case "authorized", "paid", "partially_refunded" -> PaymentStatus.PAID;
            case "pending" -> PaymentStatus.PENDING;
            case "refunded" -> PaymentStatus.REFUNDED;
            case "cash_on_delivery" -> PaymentStatus.CASH_ON_DELIVERY;
            default -> throw new InvalidSpressoWebhookException(financialStatus.path + " '" + status + "' is not a known payment status");
        };
    }

    private static Address address(Field address, String userPhone, Map<String, String> countryAliases) {
        String phone = address.child("telephoneNumber").optionalText();
        return new Address(
                address.child("firstName").text(),
                address.child("lastName").text(),
                null,
                address.child("addressLine1").text(),
                address.child("addressLine2").optionalText(),
                address.child("city").text(),
                address.child("postalCode").text(),
                address.child("state").optionalText(),
                alpha2(address.child("country"), countryAliases),
                phone != null ? phone : userPhone);
    }

    /** Spresso's {@code country} is ISO 3166-1 alpha-3 ({@code USA}); the hub's addresses carry alpha-2. */
    private static String alpha2(Field country, Map<String, String> countryAliases) {
        String alpha3 = country.text();
        String code = alpha3.toUpperCase(Locale.ROOT);
        String alpha2 = ALPHA3_TO_ALPHA2.get(code);
        if (alpha2 == null) {
            alpha2 = countryAliases.get(code);
        }
        if (alpha2 == null) {
            throw new InvalidSpressoWebhookException(country.path + " '" + alpha3 + "' is not an ISO 3166-1 alpha-3 country code"
                    + " (nor in hub.spresso.country-aliases)");
        }
        return alpha2;
    }

    private static Map<String, String> alpha3ToAlpha2() {
        Map<String, String> table = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            table.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
        return Map.copyOf(table);
    }

    private static List<OrderLine> lines(Field orderVariants) {
        List<OrderLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Field orderVariant : orderVariants.nonEmptyArray()) {
            Field variant = orderVariant.child("variant").object();
            String variantId = variant.child("id").text();
            if (!seen.add(variantId)) {
                throw new InvalidSpressoWebhookException(variant.child("id").path + " '" + variantId + "' appears twice");
            }
            lines.add(new OrderLine(variantId, variantId, variant.child("sku").optionalText(), variant.child("name").optionalText(),
                    orderVariant.child("quantity").wholeNumber(1), null));
        }
        return lines;
    }

    private static List<SourceFulfillment> fulfillments(Field fulfillments, Set<String> variantIds) {
        List<SourceFulfillment> result = new ArrayList<>();
        for (Field fulfillment : fulfillments.nonEmptyArray()) {
            List<LineQuantity> lines = new ArrayList<>();
            for (Field fulfillmentVariant : fulfillment.child("fulfillmentVariants").nonEmptyArray()) {
                Field variant = fulfillmentVariant.child("variant");
                String variantId = variant.optionalObject() ? variant.child("id").text() : variant.text();
                if (!variantIds.contains(variantId)) {
                    throw new InvalidSpressoWebhookException(variant.path + " '" + variantId + "' is not among order.orderVariants");
                }
                lines.add(new LineQuantity(variantId, fulfillmentVariant.child("quantity").wholeNumber(0)));
            }
            result.add(new SourceFulfillment(fulfillment.child("id").text(), fulfillment.child("fulfillmentMethod").optionalText(),
                    fulfillment.child("fulfillerLocation").optionalText(), lines));
        }
        return result;
    }

    /** A node of the webhook with its path from the root, so every error says where. */
    private record Field(JsonNode node, String path) {

        Field child(String name) {
            return new Field(node == null ? null : node.get(name), path.isEmpty() ? name : path + "." + name);
        }

        boolean present() {
            return node != null && !node.isNull();
        }

        Field object() {
            if (!present()) {
                throw missing();
            }
            if (!node.isObject()) {
                throw wrongType("an object");
            }
            return this;
        }

        /** True when an object is there, false when absent; anything else is an error. */
        boolean optionalObject() {
            return present() && node.isObject();
        }

        String text() {
            if (!present()) {
                throw missing();
            }
            if (!node.isTextual() && !node.isIntegralNumber()) {
                throw wrongType("a string");
            }
            String text = node.asText();
            if (text.isBlank()) {
                throw new InvalidSpressoWebhookException(describe() + " must not be blank");
            }
            return text;
        }

        String optionalText() {
            if (!present()) {
                return null;
            }
            if (!node.isTextual()) {
                throw wrongType("a string");
            }
            return node.asText().isBlank() ? null : node.asText();
        }

        int wholeNumber(int minimum) {
            if (!present()) {
                throw missing();
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw wrongType("a whole number");
            }
            if (node.intValue() < minimum) {
                throw new InvalidSpressoWebhookException(describe() + " must be at least " + minimum + ", was " + node.intValue());
            }
            return node.intValue();
        }

        Instant instant() {
            String text = text();
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidSpressoWebhookException(describe() + " '" + text + "' is not an ISO-8601 date-time with offset", e);
            }
        }

        /** The elements of an array that may be absent (then none); anything else than an array is an error. */
        List<Field> optionalArray() {
            if (!present()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw wrongType("an array");
            }
            return elements();
        }

        List<Field> nonEmptyArray() {
            if (!present()) {
                throw missing();
            }
            if (!node.isArray()) {
                throw wrongType("an array");
            }
            if (node.isEmpty()) {
                throw new InvalidSpressoWebhookException(describe() + " must not be empty");
            }
            return elements();
        }

        private List<Field> elements() {
            List<Field> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(new Field(node.get(i), path + "[" + i + "]"));
            }
            return elements;
        }

        private String describe() {
            return path.isEmpty() ? "the body" : path;
        }

        private InvalidSpressoWebhookException missing() {
            return new InvalidSpressoWebhookException(describe() + " is required");
        }

        private InvalidSpressoWebhookException wrongType(String expected) {
            return new InvalidSpressoWebhookException(describe() + " must be " + expected);
        }
    }
}
