package io.fulfillmenthub.orchestrator.domain;

import static io.fulfillmenthub.orchestrator.domain.OrderTest.AT;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.F1;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.F2;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.ORDER;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.cause;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.fulfillment;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.line;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.messages;
import static io.fulfillmenthub.orchestrator.domain.OrderTest.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fulfillmenthub.contracts.commands.CancelSale;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.FulfilSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus.Status;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.facts.FulfillmentPickedUp;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.FulfillmentStatus;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.fulfiller.FulfillerCommandMappers;
import io.fulfillmenthub.orchestrator.fulfiller.LightspeedCommandMapper;
import io.fulfillmenthub.orchestrator.fulfiller.SpodCommandMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store sale's lifecycle in an order: given this state and this fact, expect this state and these commands. */
class StoreSaleTest {

    /** pickup and local_delivery go to outlet main-street as a sale of "LS-<sku>"; the rest as OrderTest routes. */
    static final FulfillmentRouting ROUTING = (source, lines) -> {
        if (!"pickup".equals(source.method()) && !"local_delivery".equals(source.method())) {
            return OrderTest.ROUTING.route(source, lines);
        }
        return new Route.Store(Fulfiller.LIGHTSPEED, "main-street", "outlet-1", "register-1", "user-1",
                "pickup".equals(source.method()) ? SaleMode.PICKUP : SaleMode.DELIVERY,
                source.lines().stream().map(q -> new CreateSale.Line(q.lineId(), "LS-" + lines.get(q.lineId()).sku(),
                        q.quantity(), new BigDecimal("18.00"), new BigDecimal("1.80"), "tax-1")).toList());
    };

    static final FulfillerCommands COMMANDS = new FulfillerCommandMappers(List.of(new SpodCommandMapper(),
            new LightspeedCommandMapper()));

    /** f-1: var-1 TEE ×2 printed by SPOD; f-2: var-3 CANDLE ×1 at a store, by the method given. */
    static Order.Placement mixed(String storeMethod) {
        return Order.place(placed(true, List.of(
                new SourceFulfillment("f-1", "carrier_delivery", "spod", List.of(new LineQuantity("var-1", 2))),
                new SourceFulfillment("f-2", storeMethod, "store-1", List.of(new LineQuantity("var-3", 1)))),
                line("var-1", "TEE", 2), line("var-3", "CANDLE", 1)), cause("order-placed"), ROUTING, COMMANDS);
    }

    static List<Status> statuses(List<Outgoing> out) {
        return messages(out, UpdateStorefrontFulfillmentStatus.class).stream()
                .map(UpdateStorefrontFulfillmentStatus::status).toList();
    }

