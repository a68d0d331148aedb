package io.fulfillmenthub.orchestrator.domain;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
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
import io.fulfillmenthub.orchestrator.fulfiller.FulfillerCommandMappers;
import io.fulfillmenthub.orchestrator.fulfiller.SpodCommandMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Given an order in a state and a fact, expect a state and these commands and events. */
class OrderTest {

    static final String ORDER = "spresso:6114";
    static final String F1 = ORDER + ":f-1";
    static final String F2 = ORDER + ":f-2";
    static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");
    static final AtomicInteger FACT_IDS = new AtomicInteger();

    /** Everything routes to SPOD with SKU "SPOD-<storefront sku>", except the SKU UNMAPPED. */
    static final FulfillmentRouting ROUTING = (source, lines) -> {
        List<SubmitPrintOrder.Item> items = new ArrayList<>();
        for (LineQuantity quantity : source.lines()) {
            String sku = lines.get(quantity.lineId()).sku();
            if ("UNMAPPED".equals(sku)) {
                return new Route.Hold("no SPOD product mapping for SKU '" + sku + "'");
            }
            items.add(new SubmitPrintOrder.Item(quantity.lineId(), "SPOD-" + sku, quantity.quantity(), BigDecimal.TEN,
                    List.of(new SubmitPrintOrder.Design("front", null, "https://d.example/x.png"))));
        }
        return new Route.Print(Fulfiller.SPOD, "USD", items, "STANDARD", BigDecimal.ONE);
    };

    /** The hub's fulfiller mappers: SPOD's only. */
    static final FulfillerCommands COMMANDS = new FulfillerCommandMappers(List.of(new SpodCommandMapper()));

    static Cause cause(String type) {
        return new Cause("hub.fact." + type + ".v1", "fact-" + FACT_IDS.incrementAndGet(), AT);
    }

    static OrderPlaced placed(boolean fulfillable, List<SourceFulfillment> fulfillments, OrderLine... lines) {
        return new OrderPlaced(ORDER, Storefront.SPRESSO, "6114", "1001", AT, null, PaymentStatus.PAID, fulfillable,
                "ada@example.com", new Address("Ada", "Lovelace", null, "12 Crescent Road", null, "London", "NW1 4NP", null,
                        "GB", null), List.of(lines), fulfillments);
    }

    static OrderLine line(String id, String sku, int quantity) {
        return new OrderLine(id, id, sku, sku, quantity, null);
    }

    /** Two fulfillments: f-1 with var-1 ×2 and var-2 ×3, f-2 with var-3 ×1. */
    static Order twoFulfillmentsInFulfillment() {
        return Order.place(placed(true, List.of(
                new SourceFulfillment("f-1", "carrier_delivery", "spod",
                        List.of(new LineQuantity("var-1", 2), new LineQuantity("var-2", 3))),
                new SourceFulfillment("f-2", "carrier_delivery", "spod", List.of(new LineQuantity("var-3", 1)))),
                line("var-1", "TEE", 2), line("var-2", "MUG", 3), line("var-3", "CAP", 1)), cause("order-placed"), ROUTING, COMMANDS)
                .order();
    }

    static <T> List<T> messages(List<Outgoing> out, Class<T> type) {
        return out.stream().map(Outgoing::message).filter(type::isInstance).map(type::cast).toList();
    }

    static Fulfillment fulfillment(Order order, String id) {
        return order.fulfillments().stream().filter(f -> f.fulfillmentId().equals(id)).findFirst().orElseThrow();
    }

    static List<Outgoing> ship(Order order, String fulfillmentId, String tracking, LineQuantity... lines) {
        return order.shipmentDispatched(new ShipmentDispatched(ORDER, fulfillmentId, Fulfiller.SPOD, "ups", tracking, null,
                List.of(lines), AT), cause("shipment-dispatched"));
    }

