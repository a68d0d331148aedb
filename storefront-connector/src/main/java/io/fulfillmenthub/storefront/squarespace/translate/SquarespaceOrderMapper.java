package io.fulfillmenthub.storefront.squarespace.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.HubOrderId;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Turns a Squarespace order ({@code GET /1.0/commerce/orders/{id}}, or an element of the orders list) into the
 * hub's facts. The fields read are the documented ones (VENDOR-FACTS.md, "Order fields"); unknown fields are
 * ignored. What is not documented, and assumed [unknown], lives here and in the module's README:
 * <ul>
 * <li>payment: the order carries no payment state (checkouts are paid at order time; payments live in the
 * Transactions API), so it is {@code PAID} unless it carries {@code paymentState} (or {@code paymentStatus}):
 * {@code PAID} is paid, {@code PENDING} pending, anything ending in {@code REFUNDED} refunded, anything else
 * pending (logged, naming the value); and a {@code refundedTotal.value} equal to a non-zero grand total
 * ({@code grandTotal.value}, else {@code totals.grandTotal.value}) is refunded;</li>
 * <li>a line whose {@code lineItemType} is present and not {@code PHYSICAL_PRODUCT} (a digital product, a
 * service, a gift card) is not the fulfillers' and is left out; an order with no physical line becomes no
 * fact (logged);</li>
 * <li>{@code orderNumber} is read as text, a number included; {@code variantId} absent means the line id.</li>
 * </ul>
 * Facts take {@code ce_id}s derived from the order, not from a notification, so a notification and the
 * reconciliation poller give the same ids: {@code derive(hubOrderId, "order-placed/<payment>")} (a payment
 * change is a new fact) and {@code derive(hubOrderId, "order-cancelled-at-source")}. An order that breaks the
 * documented shape fails with {@link InvalidSquarespaceDataException} naming the JSON path, never with half a fact.
 */
public final class SquarespaceOrderMapper {

    private static final Logger LOG = Logger.getLogger(SquarespaceOrderMapper.class);
    public static final String SOURCE = Storefront.SQUARESPACE.name().toLowerCase(Locale.ROOT);
    public static final String PHYSICAL_PRODUCT = "PHYSICAL_PRODUCT";
    public static final String CANCELED = "CANCELED";

    private SquarespaceOrderMapper() {
    }

    public static String hubOrderId(String orderId) {
        return HubOrderId.of(SOURCE, orderId);
    }

    public static String orderPlacedId(String hubOrderId, PaymentStatus payment) {
        return MessageIds.derive(hubOrderId, "order-placed/" + payment);
    }

    public static String cancelledId(String hubOrderId) {
        return MessageIds.derive(hubOrderId, "order-cancelled-at-source");
    }

    /** The order's facts, in the order to publish them: placed, then cancelled if it is {@code CANCELED}. */
    public static List<Envelope<? extends Fact>> facts(JsonNode order, URI source) {
        String orderId = text(order, "id", "id");
        String hubOrderId = hubOrderId(orderId);
        List<OrderLine> lines = physicalLines(order);
        if (lines.isEmpty()) {
            LOG.infof("Squarespace order %s has no physical product line: nothing for a fulfiller, no fact", orderId);
            return List.of();
        }
        Instant placedAt = instant(order, "createdOn", "createdOn");
        PaymentStatus payment = payment(order);
        var placed = new OrderPlaced(hubOrderId, Storefront.SQUARESPACE, orderId, text(order, "orderNumber", "orderNumber"),
                placedAt, currency(order), payment, false, optionalText(order.path("customerEmail")),
                address(order.path("shippingAddress")), lines, List.of());
        List<Envelope<? extends Fact>> facts = new ArrayList<>();
        facts.add(new Envelope<>(orderPlacedId(hubOrderId, payment), source, placedAt, placed));
        if (CANCELED.equals(optionalText(order.path("fulfillmentStatus")))) {
            Instant cancelledAt = order.hasNonNull("modifiedOn") ? instant(order, "modifiedOn", "modifiedOn") : Instant.now();
            facts.add(cancelled(orderId, cancelledAt, source));
        }
        return facts;
    }

    /** The storefront cancelled the order (an {@code order.update} {@code CANCELED}, or its fulfillment status). */
    public static Envelope<OrderCancelledAtSource> cancelled(String orderId, Instant cancelledAt, URI source) {
        String hubOrderId = hubOrderId(orderId);
        return new Envelope<>(cancelledId(hubOrderId), source, cancelledAt,
                new OrderCancelledAtSource(hubOrderId, Storefront.SQUARESPACE, orderId, null, cancelledAt));
    }

