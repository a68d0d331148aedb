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
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.storefront.spresso.SpressoFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        assertThat(translated.fact()).isEqualTo(new OrderCancelledAtSource("spresso:6114", Storefront.SPRESSO, "6114", null,
                Instant.parse("2026-11-23T11:02:05Z")));
    }

    @Test
    void anOrderCancelledNeedsOnlyTheOrderIdAndTime() {
        ObjectNode webhook = tree(ORDER_CANCELLED);
        webhook.set("order", webhook.objectNode().put("id", "6114"));

        assertThat(SpressoWebhookMapper.translate(bytes(webhook)).fact()).isInstanceOf(OrderCancelledAtSource.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "createdAt", "order", "order.id", "order.orderNo", "order.shippingAddress",
            "order.shippingAddress.firstName", "order.shippingAddress.lastName", "order.shippingAddress.address1",
            "order.shippingAddress.city", "order.shippingAddress.zip", "order.shippingAddress.countryCode",
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
        "event | '\"order_refunded\"' | event 'order_refunded' is not one the storefront connector handles"})
    void aFieldThatBreaksTheAssumedShapeIsRefusedNamingItsPath(String path, String json, String message) throws Exception {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        replace(webhook, path, HubJson.mapper().readTree(json));

        assertThatThrownBy(() -> SpressoWebhookMapper.translate(bytes(webhook)))
                .isInstanceOf(InvalidSpressoWebhookException.class)
                .hasMessageContaining(message);
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
    @CsvSource({"pending, PENDING", "Refunded, REFUNDED", "cash_on_delivery, CASH_ON_DELIVERY", "partially_refunded, PAID"})
    void financialStatusIsMappedWhenPresent(String financialStatus, PaymentStatus expected) {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order")).put("financialStatus", financialStatus);

        assertThat(((OrderPlaced) SpressoWebhookMapper.translate(bytes(webhook)).fact()).payment()).isEqualTo(expected);
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
    void numericIdsAreReadAsText() {
        ObjectNode webhook = tree(ORDER_FULFILLABLE);
        ((ObjectNode) webhook.get("order")).put("id", 6114).put("orderNo", 1001);

        assertThat(SpressoWebhookMapper.translate(bytes(webhook)).fact()).isEqualTo(SpressoFixtures.expectedOrderPlaced("6114"));
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
