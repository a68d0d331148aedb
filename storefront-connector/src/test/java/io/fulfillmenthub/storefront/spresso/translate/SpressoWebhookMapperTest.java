package io.fulfillmenthub.storefront.spresso.translate;

import static io.fulfillmenthub.storefront.spresso.SpressoFixtures.ORDER_CANCELLED;
import static io.fulfillmenthub.storefront.spresso.SpressoFixtures.ORDER_FULFILLABLE;
import static io.fulfillmenthub.storefront.spresso.SpressoFixtures.bytes;
import static io.fulfillmenthub.storefront.spresso.SpressoFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.storefront.spresso.SpressoFixtures;
import io.fulfillmenthub.testing.VendorFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpressoWebhookMapperTest {

    @Test
    void orderFulfillableBecomesOrderPlacedWithEveryFieldMapped() {
        SpressoWebhookFact translated = SpressoWebhookMapper.translate(bytes(tree(ORDER_FULFILLABLE)));

        assertThat(translated.name()).isEqualTo("order-placed");
        assertThat(translated.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
        assertThat(translated.fact()).isEqualTo(SpressoFixtures.expectedOrderPlaced("6114"));
    }

    @Test
    void orderCancelledBecomesOrderCancelledAtSource() {
        SpressoWebhookFact translated = SpressoWebhookMapper.translate(bytes(tree(ORDER_CANCELLED)));

        assertThat(translated.name()).isEqualTo("order-cancelled-at-source");
        assertThat(translated.occurredAt()).isEqualTo(Instant.parse("2026-11-23T11:02:05Z"));
        assertThat(translated.fact()).isEqualTo(new OrderCancelledAtSource("spresso:6114", Storefront.SPRESSO, "6114", null,
                Instant.parse("2026-11-23T11:02:04.250Z")));
    }

    @Test
    void anOrderCancelledNeedsOnlyTheOrderIdAndTime() {
        ObjectNode webhook = tree(ORDER_CANCELLED);
        webhook.set("order", webhook.objectNode().put("id", "6114"));

        assertThat(SpressoWebhookMapper.translate(bytes(webhook)).fact()).isInstanceOf(OrderCancelledAtSource.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "createdAt", "order", "order.id", "order.orderNo", "order.shippingAddress",
            "order.shippingAddress.firstName", "order.shippingAddress.lastName", "order.shippingAddress.addressLine1",
            "order.shippingAddress.city", "order.shippingAddress.postalCode", "order.shippingAddress.country",
            "order.orderVariants", "order.orderVariants[1].variant", "order.orderVariants[1].variant.id",
            "order.orderVariants[2].quantity", "order.fulfillments", "order.fulfillments[1].id",
            "order.fulfillments[0].fulfillmentVariants", "order.fulfillments[0].fulfillmentVariants[1].variant",
            "order.fulfillments[0].fulfillmentVariants[1].quantity"})
    void aMissingRequiredFieldIsRefusedNamingItsPath(String path) {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        remove(webhook, path);

        assertThatThrownBy(() -> SpressoWebhookMapper.translate(bytes(webhook)))
                .isInstanceOf(InvalidSpressoWebhookException.class)
                .hasMessage("Spresso webhook: " + path + " is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "order.orderNo | '\"   \"' | order.orderNo must not be blank",
        "order.orderVariants[0].quantity | '\"2\"' | order.orderVariants[0].quantity must be a whole number",
        "order.orderVariants[0].quantity | 0 | order.orderVariants[0].quantity must be at least 1, was 0",
        "order.fulfillments[0].fulfillmentVariants[0].quantity | -1 | order.fulfillments[0].fulfillmentVariants[0].quantity must be at least 0",
        "order.fulfillments[1].fulfillmentVariants[0].variant | '\"var-9\"' | order.fulfillments[1].fulfillmentVariants[0].variant 'var-9' is not among order.orderVariants",
        "order.orderVariants[2].variant.id | '\"var-1\"' | order.orderVariants[2].variant.id 'var-1' appears twice",
        "order.fulfillments | [] | order.fulfillments must not be empty",
        "order.shippingAddress | '\"12 Crescent Road\"' | order.shippingAddress must be an object",
        "createdAt | '\"yesterday\"' | createdAt 'yesterday' is not an ISO-8601 date-time with offset",
        "order.financialStatus | '\"voided\"' | order.financialStatus 'voided' is not a known payment status",
        "order.shippingAddress.country | '\"XYZ\"' | order.shippingAddress.country 'XYZ' is not an ISO 3166-1 alpha-3 country code",
        "order.shippingAddress.country | '\"GB\"' | order.shippingAddress.country 'GB' is not an ISO 3166-1 alpha-3 country code",
        "order.createdAt | '\"19 Dec\"' | order.createdAt '19 Dec' is not an ISO-8601 date-time with offset",
        "event | '\"order_refunded\"' | event 'order_refunded' is not one the storefront connector handles"})
    void aFieldThatBreaksTheAssumedShapeIsRefusedNamingItsPath(String path, String json, String message) throws Exception {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        replace(webhook, path, HubJson.mapper().readTree(json));

        assertThatThrownBy(() -> SpressoWebhookMapper.translate(bytes(webhook)))
                .isInstanceOf(InvalidSpressoWebhookException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aCountryTheMapperRefusedIsReadOnceTheOperatorConfiguresItsAlias() {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order").get("shippingAddress")).put("country", "XKX"); // Kosovo: no ISO alpha-3 code

        assertThatThrownBy(() -> SpressoWebhookMapper.translate(bytes(webhook), Map.of("GBR", "GB")))
                .isInstanceOf(InvalidSpressoWebhookException.class)
                .hasMessageContaining("order.shippingAddress.country 'XKX' is not an ISO 3166-1 alpha-3 country code");
        OrderPlaced placed = (OrderPlaced) SpressoWebhookMapper.translate(bytes(webhook), Map.of("XKX", "XK")).fact();
        assertThat(placed.shippingAddress().countryCode()).isEqualTo("XK");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> SpressoWebhookMapper.translate("order_fulfillable 6114".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidSpressoWebhookException.class)
                .hasMessageStartingWith("Spresso webhook: the body is not JSON");
    }

    @Test
    void withoutFinancialStatusTheOrderIsPaidBecauseSpressoOnlySendsPaidOrders() {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order")).remove("financialStatus");

        assertThat(((OrderPlaced) SpressoWebhookMapper.translate(bytes(webhook)).fact()).payment()).isEqualTo(PaymentStatus.PAID);
    }

    @ParameterizedTest
    @CsvSource({"authorized, PAID", "paid, PAID", "pending, PENDING", "Refunded, REFUNDED", "cash_on_delivery, CASH_ON_DELIVERY",
            "partially_refunded, PAID"})
    void financialStatusIsMappedWhenPresent(String financialStatus, PaymentStatus expected) {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order")).put("financialStatus", financialStatus);

        assertThat(((OrderPlaced) SpressoWebhookMapper.translate(bytes(webhook)).fact()).payment()).isEqualTo(expected);
    }

    @Test
    void theOrderOfSpressosDataModelPageBecomesOrderPlacedFieldByField() {
        ObjectNode webhook = envelope("order_fulfillable", "2023-12-19T21:11:08.119Z", spressoOrder());

        SpressoWebhookFact translated = SpressoWebhookMapper.translate(bytes(webhook));

        assertThat(translated.name()).isEqualTo("order-placed");
        assertThat(translated.occurredAt()).isEqualTo(Instant.parse("2023-12-19T21:11:08.119Z"));
        OrderPlaced placed = (OrderPlaced) translated.fact();
        assertThat(placed.hubOrderId()).isEqualTo("spresso:65820634daf0b556858ed591");
        assertThat(placed.storefront()).isEqualTo(Storefront.SPRESSO);
        assertThat(placed.sourceOrderId()).isEqualTo("65820634daf0b556858ed591");
        assertThat(placed.orderNumber()).isEqualTo("19618657");
        assertThat(placed.placedAt()).isEqualTo(Instant.parse("2023-12-19T21:08:06.162Z"));
        assertThat(placed.currency()).isNull();
        assertThat(placed.payment()).isEqualTo(PaymentStatus.PAID);
        assertThat(placed.fulfillableAtSource()).isTrue();
        assertThat(placed.customerEmail()).isEqualTo("elena.wu@example.com");
        assertThat(placed.shippingAddress()).isEqualTo(new Address("Elena", "Wu", null, "1460 Broadway", null, "New York", "10036",
                "NY", "US", "01234567890"));
        assertThat(placed.lines()).containsExactly(
                new OrderLine("65698ded25d03cf922c80f93", "65698ded25d03cf922c80f93", "MY120123A", "Bounty Paper Towels", 2, null));
        assertThat(placed.sourceFulfillments()).containsExactly(new SourceFulfillment("6582063809abb2706f670f36",
                "carrier_delivery", "60d56d8e7c88cefd11e7dfc6", List.of(new LineQuantity("65698ded25d03cf922c80f93", 1))));
    }

    @Test
    void withoutAShippingTelephoneNumberTheUsersIsTaken() {
        ObjectNode order = spressoOrder();
        ((ObjectNode) order.get("user")).put("telephoneNumber", "+1 212 555 0100");
        ((ObjectNode) order.get("shippingAddress")).remove("telephoneNumber");

        OrderPlaced placed = (OrderPlaced) SpressoWebhookMapper.translate(bytes(envelope("order_fulfillable",
                "2023-12-19T21:11:08.119Z", order))).fact();

        assertThat(placed.shippingAddress().phone()).isEqualTo("+1 212 555 0100");
    }

    @Test
    void withoutOrderCreatedAtTheOrderWasPlacedWhenItsHistorySaysCreated() {
        ObjectNode order = spressoOrder();
        order.remove("createdAt");
        ((ObjectNode) order.get("statusHistory").get(0)).put("updatedAt", "2023-12-19T21:08:00Z");

        OrderPlaced placed = (OrderPlaced) SpressoWebhookMapper.translate(bytes(envelope("order_fulfillable",
                "2023-12-19T21:11:08.119Z", order))).fact();

        assertThat(placed.placedAt()).isEqualTo(Instant.parse("2023-12-19T21:08:00Z"));
    }

    @Test
    void aCancelledOrderWasCancelledWhenItsHistorySays() {
        ObjectNode order = spressoOrder();
        ((ArrayNode) order.get("statusHistory")).addObject().put("status", "cancelled").put("updatedAt", "2023-12-19T22:00:00Z");

        OrderCancelledAtSource cancelled = (OrderCancelledAtSource) SpressoWebhookMapper.translate(bytes(envelope(
                "order_cancelled", "2023-12-19T22:00:01Z", order))).fact();

        assertThat(cancelled.cancelledAt()).isEqualTo(Instant.parse("2023-12-19T22:00:00Z"));
    }

    @Test
    void withoutUserOrEmailThereIsNoCustomerEmail() {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order")).remove("user");

        assertThat(((OrderPlaced) SpressoWebhookMapper.translate(bytes(webhook)).fact()).customerEmail()).isNull();
    }

    @Test
    void aFulfillmentVariantGivenAsAnObjectIsReadByItsId() {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ObjectNode fulfillmentVariant = (ObjectNode) webhook.at("/order/fulfillments/1/fulfillmentVariants/0");
        fulfillmentVariant.set("variant", webhook.objectNode().put("id", "var-3"));

        assertThat(SpressoWebhookMapper.translate(bytes(webhook)).fact()).isEqualTo(SpressoFixtures.expectedOrderPlaced("6114"));
    }

    @Test
    void idsGivenAsTextAreReadToo() {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order")).put("id", 6114).put("orderNo", "1001");

        assertThat(SpressoWebhookMapper.translate(bytes(webhook)).fact()).isEqualTo(SpressoFixtures.expectedOrderPlaced("6114"));
    }

    /** [unknown] The webhook envelope the hub assumes around Spresso's documented order. */
    /** The order of Spresso's "Data Model" page, as the vendor fixture has it. */
    private static ObjectNode spressoOrder() {
        return (ObjectNode) VendorFixtures.json("spresso/order.json");
    }

    private static ObjectNode envelope(String event, String createdAt, ObjectNode order) {
        ObjectNode webhook = HubJson.mapper().createObjectNode();
        webhook.put("event", event).put("eventId", "evt-fixture").put("createdAt", createdAt).set("order", order);
        return webhook;
    }

    /** Removes the field at a path like {@code order.orderVariants[1].variant.id}. */
    private static void remove(ObjectNode root, String path) {
        int dot = path.lastIndexOf('.');
        ((ObjectNode) at(root, dot < 0 ? "" : path.substring(0, dot))).remove(path.substring(dot + 1));
    }

    private static void replace(ObjectNode root, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        ((ObjectNode) at(root, dot < 0 ? "" : path.substring(0, dot))).set(path.substring(dot + 1), value);
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            node = node.get(bracket < 0 ? part : part.substring(0, bracket));
            if (bracket >= 0) {
                node = ((ArrayNode) node).get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return node;
    }
}
