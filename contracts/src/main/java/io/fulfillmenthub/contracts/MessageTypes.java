package io.fulfillmenthub.contracts;

import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.CancelSale;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.FulfilSale;
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
import io.fulfillmenthub.contracts.orders.OrderStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every message type the hub defines: the one place that binds a record to its CloudEvent type and topic. */
public final class MessageTypes {

    public static final MessageType<OrderPlaced> ORDER_PLACED = fact("order-placed", OrderPlaced.class);
    public static final MessageType<OrderCancelledAtSource> ORDER_CANCELLED_AT_SOURCE =
            fact("order-cancelled-at-source", OrderCancelledAtSource.class);
    public static final MessageType<FulfillmentSubmitted> FULFILLMENT_SUBMITTED =
            fact("fulfillment-submitted", FulfillmentSubmitted.class);
    public static final MessageType<FulfillmentAccepted> FULFILLMENT_ACCEPTED =
            fact("fulfillment-accepted", FulfillmentAccepted.class);
    public static final MessageType<FulfillmentRejected> FULFILLMENT_REJECTED =
            fact("fulfillment-rejected", FulfillmentRejected.class);
    public static final MessageType<ShipmentDispatched> SHIPMENT_DISPATCHED =
            fact("shipment-dispatched", ShipmentDispatched.class);
    public static final MessageType<FulfillmentShipped> FULFILLMENT_SHIPPED =
            fact("fulfillment-shipped", FulfillmentShipped.class);
    public static final MessageType<FulfillmentPickedUp> FULFILLMENT_PICKED_UP =
            fact("fulfillment-picked-up", FulfillmentPickedUp.class);
    public static final MessageType<FulfillmentDelivered> FULFILLMENT_DELIVERED =
            fact("fulfillment-delivered", FulfillmentDelivered.class);
    public static final MessageType<FulfillmentCancelled> FULFILLMENT_CANCELLED =
            fact("fulfillment-cancelled", FulfillmentCancelled.class);
    public static final MessageType<FulfillmentCancellationRejected> FULFILLMENT_CANCELLATION_REJECTED =
            fact("fulfillment-cancellation-rejected", FulfillmentCancellationRejected.class);

    public static final MessageType<CommandFailed> COMMAND_FAILED = fact("command-failed", CommandFailed.class);
    public static final MessageType<FulfillmentHeld> FULFILLMENT_HELD = fact("fulfillment-held", FulfillmentHeld.class);
    public static final MessageType<ShipmentDelivered> SHIPMENT_DELIVERED =
            fact("shipment-delivered", ShipmentDelivered.class);
    public static final MessageType<TimelineNoted> TIMELINE_NOTED = fact("timeline-noted", TimelineNoted.class);

    public static final MessageType<SubmitPrintOrder> SUBMIT_PRINT_ORDER =
            command("submit-print-order", SubmitPrintOrder.class, Topics.COMMANDS_SPOD);
    public static final MessageType<CancelPrintOrder> CANCEL_PRINT_ORDER =
            command("cancel-print-order", CancelPrintOrder.class, Topics.COMMANDS_SPOD);
    /** Version 2: {@code userId} and each line's {@code tax} added; version 1 was never produced. */
    public static final MessageType<CreateSale> CREATE_SALE =
            new MessageType<>("hub.command.create-sale.v2", CreateSale.class, Topics.COMMANDS_POS);
    public static final MessageType<FulfilSale> FULFIL_SALE =
            command("fulfil-sale", FulfilSale.class, Topics.COMMANDS_POS);
    public static final MessageType<CancelSale> CANCEL_SALE =
            command("cancel-sale", CancelSale.class, Topics.COMMANDS_POS);
    public static final MessageType<AddShipment> ADD_SHIPMENT =
            command("add-shipment", AddShipment.class, Topics.COMMANDS_STOREFRONT);
    public static final MessageType<UpdateStorefrontFulfillmentStatus> UPDATE_STOREFRONT_FULFILLMENT_STATUS =
            command("update-fulfillment-status", UpdateStorefrontFulfillmentStatus.class, Topics.COMMANDS_STOREFRONT);

    public static final MessageType<OrderStatusChanged> ORDER_STATUS_CHANGED =
            new MessageType<>("hub.order.status-changed.v1", OrderStatusChanged.class, Topics.ORDERS);

    public static final List<MessageType<?>> ALL = List.of(
            ORDER_PLACED, ORDER_CANCELLED_AT_SOURCE, FULFILLMENT_SUBMITTED, FULFILLMENT_ACCEPTED,
            FULFILLMENT_REJECTED, SHIPMENT_DISPATCHED, FULFILLMENT_SHIPPED, FULFILLMENT_PICKED_UP,
            FULFILLMENT_DELIVERED, FULFILLMENT_CANCELLED, FULFILLMENT_CANCELLATION_REJECTED, COMMAND_FAILED,
            FULFILLMENT_HELD, SHIPMENT_DELIVERED, TIMELINE_NOTED,
            SUBMIT_PRINT_ORDER, CANCEL_PRINT_ORDER, CREATE_SALE, FULFIL_SALE, CANCEL_SALE, ADD_SHIPMENT,
            UPDATE_STOREFRONT_FULFILLMENT_STATUS, ORDER_STATUS_CHANGED);

    private static final Map<String, MessageType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(MessageType::ceType, Function.identity()));
    private static final Map<Class<?>, MessageType<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(MessageType::dataClass, Function.identity()));

    private MessageTypes() {
    }

    public static Optional<MessageType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    @SuppressWarnings("unchecked")
    public static <T extends HubMessage> MessageType<T> of(Class<T> dataClass) {
        MessageType<?> type = BY_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException(dataClass.getName() + " is not a registered message type");
        }
        return (MessageType<T>) type;
    }

    @SuppressWarnings("unchecked")
    public static <T extends HubMessage> MessageType<T> of(T message) {
        return of((Class<T>) message.getClass());
    }

    private static <T extends Fact> MessageType<T> fact(String name, Class<T> dataClass) {
        return new MessageType<>("hub.fact." + name + ".v1", dataClass, Topics.FACTS);
    }

    private static <T extends Command> MessageType<T> command(String name, Class<T> dataClass, String topic) {
        return new MessageType<>("hub.command." + name + ".v1", dataClass, topic);
    }
}
