package io.fulfillmenthub.contracts;

import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.CancelSale;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.FulfilSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.CommandFailed;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentPickedUp;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.OrderPlaced;
import io.fulfillmenthub.contracts.facts.ShipmentDelivered;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.facts.TimelineNoted;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic instance of every message type, every optional field filled. */
final class ContractSamples {

    static final String ORDER = "spresso:6114";
    static final String FULFILLMENT = "spresso:6114/f-1";
    static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");
    static final Address ADDRESS = new Address("Ada", "Lovelace", "Analytical Engines Ltd", "12 Crescent Road",
            "Flat 3", "London", "NW1 4NP", "Greater London", "GB", "+44 20 7946 0000");
    static final List<LineQuantity> LINES = List.of(new LineQuantity("var-1", 2), new LineQuantity("var-2", 0));

    static final Map<MessageType<?>, HubMessage> ALL = Map.ofEntries(
            Map.entry(MessageTypes.ORDER_PLACED, new OrderPlaced(ORDER, Storefront.SPRESSO, "6114", "1001", AT, "USD",
                    PaymentStatus.PAID, true, "ada@example.com", ADDRESS,
                    List.of(new OrderLine("var-1", "var-1", "TEE-BLK-M", "Black tee M", 2, new BigDecimal("19.90")),
                            new OrderLine("var-2", "var-2", "MUG-WHT", "White mug", 1, new BigDecimal("9.50"))),
                    List.of(new SourceFulfillment("f-1", "carrier_delivery", "warehouse-1", LINES)))),
            Map.entry(MessageTypes.ORDER_CANCELLED_AT_SOURCE,
                    new OrderCancelledAtSource(ORDER, Storefront.SPRESSO, "6114", "customer asked", AT)),
            Map.entry(MessageTypes.FULFILLMENT_SUBMITTED,
                    new FulfillmentSubmitted(ORDER, FULFILLMENT, Fulfiller.SPOD, "spod-77", AT)),
            Map.entry(MessageTypes.FULFILLMENT_ACCEPTED,
                    new FulfillmentAccepted(ORDER, FULFILLMENT, Fulfiller.SPOD, "spod-77", "confirmed", AT)),
            Map.entry(MessageTypes.FULFILLMENT_REJECTED, new FulfillmentRejected(ORDER, FULFILLMENT, Fulfiller.SPOD,
                    "invalid request", "stock-keeping-unit unknown", "trace-9", AT)),
            Map.entry(MessageTypes.SHIPMENT_DISPATCHED, new ShipmentDispatched(ORDER, FULFILLMENT, Fulfiller.SPOD,
                    "ups", "1Z999", "https://track.example/1Z999", LINES, AT)),
            Map.entry(MessageTypes.FULFILLMENT_SHIPPED,
                    new FulfillmentShipped(ORDER, FULFILLMENT, Fulfiller.SPOD, AT)),
            Map.entry(MessageTypes.FULFILLMENT_PICKED_UP,
                    new FulfillmentPickedUp(ORDER, FULFILLMENT, Fulfiller.LIGHTSPEED, AT)),
            Map.entry(MessageTypes.FULFILLMENT_DELIVERED,
                    new FulfillmentDelivered(ORDER, FULFILLMENT, Fulfiller.LIGHTSPEED, AT)),
            Map.entry(MessageTypes.FULFILLMENT_CANCELLED,
                    new FulfillmentCancelled(ORDER, FULFILLMENT, Fulfiller.SPOD, "order cancelled at source", AT)),
            Map.entry(MessageTypes.FULFILLMENT_CANCELLATION_REJECTED, new FulfillmentCancellationRejected(ORDER,
                    FULFILLMENT, Fulfiller.SPOD, "already sent", "order cannot be cancelled", AT)),
            Map.entry(MessageTypes.COMMAND_FAILED, new CommandFailed(ORDER, "6f1c2d3e-0000-4000-8000-000000000001",
                    "hub.command.add-shipment.v1", "storefront-connector", "vendor refused the shipment",
                    "carrier: must be one of ups, fedex", "ctx-42", AT)),
            Map.entry(MessageTypes.FULFILLMENT_HELD, new FulfillmentHeld(ORDER, FULFILLMENT, Fulfiller.SPOD,
                    FulfillmentHeld.UNMATCHED_SHIPMENT, "stock-keeping unit 999-1-1 matches no line",
                    new FulfillmentHeld.Parcel("DHL Express", "00340434161094042557", "https://track.example/1",
                            List.of(new FulfillmentHeld.Item("999-1-1", 1)), AT), AT)),
            Map.entry(MessageTypes.SHIPMENT_DELIVERED,
                    new ShipmentDelivered(ORDER, "00340434161094042557", "DHL Express", AT, "tracking-service")),
            Map.entry(MessageTypes.TIMELINE_NOTED, new TimelineNoted(ORDER, FULFILLMENT, "storefront-connector",
                    "carrier 'Hermes' is not in spresso.carriers: sent as 'other'", AT)),
            Map.entry(MessageTypes.SUBMIT_PRINT_ORDER, new SubmitPrintOrder(ORDER, FULFILLMENT, "USD",
                    List.of(new SubmitPrintOrder.Item("var-1", "812-4-2", 2, new BigDecimal("19.90"),
                            List.of(new SubmitPrintOrder.Design("front", "center", "https://cdn.example/a.png")))),
                    new SubmitPrintOrder.Shipping("STANDARD", new BigDecimal("4.90"), ADDRESS))),
            Map.entry(MessageTypes.CANCEL_PRINT_ORDER, new CancelPrintOrder(ORDER, FULFILLMENT, "cancelled at source")),
            Map.entry(MessageTypes.CREATE_SALE, new CreateSale(ORDER, FULFILLMENT, SaleMode.PICKUP, "outlet-1",
                    "register-1", "user-1", List.of(new CreateSale.Line("var-1", "prod-1", 2, new BigDecimal("19.90"),
                            new BigDecimal("2.99"), "tax-1")), "click and collect")),
            Map.entry(MessageTypes.FULFIL_SALE, new FulfilSale(ORDER, FULFILLMENT, SaleMode.PICKUP)),
            Map.entry(MessageTypes.CANCEL_SALE, new CancelSale(ORDER, FULFILLMENT, "cancelled at the storefront")),
            Map.entry(MessageTypes.ADD_SHIPMENT, new AddShipment(ORDER, Storefront.SPRESSO, "6114", "f-1",
                    "spresso:6114/f-1/1Z999", "ups", "1Z999", "https://track.example/1Z999", LINES, AT, true)),
            Map.entry(MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS, new UpdateStorefrontFulfillmentStatus(ORDER,
                    Storefront.SPRESSO, "6114", "f-1", UpdateStorefrontFulfillmentStatus.Status.IN_TRANSIT, LINES)),
            Map.entry(MessageTypes.ORDER_STATUS_CHANGED, new OrderStatusChanged(ORDER, Storefront.SPRESSO, "1001",
                    OrderStatus.SHIPPED, OrderStatus.IN_FULFILLMENT, "shipment 1Z999 dispatched",
                    List.of(new OrderStatusChanged.FulfillmentSummary(FULFILLMENT, Fulfiller.SPOD,
                            FulfillmentStatus.SHIPPED, "spod-77")),
                    AT)));

    private ContractSamples() {
    }
}