    @Test
    void aMixedOrderSendsAPrintOrderAndASaleAndCompletesOnlyOnceEachPartIsDeliveredOrPickedUp() {
        var placement = mixed("pickup");
        Order order = placement.order();

        assertThat(messages(placement.messages(), SubmitPrintOrder.class)).extracting(SubmitPrintOrder::fulfillmentId)
                .containsExactly(F1);
        assertThat(messages(placement.messages(), CreateSale.class)).singleElement().satisfies(sale -> {
            assertThat(sale.fulfillmentId()).isEqualTo(F2);
            assertThat(sale.mode()).isEqualTo(SaleMode.PICKUP);
            assertThat(sale.outletId()).isEqualTo("outlet-1");
            assertThat(sale.lines()).extracting(CreateSale.Line::productId, CreateSale.Line::quantity)
                    .containsExactly(tuple("LS-CANDLE", 1));
            assertThat(sale.note()).isEqualTo("SPRESSO order 1001 (fulfillment " + F2 + ")");
        });
        assertThat(placement.messages()).filteredOn(o -> o.message() instanceof CreateSale)
                .extracting(Outgoing::what).containsExactly("create-sale/" + F2);

        List<Outgoing> submitted = order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F2, Fulfiller.LIGHTSPEED,
                "sale-9", AT), cause("fulfillment-submitted"));
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.READY_FOR_PICKUP);
        assertThat(statuses(submitted)).containsExactly(Status.RECEIVED_BY_FULFILLER);

        order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F1, Fulfiller.SPOD, "spod-1", AT), cause("submitted"));
        order.shipmentDispatched(new ShipmentDispatched(ORDER, F1, Fulfiller.SPOD, "DHL", "T-1", null,
                List.of(new LineQuantity("var-1", 2)), AT), cause("shipment-dispatched"));
        order.fulfillmentShipped(new FulfillmentShipped(ORDER, F1, Fulfiller.SPOD, AT), cause("shipped"));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);

        List<Outgoing> pickedUp = order.fulfillmentPickedUp(new FulfillmentPickedUp(ORDER, F2, Fulfiller.LIGHTSPEED, AT),
                cause("fulfillment-picked-up"));
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.PICKED_UP);
        assertThat(messages(pickedUp, UpdateStorefrontFulfillmentStatus.class)).extracting(
                UpdateStorefrontFulfillmentStatus::sourceFulfillmentId, UpdateStorefrontFulfillmentStatus::status,
                UpdateStorefrontFulfillmentStatus::fulfilledLines).containsExactly(
                        tuple("f-2", Status.IN_TRANSIT, List.of(new LineQuantity("var-3", 1))),
                        tuple("f-2", Status.DELIVERED, List.of()));
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);

        order.fulfillmentDelivered(new FulfillmentDelivered(ORDER, F1, Fulfiller.SPOD, AT), cause("delivered"));
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void aLocalDeliveryWaitsAsSubmittedAndIsInTransitOnceDispatched() {
        Order order = mixed("local_delivery").order();
        order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F2, Fulfiller.LIGHTSPEED, "sale-9", AT), cause("s"));
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.SUBMITTED);

        List<Outgoing> out = order.fulfillmentShipped(new FulfillmentShipped(ORDER, F2, Fulfiller.LIGHTSPEED, AT),
                cause("fulfillment-shipped"));

        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.SHIPPED);
        assertThat(messages(out, UpdateStorefrontFulfillmentStatus.class)).extracting(
                UpdateStorefrontFulfillmentStatus::status, UpdateStorefrontFulfillmentStatus::fulfilledLines)
                .containsExactly(tuple(Status.IN_TRANSIT, List.of(new LineQuantity("var-3", 1))));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        // the same fact again (another id): nothing changes, nothing is sent
        assertThat(order.fulfillmentShipped(new FulfillmentShipped(ORDER, F2, Fulfiller.LIGHTSPEED, AT), cause("again")))
                .isEmpty();
    }

    @Test
    void aHandOverAsksTheStoreToCloseAnOpenSaleWithItsModeAndIsRefusedOtherwise() {
        Order order = mixed("pickup").order();
        assertThatThrownBy(() -> order.handover(F2, null, COMMANDS, "ops", cause("handover")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("its sale is not created yet");
        order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F2, Fulfiller.LIGHTSPEED, "sale-9", AT), cause("s"));

        assertThatThrownBy(() -> order.handover(F1, null, COMMANDS, "ops", cause("handover")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("not a store sale");
        assertThatThrownBy(() -> order.handover(F2, SaleMode.DELIVERY, COMMANDS, "ops", cause("handover")))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("fulfillment " + F2 + " is a sale for pickup, not for delivery");
        assertThatThrownBy(() -> order.handover(ORDER + ":f-9", null, COMMANDS, "ops", cause("handover")))
                .isInstanceOf(UnknownFulfillmentException.class);

        List<Outgoing> out = order.handover(F2, null, COMMANDS, "ops", cause("handover"));
        assertThat(messages(out, FulfilSale.class)).containsExactly(new FulfilSale(ORDER, F2, SaleMode.PICKUP));
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.READY_FOR_PICKUP);

        order.fulfillmentPickedUp(new FulfillmentPickedUp(ORDER, F2, Fulfiller.LIGHTSPEED, AT), cause("picked-up"));
        assertThatThrownBy(() -> order.handover(F2, null, COMMANDS, "ops", cause("handover")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is PICKED_UP");
        // picked up again (another id): nothing changes, nothing is sent
        assertThat(order.fulfillmentPickedUp(new FulfillmentPickedUp(ORDER, F2, Fulfiller.LIGHTSPEED, AT),
                cause("picked-up"))).isEmpty();
    }

    @Test
    void aCancellationVoidsAnOpenSaleAndTheSaleIsCancelledWhenTheStoreSaysSo() {
        Order order = mixed("pickup").order();
        order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F2, Fulfiller.LIGHTSPEED, "sale-9", AT), cause("s"));

        List<Outgoing> out = order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114",
                "customer asked", AT), COMMANDS, cause("cancel"));

        assertThat(messages(out, CancelSale.class)).containsExactly(new CancelSale(ORDER, F2, "customer asked"));
        assertThat(out).filteredOn(o -> o.message() instanceof CancelSale).extracting(Outgoing::what)
                .containsExactly("cancel-sale/" + F2);
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.CANCELLATION_REQUESTED);
        order.fulfillmentCancelled(new FulfillmentCancelled(ORDER, F2, Fulfiller.LIGHTSPEED, "voided", AT), cause("c"));
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.CANCELLED);
    }

    @Test
    void aCancellationThatComesAfterTheHandOverIsRecordedAndTheSaleStaysHandedOver() {
        Order order = Order.place(placed(true, List.of(new SourceFulfillment("f-2", "pickup", "store-1",
                List.of(new LineQuantity("var-3", 1)))), line("var-3", "CANDLE", 1)), cause("placed"), ROUTING,
                COMMANDS).order();
        order.fulfillmentSubmitted(new FulfillmentSubmitted(ORDER, F2, Fulfiller.LIGHTSPEED, "sale-9", AT), cause("s"));
        order.cancelAtSource(new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", null, AT), COMMANDS,
                cause("cancel"));

        // the connector reports the hand-over first, then the refused void
        List<Outgoing> pickedUp = order.fulfillmentPickedUp(new FulfillmentPickedUp(ORDER, F2, Fulfiller.LIGHTSPEED, AT),
                cause("picked-up"));
        List<Outgoing> rejected = order.cancellationRejected(new FulfillmentCancellationRejected(ORDER, F2,
                Fulfiller.LIGHTSPEED, "handed over", "sale is PICKED_UP_CLOSED", AT), cause("rejected"));

        assertThat(statuses(pickedUp)).containsExactly(Status.IN_TRANSIT, Status.DELIVERED);
        assertThat(rejected).isEmpty();
        assertThat(fulfillment(order, F2).status()).isEqualTo(FulfillmentStatus.PICKED_UP);
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.newTimelineEntries()).extracting(TimelineEntry::note).contains(
                "cancellation rejected by LIGHTSPEED: handed over (sale is PICKED_UP_CLOSED); stays PICKED_UP");
    }

    @Test
    void aStoreSaleIsNotResubmitted() {
        Order order = mixed("pickup").order();
        order.fulfillmentRejected(new io.fulfillmenthub.contracts.facts.FulfillmentRejected(ORDER, F2,
                Fulfiller.LIGHTSPEED, "refused", "outlet closed", null, AT), cause("rejected"));

        assertThatThrownBy(() -> order.resubmit(F2, ROUTING, COMMANDS, "ops", cause("resubmit")))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("cannot be resubmitted");
    }
}