    @Test
    void aFulfillableOrderSubmitsOnePrintOrderPerFulfillmentWithItsQuantities() {
        var placement = Order.place(placed(true, List.of(
                new SourceFulfillment("f-1", null, "spod", List.of(new LineQuantity("var-1", 2), new LineQuantity("var-2", 3))),
                new SourceFulfillment("f-2", null, "spod", List.of(new LineQuantity("var-3", 1)))),
                line("var-1", "TEE", 2), line("var-2", "MUG", 3), line("var-3", "CAP", 1)), cause("order-placed"), ROUTING, COMMANDS);

        assertThat(placement.order().status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
        List<SubmitPrintOrder> submits = messages(placement.messages(), SubmitPrintOrder.class);
        assertThat(submits).extracting(SubmitPrintOrder::fulfillmentId).containsExactly(F1, F2);
        assertThat(submits.get(0).items()).extracting(SubmitPrintOrder.Item::stockKeepingUnit, SubmitPrintOrder.Item::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SPOD-TEE", 2), org.assertj.core.groups.Tuple.tuple("SPOD-MUG", 3));
        assertThat(submits.get(0).shipping().address().city()).isEqualTo("London");
        assertThat(messages(placement.messages(), OrderStatusChanged.class)).extracting(OrderStatusChanged::status)
                .containsExactly(OrderStatus.RECEIVED, OrderStatus.IN_FULFILLMENT);
        assertThat(placement.order().fulfillments()).extracting(Fulfillment::status)
                .containsOnly(FulfillmentStatus.PENDING);
    }

    @Test
    void messageIdsDeriveFromTheFactSoARepeatRepeatsThem() {
        Cause cause = cause("order-placed");
        var first = Order.place(placed(true, List.of(new SourceFulfillment("f-1", null, null,
                List.of(new LineQuantity("var-1", 1)))), line("var-1", "TEE", 1)), cause, ROUTING, COMMANDS);
        var again = Order.place(placed(true, List.of(new SourceFulfillment("f-1", null, null,
                List.of(new LineQuantity("var-1", 1)))), line("var-1", "TEE", 1)), cause, ROUTING, COMMANDS);
        assertThat(first.messages().stream().map(o -> o.messageId(cause)).toList())
                .isEqualTo(again.messages().stream().map(o -> o.messageId(cause)).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void anUnmappedSkuPutsItsFulfillmentOnHoldWithTheReasonAndSendsNothingForIt() {
        var placement = Order.place(placed(true, List.of(
                new SourceFulfillment("f-1", null, "spod", List.of(new LineQuantity("var-1", 1))),
                new SourceFulfillment("f-2", null, "spod", List.of(new LineQuantity("var-9", 1)))),
                line("var-1", "TEE", 1), line("var-9", "UNMAPPED", 1)), cause("order-placed"), ROUTING, COMMANDS);

        assertThat(fulfillment(placement.order(), F2).status()).isEqualTo(FulfillmentStatus.ON_HOLD);
        assertThat(fulfillment(placement.order(), F2).holdReason()).contains("UNMAPPED");
        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).extracting(SubmitPrintOrder::fulfillmentId)
                .containsExactly(F1);
        assertThat(placement.order().status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
    }

    @Test
    void anOrderWhoseEveryFulfillmentIsOnHoldIsOnHold() {
        var placement = Order.place(placed(true, List.of(new SourceFulfillment("f-1", null, "spod",
                List.of(new LineQuantity("var-9", 1)))), line("var-9", "UNMAPPED", 1)), cause("order-placed"), ROUTING, COMMANDS);
        assertThat(placement.order().status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).isEmpty();
        assertThat(placement.order().newTimelineEntries()).anyMatch(entry -> entry.note().contains("UNMAPPED"));
    }

    @Test
    void anOrderNotFulfillableAtTheSourceAndNotPaidWaitsAndSendsNothing() {
        OrderPlaced unpaid = placed(false, List.of(), line("var-1", "TEE", 1));
        var placement = Order.place(new OrderPlaced(unpaid.hubOrderId(), unpaid.storefront(), unpaid.sourceOrderId(),
                unpaid.orderNumber(), unpaid.placedAt(), unpaid.currency(), PaymentStatus.PENDING, false,
                unpaid.customerEmail(), unpaid.shippingAddress(), unpaid.lines(), List.of()), cause("order-placed"),
                ROUTING, COMMANDS);
        assertThat(placement.order().status()).isEqualTo(OrderStatus.AWAITING_FULFILLABLE);
        assertThat(placement.order().waiting(Instant.now())).isEqualTo(new Waiting("awaiting payment", null));
        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).isEmpty();
    }

    @Test
    void submittedThenAcceptedKeepsTheVendorReference() {
        Order order = twoFulfillmentsInFulfillment();
        order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F1, Fulfiller.SPOD, "spod-77", AT), cause("submitted"));
        order.fulfillmentAccepted(new FulfillmentAccepted(ORDER, F1, Fulfiller.SPOD, null, "confirmed", AT), cause("accepted"));
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.ACCEPTED);
        assertThat(fulfillment(order, F1).vendorReference()).isEqualTo("spod-77");
    }

