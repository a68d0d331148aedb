package io.fulfillmenthub.orchestrator.domain;

import static io.fulfillmenthub.orchestrator.domain.OrderTest.COMMANDS;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.ROUTING;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.cause;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.contracts.orders.OrderStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hub's own fulfillable rule, for a storefront that reports orders at once (Squarespace): given, when, expect. */
class FulfillableRuleTest {

    static final String ORDER = "squarespace:sq-77";
    static final Instant PLACED = Instant.parse("2026-12-03T20:00:00Z");
    static final Instant GRACE_ENDS = PLACED.plus(Duration.ofMinutes(10));

    /** TEE and MUG are printed by SPOD; no rule takes any other SKU. */
    static final FulfillmentForming FORMING = (storefront, sourceOrderId, lines) -> {
        List<FormedFulfillment> formed = new ArrayList<>();
        List<OrderLine> printed = lines.stream().filter(line -> Set.of("TEE", "MUG").contains(line.sku())).toList();
        List<OrderLine> rest = lines.stream().filter(line -> !printed.contains(line)).toList();
        if (!printed.isEmpty()) {
            formed.add(new FormedFulfillment(source(sourceOrderId + "-1", printed), null));
        }
        if (!rest.isEmpty()) {
            formed.add(new FormedFulfillment(source(sourceOrderId + "-" + (formed.size() + 1), rest),
                    "no routing rule lists SKU '" + rest.get(0).sku() + "'"));
        }
        return formed;
    };

    static final HubRules RULES = new HubRules(ROUTING, FORMING, COMMANDS,
            new FulfillableRule(Map.of(Storefront.SQUARESPACE, Duration.ofMinutes(10))));

    static SourceFulfillment source(String id, List<OrderLine> lines) {
        return new SourceFulfillment(id, null, null, lines.stream().map(l -> new LineQuantity(l.lineId(), l.quantity())).toList());
    }

    static OrderPlaced placed(PaymentStatus payment, OrderLine... lines) {
        return new OrderPlaced(ORDER, Storefront.SQUARESPACE, "sq-77", "1042", PLACED, "USD", payment, false,
                "grace@example.com", new Address("Grace", "Hopper", null, "1 Navy Way", null, "Arlington", "22202", "VA",
                        "US", null), List.of(lines), List.of());
    }

    static OrderLine line(String id, String sku, int quantity) {
        return new OrderLine(id, "variant-" + id, sku, sku, quantity, null);
    }

    static Order.Placement place(PaymentStatus payment, Instant now) {
        return Order.place(placed(payment, line("l-1", "TEE", 2), line("l-2", "MUG", 1), line("l-3", "CANDLE", 1)),
                cause("order-placed"), RULES, now, null);
    }

    static List<String> notes(Order order) {
        return order.newTimelineEntries().stream().map(TimelineEntry::note).toList();
    }