    /** The payment rule, [unknown]: see the class. */
    static PaymentStatus payment(JsonNode order) {
        BigDecimal grandTotal = money(order.has("grandTotal") ? order.path("grandTotal") : order.path("totals").path("grandTotal"));
        BigDecimal refunded = money(order.path("refundedTotal"));
        if (grandTotal != null && refunded != null && grandTotal.signum() != 0 && grandTotal.compareTo(refunded) == 0) {
            return PaymentStatus.REFUNDED;
        }
        String field = order.hasNonNull("paymentState") ? "paymentState" : "paymentStatus";
        String state = optionalText(order.path(field));
        if (state == null) {
            return PaymentStatus.PAID;
        }
        String upper = state.toUpperCase(Locale.ROOT);
        if (upper.equals("PAID")) {
            return PaymentStatus.PAID;
        }
        if (upper.equals("PENDING")) {
            return PaymentStatus.PENDING;
        }
        if (upper.endsWith("REFUNDED")) {
            return PaymentStatus.REFUNDED;
        }
        LOG.warnf("Squarespace order %s: %s '%s' is not a payment state the connector knows; read as PENDING",
                order.path("id").asText(), field, state);
        return PaymentStatus.PENDING;
    }

    private static List<OrderLine> physicalLines(JsonNode order) {
        JsonNode items = order.path("lineItems");
        if (!items.isArray() || items.isEmpty()) {
            throw invalid("lineItems", items.isMissingNode() || items.isNull() ? "is required" : "must be a non-empty array");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = "lineItems[" + i + "]";
            String type = optionalText(item.path("lineItemType"));
            if (type != null && !PHYSICAL_PRODUCT.equals(type)) {
                continue;
            }
            String lineId = text(item, "id", path + ".id");
            String variantId = optionalText(item.path("variantId"));
            JsonNode quantity = item.path("quantity");
            if (!quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.intValue() < 1) {
                throw invalid(path + ".quantity", "must be a whole number of at least 1");
            }
            lines.add(new OrderLine(lineId, variantId != null ? variantId : lineId, optionalText(item.path("sku")),
                    optionalText(item.path("productName")), quantity.intValue(),
                    money(item.path("unitPricePaid"), path + ".unitPricePaid.value")));
        }
        return lines;
    }

    private static Address address(JsonNode address) {
        if (!address.isObject()) {
            throw invalid("shippingAddress", "is required for an order with physical products");
        }
        String country = text(address, "countryCode", "shippingAddress.countryCode").toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw invalid("shippingAddress.countryCode", "'" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        return new Address(text(address, "firstName", "shippingAddress.firstName"),
                text(address, "lastName", "shippingAddress.lastName"), null,
                text(address, "address1", "shippingAddress.address1"), optionalText(address.path("address2")),
                text(address, "city", "shippingAddress.city"), text(address, "postalCode", "shippingAddress.postalCode"),
                optionalText(address.path("state")), country, optionalText(address.path("phone")));
    }

    /** The grand total's currency, else the first line's. */
    private static String currency(JsonNode order) {
        JsonNode total = order.has("grandTotal") ? order.path("grandTotal") : order.path("totals").path("grandTotal");
        String currency = optionalText(total.path("currency"));
        if (currency == null) {
            for (JsonNode item : order.path("lineItems")) {
                currency = currency != null ? currency : optionalText(item.path("unitPricePaid").path("currency"));
            }
        }
        return currency;
    }

    /** A money object's {@code value} (documented as a decimal string; a number is read too); null when absent or unreadable. */
    private static BigDecimal money(JsonNode money) {
        try {
            return money(money, "");
        } catch (InvalidSquarespaceDataException unreadable) {
            return null;
        }
    }

    private static BigDecimal money(JsonNode money, String path) {
        JsonNode value = money.path("value");
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw invalid(path, "'" + value.asText() + "' is not a decimal");
        }
    }

    private static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            throw invalid(path, "is required");
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw invalid(path, "must be a string");
        }
        if (node.asText().isBlank()) {
            throw invalid(path, "must not be blank");
        }
        return node.asText();
    }

    private static String optionalText(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static Instant instant(JsonNode parent, String field, String path) {
        String text = text(parent, field, path);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(path, "'" + text + "' is not an ISO 8601 date-time");
        }
    }

    private static InvalidSquarespaceDataException invalid(String path, String problem) {
        return new InvalidSquarespaceDataException("Squarespace order: " + path + " " + problem);
    }
}