    @Test
    void aShipmentAddsItToTheStorefrontAndAShortFulfilmentReportsExactQuantities() {
        Order order = twoFulfillmentsInFulfillment();
        List<Outgoing> dispatched = ship(order, F1, "1Z999", new LineQuantity("var-1", 2), new LineQuantity("var-2", 2));

        AddShipment add = messages(dispatched, AddShipment.class).get(0);
        assertThat(add.shipmentId()).isEqualTo(F1 + "/1Z999");
        assertThat(add.sourceFulfillmentId()).isEqualTo("f-1");
        assertThat(add.lines()).containsExactly(new LineQuantity("var-1", 2), new LineQuantity("var-2", 2));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);

        List<Outgoing> shipped = order.fulfillmentShipped(new FulfillmentShipped(ORDER, F1, Fulfiller.SPOD, AT), cause("shipped"));
        UpdateStorefrontFulfillmentStatus inTransit = messages(shipped, UpdateStorefrontFulfillmentStatus.class).get(0);
        assertThat(inTransit.status()).isEqualTo(UpdateStorefrontFulfillmentStatus.Status.IN_TRANSIT);
        assertThat(inTransit.fulfilledLines()).containsExactly(new LineQuantity("var-1", 2), new LineQuantity("var-2", 2));
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.SHIPPED);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(order.newTimelineEntries()).anyMatch(entry -> entry.note().contains("short: var-2 2 of 3"));
    }

    @Test
    void theSameShipmentTwiceIsRecordedOnce() {
        Order order = twoFulfillmentsInFulfillment();
        ship(order, F2, "1Z1", new LineQuantity("var-3", 1));
        assertThat(ship(order, F2, "1Z1", new LineQuantity("var-3", 1))).isEmpty();
        assertThat(order.shipments()).hasSize(1);
    }

    @Test
    void shippingMoreThanOrderedIsRefusedAndChangesNothing() {
        Order order = twoFulfillmentsInFulfillment();
        assertThatThrownBy(() -> ship(order, F1, "1Z2", new LineQuantity("var-1", 1), new LineQuantity("var-2", 4)))
                .isInstanceOf(QuantityExceededException.class).hasMessageContaining("var-2");
        assertThat(fulfillment(order, F1).lines()).extracting(FulfillmentLine::shipped).containsOnly(0);
        assertThat(order.shipments()).isEmpty();
    }

    @Test
    void deliveredEverywhereCompletesTheOrder() {
        Order order = twoFulfillmentsInFulfillment();
        ship(order, F1, "A", new LineQuantity("var-1", 2), new LineQuantity("var-2", 3));
        ship(order, F2, "B", new LineQuantity("var-3", 1));
        order.fulfillmentShipped(new FulfillmentShipped(ORDER, F1, Fulfiller.SPOD, AT), cause("shipped"));
        order.fulfillmentShipped(new FulfillmentShipped(ORDER, F2, Fulfiller.SPOD, AT), cause("shipped"));
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        order.fulfillmentDelivered(new FulfillmentDelivered(ORDER, F1, Fulfiller.SPOD, AT), cause("delivered"));
        List<Outgoing> last = order.fulfillmentDelivered(new FulfillmentDelivered(ORDER, F2, Fulfiller.SPOD, AT),
                cause("delivered"));
        assertThat(messages(last, UpdateStorefrontFulfillmentStatus.class)).extracting(UpdateStorefrontFulfillmentStatus::status)
                .containsExactly(UpdateStorefrontFulfillmentStatus.Status.DELIVERED);
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(messages(last, OrderStatusChanged.class)).extracting(OrderStatusChanged::previousStatus)
                .containsExactly(OrderStatus.SHIPPED);
    }

    @Test
    void deliveredBeforeShippedIsAnIllegalTransition() {
        Order order = twoFulfillmentsInFulfillment();
        assertThatThrownBy(() -> order.fulfillmentDelivered(new FulfillmentDelivered(ORDER, F1, Fulfiller.SPOD, AT),
                cause("delivered"))).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("PENDING");
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.PENDING);
    }

    @Test
    void aFactForAFulfillmentNotOnTheOrderIsRefused() {
        Order order = twoFulfillmentsInFulfillment();
        assertThatThrownBy(() -> order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, ORDER + ":f-9", Fulfiller.SPOD,
                "x", AT), cause("submitted"))).isInstanceOf(UnknownFulfillmentException.class);
    }

    @Test
    void cancelledAtSourceRequestsCancellationOfWhatHasNotShippedThenCancelledCancelsTheOrder() {
        Order order = twoFulfillmentsInFulfillment();
        ship(order, F2, "B", new LineQuantity("var-3", 1));
        List<Outgoing> out = order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114",
                "customer asked", AT), COMMANDS, cause("order-cancelled-at-source"));
        assertThat(messages(out, CancelPrintOrder.class)).extracting(CancelPrintOrder::fulfillmentId).containsExactly(F1);
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.CANCELLATION_REQUESTED);
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);

        order.fulfillmentCancelled(new FulfillmentCancelled(ORDER, F1, Fulfiller.SPOD, null, AT), cause("cancelled"));
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.CANCELLED);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
    }

    @Test
    void everyFulfillmentCancelledCancelsTheOrder() {
        Order order = twoFulfillmentsInFulfillment();
        order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", null, AT), COMMANDS, cause("cancel"));
        assertThat(order.status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
        order.fulfillmentCancelled(new FulfillmentCancelled(ORDER, F1, Fulfiller.SPOD, null, AT), cause("cancelled"));
        List<Outgoing> out = order.fulfillmentCancelled(new FulfillmentCancelled(ORDER, F2, Fulfiller.SPOD, null, AT),
                cause("cancelled"));
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(messages(out, OrderStatusChanged.class)).extracting(OrderStatusChanged::status)
                .containsExactly(OrderStatus.CANCELLED);
    }

    @Test
    void aRejectedCancellationIsRecordedAndTheFulfillmentGoesOnWhereItWas() {
        Order order = twoFulfillmentsInFulfillment();
        order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F1, Fulfiller.SPOD, "spod-1", AT), cause("submitted"));
        order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", null, AT), COMMANDS, cause("cancel"));
        List<Outgoing> out = order.cancellationRejected(new FulfillmentCancellationRejected(ORDER, F1, Fulfiller.SPOD,
                "in production", null, AT), cause("cancellation-rejected"));
        assertThat(out).isEmpty();
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.SUBMITTED);
        assertThat(order.newTimelineEntries()).anyMatch(entry -> F1.equals(entry.fulfillmentId())
                && entry.note().contains("in production") && "CANCELLATION_REQUESTED".equals(entry.fromStatus()));
        ship(order, F1, "C", new LineQuantity("var-1", 2), new LineQuantity("var-2", 3));
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
    }

    @Test
    void onHoldFulfillmentsAreCancelledWithoutAskingAFulfiller() {
        var placement = Order.place(placed(true, List.of(new SourceFulfillment("f-1", null, "spod",
                List.of(new LineQuantity("var-9", 1)))), line("var-9", "UNMAPPED", 1)), cause("order-placed"), ROUTING, COMMANDS);
        List<Outgoing> out = placement.order().cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114",
                null, AT), COMMANDS, cause("cancel"));
        assertThat(messages(out, CancelPrintOrder.class)).isEmpty();
        assertThat(placement.order().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void allFulfillmentsRejectedFailsTheOrder() {
        Order order = twoFulfillmentsInFulfillment();
        order.fulfillmentRejected(new FulfillmentRejected(ORDER, F1, Fulfiller.SPOD, "bad sku", null, null, AT), cause("r"));
        order.fulfillmentRejected(new FulfillmentRejected(ORDER, F2, Fulfiller.SPOD, "bad sku", null, null, AT), cause("r"));
        assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(fulfillment(order, F1).rejectionReason()).isEqualTo("bad sku");
    }

    @Test
    void aRepeatedOrderAndAFailedCommandOnlyAddToTheTimeline() {
        Order order = twoFulfillmentsInFulfillment();
        assertThat(order.placedAgain(cause("order-placed"))).isEmpty();
        Cause failed = cause("command-failed");
        assertThat(order.commandFailed(new CommandFailed(ORDER, "cmd-1", "hub.command.submit-print-order.v1",
                "spod-connector", "400 invalid sku", null, null, AT), failed)).isEmpty();
        assertThat(order.status()).isEqualTo(OrderStatus.IN_FULFILLMENT);
        assertThat(order.newTimelineEntries()).anyMatch(entry -> entry.factId().equals(failed.factId())
                && entry.note().contains("400 invalid sku"));
    }

    @Test
    void everyTransitionIsRecordedWithItsCause() {
        Cause placedCause = cause("order-placed");
        var placement = Order.place(placed(true, List.of(new SourceFulfillment("f-1", null, null,
                List.of(new LineQuantity("var-1", 1)))), line("var-1", "TEE", 1)), placedCause, ROUTING, COMMANDS);
        assertThat(placement.order().newTimelineEntries())
                .extracting(TimelineEntry::factId, TimelineEntry::fulfillmentId, TimelineEntry::fromStatus, TimelineEntry::toStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(placedCause.factId(), null, null, "RECEIVED"),
                        org.assertj.core.groups.Tuple.tuple(placedCause.factId(), F1, null, "PENDING"),
                        org.assertj.core.groups.Tuple.tuple(placedCause.factId(), null, "RECEIVED", "IN_FULFILLMENT"));
    }

    @Test
    void aFinishedOrderRefusesACancellation() {
        Order order = twoFulfillmentsInFulfillment();
        order.fulfillmentRejected(new FulfillmentRejected(ORDER, F1, Fulfiller.SPOD, "x", null, null, AT), cause("r"));
        order.fulfillmentRejected(new FulfillmentRejected(ORDER, F2, Fulfiller.SPOD, "x", null, null, AT), cause("r"));
        assertThatThrownBy(() -> order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", null, AT), COMMANDS,
                cause("cancel"))).isInstanceOf(IllegalTransitionException.class);
        assertThat(order.cancelledAtSource()).isFalse();
    }

    @Test
    void anOrderWhoseCancellationCameFirstIsCancelledAtOnceAndSendsNothingToAFulfiller() {
        Cause cancelCause = cause("order-cancelled-at-source");
        var early = new EarlyCancellation(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", "fraud", AT),
                cancelCause);
        var placement = Order.place(placed(true, List.of(
                new SourceFulfillment("f-1", null, "spod", List.of(new LineQuantity("var-1", 2))),
                new SourceFulfillment("f-2", null, "spod", List.of(new LineQuantity("var-3", 1)))),
                line("var-1", "TEE", 2), line("var-3", "CAP", 1)), cause("order-placed"), ROUTING, COMMANDS, early);

        assertThat(placement.order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(placement.order().cancelledAtSource()).isTrue();
        assertThat(placement.order().fulfillments()).extracting(Fulfillment::status)
                .containsExactly(FulfillmentStatus.CANCELLED, FulfillmentStatus.CANCELLED);
        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).isEmpty();
        assertThat(messages(placement.messages(), OrderStatusChanged.class)).extracting(OrderStatusChanged::status)
                .containsExactly(OrderStatus.RECEIVED, OrderStatus.CANCELLED);
        assertThat(placement.order().newTimelineEntries()).anyMatch(entry -> entry.factId().equals(cancelCause.factId())
                && entry.note().equals("cancelled at SPRESSO before the order arrived: fraud"));
    }

    @Test
    void theStorefrontHearsPreparingItemsOnceAndNeverBackwardsWhenAcceptedComesBeforeSubmitted() {
        Order order = twoFulfillmentsInFulfillment();
        List<Outgoing> accepted = order.fulfillmentAccepted(new FulfillmentAccepted(ORDER, F1, Fulfiller.SPOD, "spod-1",
                "confirmed", AT), cause("fulfillment-accepted"));
        assertThat(messages(accepted, UpdateStorefrontFulfillmentStatus.class))
                .extracting(UpdateStorefrontFulfillmentStatus::status, UpdateStorefrontFulfillmentStatus::sourceFulfillmentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UpdateStorefrontFulfillmentStatus.Status.PREPARING_ITEMS,
                        "f-1"));
        assertThatThrownBy(() -> order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F1, Fulfiller.SPOD, "spod-1",
                AT), cause("fulfillment-submitted"))).isInstanceOf(IllegalTransitionException.class);
        assertThat(fulfillment(order, F1).storefrontStatus()).isEqualTo(UpdateStorefrontFulfillmentStatus.Status.PREPARING_ITEMS);

        List<Outgoing> submittedF2 = order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F2, Fulfiller.SPOD, "spod-2",
                AT), cause("fulfillment-submitted"));
        assertThat(messages(submittedF2, UpdateStorefrontFulfillmentStatus.class))
                .extracting(UpdateStorefrontFulfillmentStatus::status)
                .containsExactly(UpdateStorefrontFulfillmentStatus.Status.RECEIVED_BY_FULFILLER);
    }

    @Test
    void noProgressGoesToTheStorefrontOnceTheOrderWasCancelledThere() {
        Order order = twoFulfillmentsInFulfillment();
        order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", null, AT), COMMANDS, cause("cancel"));
        List<Outgoing> submitted = order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F1, Fulfiller.SPOD, "spod-1",
                AT), cause("fulfillment-submitted"));
        assertThat(messages(submitted, UpdateStorefrontFulfillmentStatus.class)).isEmpty();
    }

    static FulfillmentHeld unmatchedParcel(String tracking) {
        return new FulfillmentHeld(ORDER, F1, Fulfiller.SPOD, FulfillmentHeld.UNMATCHED_SHIPMENT, "999-9 matches no line",
                new FulfillmentHeld.Parcel("ups", tracking, null, List.of(new FulfillmentHeld.Item("999-9", 2)), AT), AT);
    }

    @Test
    void aHeldParcelAssignedAsPartOfTheLinesLeavesTheHoldPartiallyShippedAndIsRefusedWholeWhenWrong() {
        Order order = twoFulfillmentsInFulfillment();
        order.fulfillmentHeld(unmatchedParcel("1Z9"), cause("fulfillment-held"));
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.ON_HOLD);
        assertThat(order.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(order.heldParcels()).extracting(HeldParcel::trackingNumber).containsExactly("1Z9");

        assertThatThrownBy(() -> order.assignHeldParcel(F1, "1Z9", List.of(new LineQuantity("var-1", 1),
                new LineQuantity("var-2", 4)), "operator alice", cause("assign")))
                .isInstanceOf(HeldParcelAssignmentException.class)
                .extracting(e -> ((HeldParcelAssignmentException) e).field()).isEqualTo("lines[1].quantity");
        assertThat(fulfillment(order, F1).lines()).extracting(FulfillmentLine::shipped).containsOnly(0);
        assertThat(order.shipments()).isEmpty();

        List<Outgoing> out = order.assignHeldParcel(F1, "1Z9", List.of(new LineQuantity("var-1", 2)),
                "operator alice", cause("assign"));
        assertThat(messages(out, AddShipment.class)).extracting(AddShipment::shipmentId).containsExactly(F1 + "/1Z9");
        assertThat(messages(out, UpdateStorefrontFulfillmentStatus.class)).isEmpty();
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.PARTIALLY_SHIPPED);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThatThrownBy(() -> order.assignHeldParcel(F1, "1Z9", List.of(new LineQuantity("var-2", 1)),
                "operator alice", cause("assign")))
                .isInstanceOf(HeldParcelAssignmentException.class)
                .extracting(e -> ((HeldParcelAssignmentException) e).kind())
                .isEqualTo(HeldParcelAssignmentException.Kind.ALREADY_ASSIGNED);
    }

    @Test
    void aHeldFulfillmentCancelledAtSourceBeforeAnyParcelLeftIsCancelledAtItsFulfiller() {
        Order order = twoFulfillmentsInFulfillment();
        order.fulfillmentHeld(new FulfillmentHeld(ORDER, F1, Fulfiller.SPOD, FulfillmentHeld.DESTINATION_NOT_SERVED, null,
                null, AT), cause("fulfillment-held"));
        List<Outgoing> out = order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", null, AT), COMMANDS,
                cause("cancel"));
        assertThat(messages(out, CancelPrintOrder.class)).extracting(CancelPrintOrder::fulfillmentId).containsExactly(F1, F2);
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.CANCELLATION_REQUESTED);
    }

    @Test
    void aFulfillmentOfAFulfillerWithoutCommandsGetsNoSpodCommandAndIsHeldWithTheReason() {
        FulfillmentRouting byLocation = (source, lines) -> {
            Route.Print spod = (Route.Print) ROUTING.route(source, lines);
            return "store-berlin".equals(source.location())
                    ? new Route.Print(Fulfiller.LIGHTSPEED, spod.currency(), spod.items(), "pickup", BigDecimal.ZERO)
                    : spod;
        };
        var placement = Order.place(placed(true, List.of(
                new SourceFulfillment("f-1", null, "spod", List.of(new LineQuantity("var-1", 1))),
                new SourceFulfillment("f-2", null, "store-berlin", List.of(new LineQuantity("var-3", 1)))),
                line("var-1", "TEE", 1), line("var-3", "CAP", 1)), cause("order-placed"), byLocation, COMMANDS);

        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).extracting(SubmitPrintOrder::fulfillmentId)
                .containsExactly(F1);
        assertThat(messages(placement.messages(), CancelPrintOrder.class)).isEmpty();
        Fulfillment held = fulfillment(placement.order(), F2);
        assertThat(held.status()).isEqualTo(FulfillmentStatus.ON_HOLD);
        assertThat(held.holdReason()).isEqualTo("routed to LIGHTSPEED, but the hub has no commands for LIGHTSPEED"
                + " (fulfillment f-2)");
        assertThat(placement.order().newTimelineEntries()).extracting(TimelineEntry::note)
                .contains("on hold: " + held.holdReason());

        // cancelled at source: the SPOD fulfillment's cancel only; the held one is cancelled at once
        List<Outgoing> out = placement.order().cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO,
                "6114", null, AT), COMMANDS, cause("cancel"));
        assertThat(messages(out, CancelPrintOrder.class)).extracting(CancelPrintOrder::fulfillmentId).containsExactly(F1);
        assertThat(fulfillment(placement.order(), F2).status()).isEqualTo(FulfillmentStatus.CANCELLED);
    }

    @Test
    void eachResubmissionOfARejectedFulfillmentGetsTheNextExternalIdAndOnlyARejectedOrCancelledOneCanBeResubmitted() {
        Order order = twoFulfillmentsInFulfillment();
        assertThatThrownBy(() -> order.resubmit(F1, ROUTING, COMMANDS, "ops", cause("resubmit")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is PENDING");
        order.fulfillmentRejected(new FulfillmentRejected(ORDER, F1, Fulfiller.SPOD, "failed", null, null, AT),
                cause("rejected"));

        List<Outgoing> second = order.resubmit(F1, ROUTING, COMMANDS, "ops", cause("resubmit"));
        assertThat(messages(second, SubmitPrintOrder.class)).singleElement().satisfies(submit -> {
            assertThat(submit.externalOrderId()).isEqualTo(F1 + "-r2");
            assertThat(submit.items()).extracting(SubmitPrintOrder.Item::quantity).containsExactly(2, 3);
        });
        order.fulfillmentRejected(new FulfillmentRejected(ORDER, F1, Fulfiller.SPOD, "failed", null, null, AT, F1 + "-r2"),
                cause("rejected"));
        List<Outgoing> third = order.resubmit(F1, ROUTING, COMMANDS, "ops", cause("resubmit"));
        assertThat(messages(third, SubmitPrintOrder.class)).extracting(SubmitPrintOrder::externalOrderId)
                .containsExactly(F1 + "-r3");
        assertThat(fulfillment(order, F1).submissions()).isEqualTo(3);
        assertThat(fulfillment(order, F1).status()).isEqualTo(FulfillmentStatus.PENDING);
        assertThatThrownBy(() -> order.resubmit(ORDER + ":f-9", ROUTING, COMMANDS, "ops", cause("resubmit")))
                .isInstanceOf(UnknownFulfillmentException.class);
    }
}
