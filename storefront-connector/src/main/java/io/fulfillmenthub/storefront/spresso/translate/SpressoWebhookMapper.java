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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a Spresso webhook into a hub fact. Spresso does not document its webhook body, so every
 * assumption about it ([unknown] in VENDOR-FACTS.md, docs/first-channel.md) lives in this class and
 * is listed in the module's README:
 * <ul>
 * <li>the body is {@code {"event", "eventId", "createdAt", "order": {...}}} with the order fields of the
 * Order Fulfillment API; {@code event} is {@code order_fulfillable} or {@code order_cancelled};</li>
 * <li>{@code createdAt} (ISO-8601 with offset) is when the order became fulfillable or was cancelled;</li>
 * <li>ids ({@code order.id}, variant and fulfillment ids) are strings (numbers are read as text);</li>
 * <li>{@code financialStatus}, when present, is one of {@code paid}, {@code partially_refunded},
 * {@code pending}, {@code authorized}, {@code refunded}, {@code cash_on_delivery}; absent means paid,
 * since Spresso only sends paid orders; any other value is refused rather than guessed;</li>
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

    private SpressoWebhookMapper() {
    }

    public static SpressoWebhookFact translate(byte[] body) {
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
            return orderPlaced(webhook);
        }
        if (ORDER_CANCELLED.equals(event)) {
            return orderCancelled(webhook);
        }
        throw new InvalidSpressoWebhookException("event '" + event + "' is not one the storefront connector handles (expected "
                + ORDER_FULFILLABLE + " or " + ORDER_CANCELLED + ")");
    }

    private static SpressoWebhookFact orderPlaced(Field webhook) {
        Instant createdAt = webhook.child("createdAt").instant();
        Field order = webhook.child("order").object();
        String orderId = order.child("id").text();
        String orderNumber = order.child("orderNo").text();
        PaymentStatus payment = payment(order.child("financialStatus"));
        String email = order.child("user").optionalObject() ? order.child("user").child("email").optionalText() : null;
        Address address = address(order.child("shippingAddress").object());
        List<OrderLine> lines = lines(order.child("orderVariants"));
        Set<String> variantIds = new HashSet<>();
        lines.forEach(line -> variantIds.add(line.variantId()));
        List<SourceFulfillment> fulfillments = fulfillments(order.child("fulfillments"), variantIds);

        var fact = new OrderPlaced(HubOrderId.of(SOURCE, orderId), Storefront.SPRESSO, orderId, orderNumber, createdAt,
                null, payment, true, email, address, lines, fulfillments);
        return new SpressoWebhookFact("order-placed", createdAt, fact);
    }

    private static SpressoWebhookFact orderCancelled(Field webhook) {
        Instant createdAt = webhook.child("createdAt").instant();
        String orderId = webhook.child("order").object().child("id").text();
        var fact = new OrderCancelledAtSource(HubOrderId.of(SOURCE, orderId), Storefront.SPRESSO, orderId, null, createdAt);
        return new SpressoWebhookFact("order-cancelled-at-source", createdAt, fact);
    }

    private static PaymentStatus payment(Field financialStatus) {
        String status = financialStatus.optionalText();
        if (status == null) {
            return PaymentStatus.PAID;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "paid", "partially_refunded" -> PaymentStatus.PAID;
            case "pending", "authorized" -> PaymentStatus.PENDING;
            case "refunded" -> PaymentStatus.REFUNDED;
            case "cash_on_delivery" -> PaymentStatus.CASH_ON_DELIVERY;
            default -> throw new InvalidSpressoWebhookException(financialStatus.path + " '" + status + "' is not a known payment status");
        };
    }

    private static Address address(Field address) {
        return new Address(
                address.child("firstName").text(),
                address.child("lastName").text(),
                address.child("company").optionalText(),
                address.child("address1").text(),
                address.child("address2").optionalText(),
                address.child("city").text(),
                address.child("zip").text(),
                address.child("province").optionalText(),
                address.child("countryCode").text(),
                address.child("phone").optionalText());
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
