package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.await;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.FulfillmentAccepted;
import io.fulfillmenthub.contracts.facts.FulfillmentCancellationRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentCancelled;
import io.fulfillmenthub.contracts.facts.FulfillmentDelivered;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderStatus;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.contracts.orders.OrderStatusChanged;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The Spresso → SPOD → Spresso flows against the real broker and database: facts in, commands and lifecycle out. */
@QuarkusTest
class OrderFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    /** f-1: TEE-BLK-M ×2 and MUG-WHT ×3; f-2: CAP-RED ×4 (the test mapping's product). */
    String placeTwoFulfillments(String orderId) {
        return send(kafka, orderPlaced(orderId,
                List.of(line("var-1", "TEE-BLK-M", 2), line("var-2", "MUG-WHT", 3), line("var-3", "CAP-RED", 4)),
                List.of(fulfillment("f-1", quantity("var-1", 2), quantity("var-2", 3)),
                        fulfillment("f-2", quantity("var-3", 4)))));
    }

    @Test
    void anOrderWithTwoFulfillmentsSubmitsTwoPrintOrdersWithTheMappedSkusAndQuantities() {
        String order = FactFixtures.newOrderId();
        String factId = placeTwoFulfillments(order);

        SubmitPrintOrder first = await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order,
                submit -> submit.fulfillmentId().equals(order + ":f-1"));
        SubmitPrintOrder second = await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order,
                submit -> submit.fulfillmentId().equals(order + ":f-2"));

        assertThat(first.items()).extracting(SubmitPrintOrder.Item::lineId, SubmitPrintOrder.Item::stockKeepingUnit,
                SubmitPrintOrder.Item::quantity).containsExactly(tuple("var-1", "812-4-2", 2), tuple("var-2", "1109-0-1", 3));
        assertThat(second.items()).extracting(SubmitPrintOrder.Item::stockKeepingUnit, SubmitPrintOrder.Item::quantity)
                .containsExactly(tuple("77-1-3", 4));
        assertThat(second.items().get(0).designs()).hasSize(2);
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.shipping().address().street()).isEqualTo("12 Crescent Road");

        OrderStatusChanged inFulfillment = await(kafka, MessageTypes.ORDER_STATUS_CHANGED, order,
                changed -> changed.status() == OrderStatus.IN_FULFILLMENT);
        assertThat(inFulfillment.previousStatus()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(inFulfillment.cause()).contains(factId);

        try (TopicReader reader = new TopicReader(kafka, Topics.COMMANDS_SPOD)) {
            var record = reader.await(r -> FactFixtures.isOf(r, MessageTypes.SUBMIT_PRINT_ORDER, order));
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(order);
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/orchestrator");
            assertThat(TopicReader.header(record, CloudEventHeaders.ID))
                    .isEqualTo(MessageIds.derive(factId, "submit-print-order/" + order + ":f-1"));
        }
    }

    @Test
    void theSameOrderDeliveredThreeTimesAndRepeatedByTheStorefrontStillSubmitsTwoPrintOrders() {
        String order = FactFixtures.newOrderId();
        var placed = orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 1), line("var-2", "MUG-WHT", 2)),
                List.of(fulfillment("f-1", quantity("var-1", 1)), fulfillment("f-2", quantity("var-2", 2))));
        String factId = send(kafka, placed);
        send(kafka, factId, placed);
        send(kafka, factId, placed);
        send(kafka, placed); // the storefront's webhook again, with a new delivery id
        // a later command on the same topic and partition: everything before it has been handled and relayed
        send(kafka, new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), null, AT));

        List<SubmitPrintOrder> submits = FactFixtures.allBefore(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order,
                MessageTypes.CANCEL_PRINT_ORDER);
        assertThat(submits).extracting(SubmitPrintOrder::fulfillmentId).containsExactlyInAnyOrder(order + ":f-1",
                order + ":f-2");
        // the redeliveries stopped at the inbox; only the storefront's repeat reached the order
        List<String> notes = given().get("/orders/{id}", order).then().statusCode(200)
                .extract().jsonPath().getList("timeline.note", String.class);
        assertThat(notes).filteredOn("order already received; repeated order ignored"::equals).hasSize(1);
    }

    @Test
    void onceAnOrdersCommandsAreOnTheTopicItHasNoRowLeftInTheOutbox() {
        String order = FactFixtures.newOrderId();
        placeTwoFulfillments(order);

        await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, submit -> submit.fulfillmentId().equals(order + ":f-1"));
        await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, submit -> submit.fulfillmentId().equals(order + ":f-2"));
        await(kafka, MessageTypes.ORDER_STATUS_CHANGED, order, changed -> changed.status() == OrderStatus.IN_FULFILLMENT);

        // the relay deletes what the broker acked: the outbox holds only what waits to be published
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> outboxRows(order) == 0);
    }

    @Test
    void anUnmappedSkuPutsTheOrderOnHoldWithTheReasonAndSubmitsNothing() {
        String order = FactFixtures.newOrderId();
        send(kafka, orderPlaced(order, List.of(line("var-1", "NOT-MAPPED-42", 1)),
                List.of(fulfillment("f-1", quantity("var-1", 1)))));

        await(kafka, MessageTypes.ORDER_STATUS_CHANGED, order, changed -> changed.status() == OrderStatus.ON_HOLD);
        given().get("/orders/{id}", order).then().statusCode(200)
                .body("status", equalTo("ON_HOLD"))
                .body("fulfillments[0].status", equalTo("ON_HOLD"))
                .body("holdReasons[0]", equalTo(order + ":f-1: no SPOD product mapping for SKU 'NOT-MAPPED-42' (line var-1)"));
        // once the order has nothing left in the outbox, everything it caused is on the broker
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> outboxRows(order) == 0);
        assertThat(FactFixtures.publishedSoFar(kafka, Topics.COMMANDS_SPOD)).noneMatch(r -> order.equals(r.key()));
    }

    @Test
    void aShipmentAndShippedTellTheStorefrontTheExactQuantitiesWithOneLineShort() {
        String order = FactFixtures.newOrderId();
        placeTwoFulfillments(order);
        String f1 = order + ":f-1";
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-" + order, AT));
        send(kafka, new ShipmentDispatched(order, f1, Fulfiller.SPOD, "ups", "1Z999", "https://ups.example/1Z999",
                List.of(quantity("var-1", 2), quantity("var-2", 2)), AT));
        send(kafka, new FulfillmentShipped(order, f1, Fulfiller.SPOD, AT));

        AddShipment shipment = await(kafka, MessageTypes.ADD_SHIPMENT, order, add -> true);
        assertThat(shipment.storefront()).isEqualTo(Storefront.SPRESSO);
        assertThat(shipment.sourceFulfillmentId()).isEqualTo("f-1");
        assertThat(shipment.shipmentId()).isEqualTo(f1 + "/1Z999");
        assertThat(shipment.lines()).containsExactly(quantity("var-1", 2), quantity("var-2", 2));

        UpdateStorefrontFulfillmentStatus inTransit = await(kafka, MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS, order,
                update -> update.status() == UpdateStorefrontFulfillmentStatus.Status.IN_TRANSIT);
        assertThat(inTransit.sourceFulfillmentId()).isEqualTo("f-1");
        assertThat(inTransit.fulfilledLines()).containsExactly(new LineQuantity("var-1", 2), new LineQuantity("var-2", 2));

        given().get("/orders/{id}", order).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_SHIPPED"))
                .body("fulfillments.find { it.fulfillmentId == '" + f1 + "' }.status", equalTo("SHIPPED"))
                .body("fulfillments.find { it.fulfillmentId == '" + f1 + "' }.vendorReference", equalTo("spod-" + order))
                .body("fulfillments.find { it.fulfillmentId == '" + f1 + "' }.lines.find { it.lineId == 'var-2' }.ordered",
                        equalTo(3))
                .body("fulfillments.find { it.fulfillmentId == '" + f1 + "' }.lines.find { it.lineId == 'var-2' }.shipped",
                        equalTo(2))
                .body("shipments[0].trackingNumber", equalTo("1Z999"));

        send(kafka, new FulfillmentDelivered(order, f1, Fulfiller.SPOD, AT));
        await(kafka, MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS, order,
                update -> update.status() == UpdateStorefrontFulfillmentStatus.Status.DELIVERED
                        && "f-1".equals(update.sourceFulfillmentId()));
    }

    @Test
    void theStorefrontLearnsEachProgressStatusOnceAndInOrderWhateverIsRepeatedOrLate() {
        String order = FactFixtures.newOrderId();
        placeTwoFulfillments(order);
        String f1 = order + ":f-1";
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT));
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT)); // repeated, a new id
        send(kafka, new FulfillmentAccepted(order, f1, Fulfiller.SPOD, null, "confirmed", AT));
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT)); // late
        send(kafka, new FulfillmentAccepted(order, f1, Fulfiller.SPOD, null, "confirmed", AT)); // repeated
        send(kafka, new ShipmentDispatched(order, f1, Fulfiller.SPOD, "ups", "1Z7", null,
                List.of(quantity("var-1", 2), quantity("var-2", 3)), AT));
        send(kafka, new FulfillmentShipped(order, f1, Fulfiller.SPOD, AT));
        send(kafka, new FulfillmentDelivered(order, f1, Fulfiller.SPOD, AT));
        String last = send(kafka, new FulfillmentDelivered(order, f1, Fulfiller.SPOD, AT)); // repeated

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200).body("timeline.find { it.cause.id == '" + last + "' }", org.hamcrest.Matchers.notNullValue()));
        FactFixtures.awaitOutboxEmpty(database, order);
        List<UpdateStorefrontFulfillmentStatus> updates = FactFixtures.storefrontUpdatesSoFar(kafka, order);
        assertThat(updates).allMatch(update -> "f-1".equals(update.sourceFulfillmentId()))
                .extracting(UpdateStorefrontFulfillmentStatus::status).containsExactly(
                        UpdateStorefrontFulfillmentStatus.Status.RECEIVED_BY_FULFILLER,
                        UpdateStorefrontFulfillmentStatus.Status.PREPARING_ITEMS,
                        UpdateStorefrontFulfillmentStatus.Status.IN_TRANSIT,
                        UpdateStorefrontFulfillmentStatus.Status.DELIVERED);
        assertThat(updates.get(2).fulfilledLines()).containsExactly(quantity("var-1", 2), quantity("var-2", 3));
    }

    @Test
    void cancelledBeforeShippingAsksSpodToCancelThenCancelledCancelsTheOrder() {
        String order = FactFixtures.newOrderId();
        placeTwoFulfillments(order);
        send(kafka, new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), "customer changed mind", AT));

        CancelPrintOrder cancelF1 = await(kafka, MessageTypes.CANCEL_PRINT_ORDER, order,
                cancel -> cancel.fulfillmentId().equals(order + ":f-1"));
        await(kafka, MessageTypes.CANCEL_PRINT_ORDER, order, cancel -> cancel.fulfillmentId().equals(order + ":f-2"));
        assertThat(cancelF1.reason()).isEqualTo("customer changed mind");

        send(kafka, new FulfillmentCancelled(order, order + ":f-1", Fulfiller.SPOD, null, AT));
        send(kafka, new FulfillmentCancelled(order, order + ":f-2", Fulfiller.SPOD, null, AT));

        OrderStatusChanged cancelled = await(kafka, MessageTypes.ORDER_STATUS_CHANGED, order,
                changed -> changed.status() == OrderStatus.CANCELLED);
        assertThat(cancelled.fulfillments()).extracting(OrderStatusChanged.FulfillmentSummary::status)
                .containsOnly(io.fulfillmenthub.contracts.model.FulfillmentStatus.CANCELLED);
        given().get("/orders/{id}", order).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelledAtSource", equalTo(true));
    }

    @Test
    void aCancellationThatArrivesBeforeItsOrderWinsAndTheOrderIsNeverSentToAFulfiller() {
        String order = FactFixtures.newOrderId();
        var cancelled = new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), "customer changed mind", AT);
        String cancellation = send(kafka, cancelled);
        send(kafka, cancellation, cancelled); // a redelivery of the same fact
        String placed = placeTwoFulfillments(order);

        OrderStatusChanged status = await(kafka, MessageTypes.ORDER_STATUS_CHANGED, order,
                changed -> changed.status() == OrderStatus.CANCELLED);
        assertThat(status.fulfillments()).extracting(OrderStatusChanged.FulfillmentSummary::status)
                .containsOnly(io.fulfillmenthub.contracts.model.FulfillmentStatus.CANCELLED);
        given().get("/orders/{id}", order).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledAtSource", equalTo(true))
                .body("fulfillments.status", org.hamcrest.Matchers.everyItem(equalTo("CANCELLED")))
                .body("timeline.find { it.cause.id == '" + cancellation + "' }.note",
                        equalTo("cancelled at SPRESSO before the order arrived: customer changed mind"))
                .body("timeline.findAll { it.cause.id == '" + cancellation + "' }.size()", equalTo(1))
                .body("timeline.find { it.cause.id == '" + placed + "' && it.to == 'CANCELLED' && it.fulfillmentId == null }.note",
                        equalTo("cancelled at source before the order arrived: nothing sent to a fulfiller"));
        // once the order has nothing left in the outbox, everything it caused is on the broker: no print order
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> outboxRows(order) == 0);
        assertThat(FactFixtures.publishedSoFar(kafka, Topics.COMMANDS_SPOD)).noneMatch(r -> order.equals(r.key()));
    }

    @Test
    void aCancellationAfterTheOrderStillAsksSpodToCancelAndARepeatOfItChangesNothing() {
        String order = FactFixtures.newOrderId();
        placeTwoFulfillments(order);
        await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, submit -> submit.fulfillmentId().equals(order + ":f-1"));
        var cancelled = new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), null, AT);
        send(kafka, cancelled);
        String again = send(kafka, cancelled); // the storefront's webhook again, with a new delivery id

        await(kafka, MessageTypes.CANCEL_PRINT_ORDER, order, cancel -> cancel.fulfillmentId().equals(order + ":f-1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200)
                .body("timeline.find { it.cause.id == '" + again + "' }.note", equalTo("already cancelled at source")));
    }

    @Test
    void aRejectedCancellationIsRecordedAndTheFulfillmentContinues() {
        String order = FactFixtures.newOrderId();
        placeTwoFulfillments(order);
        String f1 = order + ":f-1";
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT));
        send(kafka, new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), null, AT));
        await(kafka, MessageTypes.CANCEL_PRINT_ORDER, order, cancel -> cancel.fulfillmentId().equals(f1));
        String rejection = send(kafka, new FulfillmentCancellationRejected(order, f1, Fulfiller.SPOD,
                "already in production", null, AT));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200)
                .body("fulfillments.find { it.fulfillmentId == '" + f1 + "' }.status", equalTo("SUBMITTED"))
                .body("timeline.find { it.cause.id == '" + rejection + "' }.note",
                        equalTo("cancellation rejected by SPOD: already in production")));
    }

    @Test
    void aFactTheStateDoesNotAllowIsRecordedOnTheTimelineAndNotDeadLettered() {
        String order = FactFixtures.newOrderId();
        placeTwoFulfillments(order);
        String early = send(kafka, new FulfillmentDelivered(order, order + ":f-1", Fulfiller.SPOD, AT));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200)
                .body("timeline.find { it.cause.id == '" + early + "' }.note",
                        equalTo("refused: fulfillment " + order + ":f-1 is PENDING: cannot be delivered")));
        // the consumer moved on: a later fact of the same order is applied
        send(kafka, new FulfillmentSubmitted(order, order + ":f-1", Fulfiller.SPOD, "spod-9", AT));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .body("fulfillments.find { it.fulfillmentId == '" + order + ":f-1' }.status", equalTo("SUBMITTED")));
    }

    @Test
    void aFactAboutAnOrderNeverReceivedGoesToTheDeadLetterTopic() {
        String order = FactFixtures.newOrderId();
        String id = send(kafka, new FulfillmentSubmitted(order, order + ":f-1", Fulfiller.SPOD, "spod-1", AT));
        try (TopicReader deadLetters = new TopicReader(kafka, Topics.deadLetter(Topics.FACTS, "orchestrator"))) {
            var dead = deadLetters.await(r -> id.equals(TopicReader.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("no order " + order);
        }
    }

    /** Rows of the order still waiting in the outbox to be published. */
    private long outboxRows(String order) {
        var rows = database.preparedQuery("SELECT count(*) AS n FROM outbox WHERE message_key = $1")
                .execute(Tuple.of(order)).await().atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong("n");
    }
}