    @Test
    void aPaidOrderInsideItsGracePeriodWaitsWithATimerAndSendsNothing() {
        var placement = place(PaymentStatus.PAID, PLACED.plusSeconds(30));

        Order order = placement.order();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_FULFILLABLE);
        assertThat(order.fulfillments()).isEmpty();
        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).isEmpty();
        assertThat(order.waiting(PLACED.plusSeconds(30))).isEqualTo(new Waiting("in grace period until " + GRACE_ENDS, GRACE_ENDS));
        assertThat(order.gracePeriodTimer()).isEqualTo(GRACE_ENDS);
        assertThat(notes(order)).contains("in grace period until " + GRACE_ENDS);
    }

    @Test
    void whenTheGracePeriodEndsTheLinesSplitIntoASpodFulfillmentAndOneOnHoldWithTheReason() {
        Order order = place(PaymentStatus.PAID, PLACED).order();

        List<Outgoing> out = order.gracePeriodEnded(RULES, GRACE_ENDS.plusMillis(200), cause("timer"));

        assertThat(order.status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
        assertThat(order.fulfillments()).extracting(Fulfillment::fulfillmentId, Fulfillment::status)
                .containsExactly(tuple(ORDER + ":sq-77-1", FulfillmentStatus.PENDING),
                        tuple(ORDER + ":sq-77-2", FulfillmentStatus.ON_HOLD));
        assertThat(order.fulfillments().get(1).holdReason()).isEqualTo("no routing rule lists SKU 'CANDLE'");
        assertThat(messages(out, SubmitPrintOrder.class)).singleElement().satisfies(submit -> {
            assertThat(submit.fulfillmentId()).isEqualTo(ORDER + ":sq-77-1");
            assertThat(submit.items()).extracting(SubmitPrintOrder.Item::lineId, SubmitPrintOrder.Item::quantity)
                    .containsExactly(tuple("l-1", 2), tuple("l-2", 1));
        });
        assertThat(messages(out, OrderStatusChanged.class)).extracting(OrderStatusChanged::status)
                .containsExactly(OrderStatus.IN_FULFILLMENT);
        assertThat(order.gracePeriodTimer()).isNull();
        assertThat(order.waiting(GRACE_ENDS.plusSeconds(1))).isNull();
        assertThat(notes(order)).anyMatch(note -> note.startsWith("fulfillable at " + GRACE_ENDS.plusMillis(200)));
    }

    @Test
    void aTimerFiredAgainDoesNothingTheSecondTime() {
        Order order = place(PaymentStatus.PAID, PLACED).order();
        order.gracePeriodEnded(RULES, GRACE_ENDS, cause("timer"));

        List<Outgoing> again = order.gracePeriodEnded(RULES, GRACE_ENDS.plusSeconds(1), cause("timer"));

        assertThat(again).isEmpty();
        assertThat(order.fulfillments()).hasSize(2);
        assertThat(notes(order)).last().isEqualTo("grace period ended; order is IN_FULFILLMENT: nothing to do");
    }

    @Test
    void cancelledInsideTheGracePeriodItWantsNoTimerAndATimerFiringLaterDoesNothing() {
        Order order = place(PaymentStatus.PAID, PLACED).order();

        List<Outgoing> cancelled = order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SQUARESPACE, "sq-77",
                null, PLACED.plusSeconds(60)), COMMANDS, cause("cancelled"));
        List<Outgoing> fired = order.gracePeriodEnded(RULES, GRACE_ENDS, cause("timer"));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(messages(cancelled, OrderStatusChanged.class)).extracting(OrderStatusChanged::status)
                .containsExactly(OrderStatus.CANCELLED);
        assertThat(order.gracePeriodTimer()).isNull();
        assertThat(fired).isEmpty();
        assertThat(order.fulfillments()).isEmpty();
    }

    @Test
    void aLateOrderWhoseGracePeriodEndedBeforeItArrivedIsFulfillableAtOnce() {
        var placement = place(PaymentStatus.PAID, GRACE_ENDS.plusSeconds(3600));

        assertThat(placement.order().status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
        assertThat(placement.order().gracePeriodTimer()).isNull();
        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).hasSize(1);
    }

    @Test
    void cashOnDeliverySatisfiesThePaymentCondition() {
        var placement = place(PaymentStatus.CASH_ON_DELIVERY, GRACE_ENDS);

        assertThat(placement.order().status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
    }

    @Test
    void anUnpaidOrderWaitsForItsPaymentWithoutATimerAndGoesOnceALaterOrderPlacedSaysPaid() {
        Order order = place(PaymentStatus.PENDING, PLACED).order();
        assertThat(order.waiting(GRACE_ENDS.plusSeconds(60))).isEqualTo(new Waiting("awaiting payment", null));
        assertThat(order.gracePeriodTimer()).isNull();
        assertThat(order.gracePeriodEnded(RULES, GRACE_ENDS, cause("timer"))).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_FULFILLABLE);

        List<Outgoing> out = order.placedAgain(placed(PaymentStatus.PAID, line("l-1", "TEE", 2), line("l-2", "MUG", 1),
                line("l-3", "CANDLE", 1)), cause("order-placed"), RULES, GRACE_ENDS.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
        assertThat(order.payment()).isEqualTo(PaymentStatus.PAID);
        assertThat(messages(out, SubmitPrintOrder.class)).hasSize(1);
        assertThat(notes(order)).contains("payment PENDING → PAID");
    }

    @Test
    void paidInsideTheGracePeriodItWaitsForTheRestOfItWithATimer() {
        Order order = place(PaymentStatus.PENDING, PLACED).order();

        List<Outgoing> out = order.placedAgain(placed(PaymentStatus.PAID, line("l-1", "TEE", 2)), cause("order-placed"),
                RULES, PLACED.plusSeconds(120));

        assertThat(out).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_FULFILLABLE);
        assertThat(order.gracePeriodTimer()).isEqualTo(GRACE_ENDS);
    }

    @Test
    void aRefundedOrderIsNotSent() {
        Order order = place(PaymentStatus.REFUNDED, GRACE_ENDS.plusSeconds(1)).order();

        assertThat(order.status()).isEqualTo(OrderStatus.AWAITING_FULFILLABLE);
        assertThat(order.waiting(GRACE_ENDS.plusSeconds(1))).isEqualTo(new Waiting("refunded: not sent", null));
        assertThat(order.gracePeriodTimer()).isNull();
    }

    @Test
    void dueButNotFiredYetTheOrderSaysWhenItBecameFulfillable() {
        Order order = place(PaymentStatus.PAID, PLACED).order();

        assertThat(order.waiting(GRACE_ENDS.plusMillis(500))).isEqualTo(new Waiting("fulfillable at " + GRACE_ENDS, GRACE_ENDS));
    }

    @Test
    void aLaterOrderPlacedForAnOrderNoLongerWaitingIsARepeat() {
        Order order = place(PaymentStatus.PAID, GRACE_ENDS).order();

        List<Outgoing> out = order.placedAgain(placed(PaymentStatus.REFUNDED, line("l-1", "TEE", 2)), cause("order-placed"),
                RULES, GRACE_ENDS.plusSeconds(5));

        assertThat(out).isEmpty();
        assertThat(order.payment()).isEqualTo(PaymentStatus.PAID);
        assertThat(notes(order)).last().isEqualTo("order already received; repeated order ignored");
    }

    @Test
    void aShipmentOfAHubFormedFulfillmentGoesToTheStorefrontWithItsServiceAndNoStorefrontFulfillmentStatus() {
        Order order = place(PaymentStatus.PAID, GRACE_ENDS).order();
        String spod = ORDER + ":sq-77-1";

        List<Outgoing> submitted = order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, spod, Fulfiller.SPOD, "spod-1",
                GRACE_ENDS), cause("submitted"));
        List<Outgoing> dispatched = order.shipmentDispatched(new ShipmentDispatched(ORDER, spod, Fulfiller.SPOD, "USPS",
                "9400-1", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400-1",
                List.of(new LineQuantity("l-1", 2), new LineQuantity("l-2", 1)), GRACE_ENDS.plusSeconds(3600), null,
                "Priority Mail"), cause("dispatched"));
        List<Outgoing> shipped = order.fulfillmentShipped(new FulfillmentShipped(ORDER, spod, Fulfiller.SPOD,
                GRACE_ENDS.plusSeconds(3600)), cause("shipped"));

        assertThat(messages(dispatched, AddShipment.class)).singleElement().satisfies(add -> {
            assertThat(add.storefront()).isEqualTo(Storefront.SQUARESPACE);
            assertThat(add.sourceOrderId()).isEqualTo("sq-77");
            assertThat(add.sourceFulfillmentId()).isNull();
            assertThat(add.shipmentId()).isEqualTo(spod + "/9400-1");
            assertThat(add.service()).isEqualTo("Priority Mail");
        });
        assertThat(messages(submitted, UpdateStorefrontFulfillmentStatus.class)).isEmpty();
        assertThat(messages(shipped, UpdateStorefrontFulfillmentStatus.class)).isEmpty();
    }
}
