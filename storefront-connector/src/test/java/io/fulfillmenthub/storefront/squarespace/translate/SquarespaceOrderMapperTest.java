package io.fulfillmenthub.storefront.squarespace.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.storefront.squarespace.SquarespaceFixtures;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SquarespaceOrderMapperTest {

    private static final URI SOURCE = URI.create("/storefront-connector");

    @Test
    void anOrderBecomesOrderPlacedWithItsPhysicalLinesOnlyAndAnIdDerivedFromTheOrderAndItsPayment() {
        var facts = SquarespaceOrderMapper.facts(SquarespaceFixtures.order("o-1"), SOURCE);

        assertThat(facts).singleElement().satisfies(envelope -> {
            assertThat(envelope.id()).isEqualTo(MessageIds.derive("squarespace:o-1", "order-placed/PAID"));
            assertThat(envelope.key()).isEqualTo("squarespace:o-1");
            assertThat(envelope.data()).isEqualTo(SquarespaceFixtures.expectedOrderPlaced("o-1"));
        });
    }

    @ParameterizedTest
    @CsvSource({"paymentState, PAID, PAID", "paymentState, PENDING, PENDING", "paymentState, REFUNDED, REFUNDED",
            "paymentState, PARTIALLY_REFUNDED, REFUNDED", "paymentStatus, PENDING, PENDING", "paymentState, AUTHORIZED, PENDING",
            "paymentState, '', PAID"})
    void aPaymentFieldIsReadWhenTheOrderCarriesOne(String field, String value, PaymentStatus expected) {
        ObjectNode order = SquarespaceFixtures.order("o-2").put(field, value);

        assertThat(SquarespaceOrderMapper.payment(order)).isEqualTo(expected);
        assertThat(SquarespaceOrderMapper.facts(order, SOURCE).get(0).id())
                .isEqualTo(MessageIds.derive("squarespace:o-2", "order-placed/" + expected));
    }

    @Test
    void anOrderWithoutAPaymentFieldIsPaidAndAFullRefundIsRefunded() {
        ObjectNode order = SquarespaceFixtures.order("o-3");
        assertThat(SquarespaceOrderMapper.payment(order)).isEqualTo(PaymentStatus.PAID);

        order.putObject("refundedTotal").put("value", "52.50").put("currency", "GBP");
        assertThat(SquarespaceOrderMapper.payment(order)).isEqualTo(PaymentStatus.REFUNDED);

        order.remove("grandTotal");
        order.putObject("totals").putObject("grandTotal").put("value", "52.50").put("currency", "GBP");
        assertThat(SquarespaceOrderMapper.payment(order)).as("the grand total inside totals").isEqualTo(PaymentStatus.REFUNDED);

        order.putObject("refundedTotal").put("value", "10.00");
        assertThat(SquarespaceOrderMapper.payment(order)).as("a partial refund").isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void aCanceledOrderIsPlacedThenCancelled() {
        ObjectNode order = SquarespaceFixtures.order("o-4").put("fulfillmentStatus", "CANCELED");

        var facts = SquarespaceOrderMapper.facts(order, SOURCE);

        assertThat(facts).hasSize(2);
        assertThat(facts.get(1).id()).isEqualTo(MessageIds.derive("squarespace:o-4", "order-cancelled-at-source"));
        assertThat(facts.get(1).data()).isEqualTo(new OrderCancelledAtSource("squarespace:o-4", Storefront.SQUARESPACE, "o-4", null,
                Instant.parse("2026-11-23T10:06:00.000Z")));
    }

    @Test
    void anOrderWithNoPhysicalLineBecomesNoFact() {
        ObjectNode order = SquarespaceFixtures.order("o-5");
        ArrayNode items = (ArrayNode) order.get("lineItems");
        items.remove(1);
        items.remove(0);
        order.remove("shippingAddress");

        assertThat(SquarespaceOrderMapper.facts(order, SOURCE)).isEmpty();
    }

    @Test
    void aNumericOrderNumberIsReadAsText() {
        ObjectNode order = SquarespaceFixtures.order("o-6").put("orderNumber", 1042);

        assertThat(SquarespaceOrderMapper.facts(order, SOURCE).get(0).data())
                .satisfies(placed -> assertThat(((io.fulfillmenthub.contracts.facts.OrderPlaced) placed).orderNumber()).isEqualTo("1042"));
    }

    @Test
    void anOrderBreakingTheDocumentedShapeIsRefusedNamingTheField() {
        ObjectNode noCity = SquarespaceFixtures.order("o-7");
        ((ObjectNode) noCity.get("shippingAddress")).remove("city");
        assertThatThrownBy(() -> SquarespaceOrderMapper.facts(noCity, SOURCE))
                .isInstanceOf(InvalidSquarespaceDataException.class).hasMessageContaining("shippingAddress.city is required");

        ObjectNode zeroQuantity = SquarespaceFixtures.order("o-8");
        ((ObjectNode) zeroQuantity.get("lineItems").get(1)).put("quantity", 0);
        assertThatThrownBy(() -> SquarespaceOrderMapper.facts(zeroQuantity, SOURCE))
                .hasMessageContaining("lineItems[1].quantity");

        ObjectNode noCreatedOn = SquarespaceFixtures.order("o-9");
        noCreatedOn.remove("createdOn");
        assertThatThrownBy(() -> SquarespaceOrderMapper.facts(noCreatedOn, SOURCE)).hasMessageContaining("createdOn is required");
    }

    @Test
    void aNotificationIsReadAsDocumented() {
        var create = SquarespaceNotification.read(SquarespaceFixtures.notification("n-1", "order.create", "o-1", null));
        assertThat(create.orderId()).isEqualTo("o-1");
        assertThat(create.aboutAnOrder()).isTrue();
        assertThat(create.cancels()).isFalse();
        assertThat(SquarespaceNotification.read(SquarespaceFixtures.notification("n-2", "order.update", "o-1", "CANCELED")).cancels())
                .isTrue();
        assertThatThrownBy(() -> SquarespaceNotification.read("{\"id\": \"n-3\", \"topic\": \"order.create\", \"data\": {}}".getBytes()))
                .isInstanceOf(InvalidSquarespaceDataException.class).hasMessageContaining("data.orderId is required");
    }
}
