package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.await;
import static io.fulfillmenthub.orchestrator.FactFixtures.awaitOutboxEmpty;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.FactFixtures.squarespaceOrderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.storefrontUpdatesSoFar;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.contracts.MessageIds;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.Topics;
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
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.PaymentStatus;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Store fulfillments (Lightspeed X-Series, issue 14) against the real broker and database, with the sample
 * routing data of {@code application.properties}: outlet main-street serves location 5f1e3b2a9c8d7e6f5a4b3c2d for
 * pickup and local delivery; CANDLE-SOY and TOTE-NAT are mapped; Squarespace's rules[1] sends them to main-street
 * for pickup. Facts in as the pos-connector publishes them, commands and storefront updates out.
 */
@QuarkusTest
class StoreFulfillmentTest {

    static final String LOCATION = "5f1e3b2a9c8d7e6f5a4b3c2d";
    static final String MAIN_STREET = "02e60bb7-8d62-11e9-f4c2-b314f6a052d1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    static SourceFulfillment atStore(String id, String method, String location, LineQuantity... lines) {
        return new SourceFulfillment(id, method, location, List.of(lines));
    }

    /** f-2: CANDLE-SOY ×2 and TOTE-NAT ×1 at the store, by the method given. */
    String placeStoreOrder(String order, String method) {
        return send(kafka, orderPlaced(order, List.of(line("var-7", "CANDLE-SOY", 2), line("var-8", "TOTE-NAT", 1)),
                List.of(atStore("f-2", method, LOCATION, quantity("var-7", 2), quantity("var-8", 1)))));
    }

    /** The sale is created at Lightspeed: the pos-connector's fact. */
    void saleCreated(String order, String saleId) {
        send(kafka, new FulfillmentSubmitted(order, order + ":f-2", Fulfiller.LIGHTSPEED, saleId, AT));
        awaitFulfillment(order, "f-2", "saleId", saleId);
    }

    JsonPath awaitFulfillment(String order, String sourceFulfillmentId, String field, String value) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/orders/{id}", order).then().extract().jsonPath(),
                        json -> value.equals(json.getString("fulfillments.find { it.sourceFulfillmentId == '"
                                + sourceFulfillmentId + "' }." + field)));
    }

    JsonPath awaitStatus(String order, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/orders/{id}", order).then().extract().jsonPath(),
                        json -> status.equals(json.getString("status")));
    }

    static String store(JsonPath json, String field) {
        return json.getString("fulfillments.find { it.sourceFulfillmentId == 'f-2' }." + field);
    }

    @Test
    void aSpressoPickupAtAStoreLocationBecomesASaleAtItsOutletAndTheOrderShowsIt() {
        String order = FactFixtures.newOrderId();
        String factId = placeStoreOrder(order, "pickup");

        CreateSale sale = await(kafka, MessageTypes.CREATE_SALE, order, any -> true);
        assertThat(sale.fulfillmentId()).isEqualTo(order + ":f-2");
        assertThat(sale.mode()).isEqualTo(SaleMode.PICKUP);
        assertThat(sale.outletId()).isEqualTo(MAIN_STREET);
        assertThat(sale.registerId()).isEqualTo("b1e198a9-f019-11e3-a0f5-b8ca3a64f8f4");
        assertThat(sale.userId()).isEqualTo("b1ed6158-f019-11e3-a0f5-b8ca3a64f8f4");
        assertThat(sale.lines()).extracting(CreateSale.Line::lineId, CreateSale.Line::productId, CreateSale.Line::quantity,
                CreateSale.Line::price, CreateSale.Line::tax, CreateSale.Line::taxId).containsExactly(
                        tuple("var-7", "b1d87b58-f019-11e3-a0f5-b8ca3a64f8f4", 2, new BigDecimal("18.00"),
                                new BigDecimal("1.80"), "b1d192bc-f019-11e3-a0f5-b8ca3a64f8f4"),
                        tuple("var-8", "0adaafb3-6583-11e5-fb60-d9b7a1f0c002", 1, new BigDecimal("12.00"),
                                new BigDecimal("1.20"), "b1d192bc-f019-11e3-a0f5-b8ca3a64f8f4"));
        assertThat(sale.note()).isEqualTo("SPRESSO order 1001 (fulfillment " + order + ":f-2)");
        try (TopicReader reader = new TopicReader(kafka, Topics.COMMANDS_POS)) {
            var record = reader.await(r -> FactFixtures.isOf(r, MessageTypes.CREATE_SALE, order));
            assertThat(TopicReader.header(record, CloudEventHeaders.ID))
                    .isEqualTo(MessageIds.derive(factId, "create-sale/" + order + ":f-2"));
        }

        JsonPath view = awaitStatus(order, "IN_FULFILLMENT");
        assertThat(store(view, "fulfiller")).isEqualTo("LIGHTSPEED");
        assertThat(store(view, "status")).isEqualTo("PENDING");
        assertThat(store(view, "mode")).isEqualTo("PICKUP");
        assertThat(store(view, "outlet")).isEqualTo("main-street");
        assertThat(store(view, "outletId")).isEqualTo(MAIN_STREET);
        assertThat(store(view, "saleId")).isNull();

        saleCreated(order, "sale-1");
        JsonPath ready = awaitFulfillment(order, "f-2", "status", "READY_FOR_PICKUP");
        assertThat(store(ready, "saleId")).isEqualTo("sale-1");
        UpdateStorefrontFulfillmentStatus received = await(kafka, MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS,
                order, any -> true);
        assertThat(received.status()).isEqualTo(Status.RECEIVED_BY_FULFILLER);
    }

    @Test
    void aStoreFulfillmentAtAnUnknownLocationOrWithAnUnmappedSkuIsHeldWithTheReason() {
        String order = FactFixtures.newOrderId();
        send(kafka, orderPlaced(order, List.of(line("var-7", "CANDLE-SOY", 1), line("var-9", "LAMP-BRASS", 1)),
                List.of(atStore("f-2", "pickup", "9999aaaa0000bbbb1111cccc", quantity("var-7", 1)),
                        atStore("f-3", "pickup", LOCATION, quantity("var-9", 1)))));

        JsonPath view = awaitStatus(order, "ON_HOLD");
        assertThat(view.getList("holdReasons", String.class)).containsExactly(
                order + ":f-2: no Lightspeed outlet serves location '9999aaaa0000bbbb1111cccc' for pickup "
                        + "(fulfillment f-2, hub.routing.lightspeed.outlets)",
                order + ":f-3: no Lightspeed product mapping for SKU 'LAMP-BRASS' (line var-9)");
    }

    @Test
    void aMixedOrderRunsItsPrintedAndItsStorePartIndependentlyAndCompletesWhenBothAreWithTheCustomer() {
        String order = FactFixtures.newOrderId();
        send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 1), line("var-7", "CANDLE-SOY", 1)),
                List.of(FactFixtures.fulfillment("f-1", quantity("var-1", 1)),
                        atStore("f-2", "pickup", LOCATION, quantity("var-7", 1)))));

        assertThat(await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, any -> true).fulfillmentId())
                .isEqualTo(order + ":f-1");
        assertThat(await(kafka, MessageTypes.CREATE_SALE, order, any -> true).fulfillmentId()).isEqualTo(order + ":f-2");

        saleCreated(order, "sale-2");
        send(kafka, new FulfillmentPickedUp(order, order + ":f-2", Fulfiller.LIGHTSPEED, AT));
        JsonPath partly = awaitStatus(order, "PARTIALLY_SHIPPED");
        assertThat(partly.getList("fulfillments.status", String.class)).containsExactly("PENDING", "PICKED_UP");

        send(kafka, new FulfillmentSubmitted(order, order + ":f-1", Fulfiller.SPOD, "spod-1", AT));
        send(kafka, new ShipmentDispatched(order, order + ":f-1", Fulfiller.SPOD, "DHL", "TRK-1", null,
                List.of(quantity("var-1", 1)), AT));
        send(kafka, new FulfillmentShipped(order, order + ":f-1", Fulfiller.SPOD, AT));
        awaitStatus(order, "SHIPPED");
        send(kafka, new FulfillmentDelivered(order, order + ":f-1", Fulfiller.SPOD, AT));

        JsonPath completed = awaitStatus(order, "COMPLETED");
        assertThat(completed.getList("fulfillments.status", String.class)).containsExactly("DELIVERED", "PICKED_UP");
    }

    @Test
    void aHandOverThroughTheApiAsksTheStoreToCloseTheSaleAndThePickupCompletesItAtSpresso() {
        String order = FactFixtures.newOrderId();
        placeStoreOrder(order, "pickup");
        await(kafka, MessageTypes.CREATE_SALE, order, any -> true);

        given().post("/orders/{id}/fulfillments/{f}/handover", order, "f-2").then().statusCode(409)
                .body("error", equalTo("conflict")).body("message", containsString("its sale is not created yet"));
        saleCreated(order, "sale-3");

        given().body("{\"mode\": \"curbside\"}").post("/orders/{id}/fulfillments/{f}/handover", order, "f-2").then()
                .statusCode(400).body("parameter", equalTo("mode"));
        given().body("{\"when\": \"now\"}").post("/orders/{id}/fulfillments/{f}/handover", order, "f-2").then()
                .statusCode(400).body("parameter", equalTo("when"));
        given().body("{\"mode\": \"delivery\"}").post("/orders/{id}/fulfillments/{f}/handover", order, "f-2").then()
                .statusCode(409).body("message", equalTo("fulfillment " + order + ":f-2 is a sale for pickup, not for delivery"));
        given().post("/orders/{id}/fulfillments/{f}/handover", order, "f-9").then().statusCode(404);
        given().post("/orders/{id}/fulfillments/{f}/handover", "spresso:no-such-order", "f-2").then().statusCode(404);

        given().body("{\"mode\": \"pickup\"}").post("/orders/{id}/fulfillments/{f}/handover", order, order + ":f-2")
                .then().statusCode(202).body("hubOrderId", equalTo(order))
                .body("fulfillments.find { it.sourceFulfillmentId == 'f-2' }.status", equalTo("READY_FOR_PICKUP"));
        FulfilSale fulfil = await(kafka, MessageTypes.FULFIL_SALE, order, any -> true);
        assertThat(fulfil).isEqualTo(new FulfilSale(order, order + ":f-2", SaleMode.PICKUP));

        // the store closed the sale: the pos-connector reports it, twice under one id and once more under another
        String pickedUpId = send(kafka, new FulfillmentPickedUp(order, order + ":f-2", Fulfiller.LIGHTSPEED, AT));
        send(kafka, pickedUpId, new FulfillmentPickedUp(order, order + ":f-2", Fulfiller.LIGHTSPEED, AT));
        send(kafka, new FulfillmentPickedUp(order, order + ":f-2", Fulfiller.LIGHTSPEED, AT));
        JsonPath completed = awaitStatus(order, "COMPLETED");
        assertThat(store(completed, "status")).isEqualTo("PICKED_UP");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/orders/{id}", order).then()
                .extract().jsonPath().getList("timeline.note", String.class).contains("already PICKED_UP: nothing changes"));
        awaitOutboxEmpty(database, order);

        List<UpdateStorefrontFulfillmentStatus> updates = storefrontUpdatesSoFar(kafka, order);
        assertThat(updates).extracting(UpdateStorefrontFulfillmentStatus::sourceFulfillmentId,
                UpdateStorefrontFulfillmentStatus::status, UpdateStorefrontFulfillmentStatus::fulfilledLines)
                .containsExactly(tuple("f-2", Status.RECEIVED_BY_FULFILLER, List.of()),
                        tuple("f-2", Status.IN_TRANSIT, List.of(new LineQuantity("var-7", 2), new LineQuantity("var-8", 1))),
                        tuple("f-2", Status.DELIVERED, List.of()));
        given().post("/orders/{id}/fulfillments/{f}/handover", order, "f-2").then().statusCode(409)
                .body("message", containsString("is PICKED_UP"));
    }

    @Test
    void aLocalDeliveryWaitsForDispatchAndIsInTransitOnceTheStoreDispatchedIt() {
        String order = FactFixtures.newOrderId();
        placeStoreOrder(order, "local_delivery");
        assertThat(await(kafka, MessageTypes.CREATE_SALE, order, any -> true).mode()).isEqualTo(SaleMode.DELIVERY);
        saleCreated(order, "sale-4");
        awaitFulfillment(order, "f-2", "status", "SUBMITTED");

        given().post("/orders/{id}/fulfillments/{f}/handover", order, "f-2").then().statusCode(202);
        assertThat(await(kafka, MessageTypes.FULFIL_SALE, order, any -> true).mode()).isEqualTo(SaleMode.DELIVERY);
        send(kafka, new FulfillmentShipped(order, order + ":f-2", Fulfiller.LIGHTSPEED, AT));

        JsonPath shipped = awaitStatus(order, "SHIPPED");
        assertThat(store(shipped, "status")).isEqualTo("SHIPPED");
        UpdateStorefrontFulfillmentStatus inTransit = await(kafka, MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS, order,
                update -> update.status() == Status.IN_TRANSIT);
        assertThat(inTransit.fulfilledLines()).containsExactly(new LineQuantity("var-7", 2), new LineQuantity("var-8", 1));
    }

    @Test
    void aCancellationAtTheStorefrontVoidsTheOpenSaleAndTheFulfillmentIsCancelledWhenTheStoreConfirms() {
        String order = FactFixtures.newOrderId();
        placeStoreOrder(order, "pickup");
        await(kafka, MessageTypes.CREATE_SALE, order, any -> true);
        saleCreated(order, "sale-5");

        send(kafka, new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), "customer asked", AT));
        CancelSale cancel = await(kafka, MessageTypes.CANCEL_SALE, order, any -> true);
        assertThat(cancel).isEqualTo(new CancelSale(order, order + ":f-2", "customer asked"));
        awaitFulfillment(order, "f-2", "status", "CANCELLATION_REQUESTED");
        given().post("/orders/{id}/fulfillments/{f}/handover", order, "f-2").then().statusCode(409);

        send(kafka, new FulfillmentCancelled(order, order + ":f-2", Fulfiller.LIGHTSPEED, "voided", AT));
        JsonPath cancelled = awaitStatus(order, "CANCELLED");
        assertThat(store(cancelled, "status")).isEqualTo("CANCELLED");
    }

    @Test
    void aCancellationThatReachesTheStoreAfterTheHandOverIsRecordedAndTheSaleStaysPickedUp() {
        String order = FactFixtures.newOrderId();
        placeStoreOrder(order, "pickup");
        await(kafka, MessageTypes.CREATE_SALE, order, any -> true);
        saleCreated(order, "sale-6");

        send(kafka, new OrderCancelledAtSource(order, Storefront.SPRESSO, order.substring(8), null, AT));
        await(kafka, MessageTypes.CANCEL_SALE, order, any -> true);
        // the connector found the sale closed at the till: the hand-over first, then the refused void
        send(kafka, new FulfillmentPickedUp(order, order + ":f-2", Fulfiller.LIGHTSPEED, AT));
        send(kafka, new FulfillmentCancellationRejected(order, order + ":f-2", Fulfiller.LIGHTSPEED, "handed over",
                "sale is PICKED_UP_CLOSED", AT));

        JsonPath view = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/orders/{id}", order).then().extract().jsonPath(),
                        json -> json.getList("timeline.note", String.class).contains("cancellation rejected by LIGHTSPEED: "
                                + "handed over (sale is PICKED_UP_CLOSED); stays PICKED_UP"));
        assertThat(view.getString("status")).isEqualTo("COMPLETED");
        assertThat(store(view, "status")).isEqualTo("PICKED_UP");
        assertThat(view.getBoolean("cancelledAtSource")).isTrue();
    }

    @Test
    void aSquarespaceOrderForPickupBecomesASaleOnceItsGracePeriodEndsAndIsMarkedFulfilledWhenCollected() {
        String order = FactFixtures.newSquarespaceOrderId();
        String sourceId = order.substring(order.indexOf(':') + 1);
        Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(10))
                .plus(Duration.ofSeconds(2));
        send(kafka, squarespaceOrderPlaced(order, placedAt, PaymentStatus.PAID,
                List.of(line("l-1", "TEE-BLK-M", 1), line("l-2", "CANDLE-SOY", 3))));

        CreateSale sale = await(kafka, MessageTypes.CREATE_SALE, order, any -> true);
        assertThat(sale.fulfillmentId()).isEqualTo(order + ":" + sourceId + "-2");
        assertThat(sale.mode()).isEqualTo(SaleMode.PICKUP);
        assertThat(sale.outletId()).isEqualTo(MAIN_STREET);
        assertThat(sale.lines()).extracting(CreateSale.Line::lineId, CreateSale.Line::quantity)
                .containsExactly(tuple("l-2", 3));
        assertThat(sale.note()).isEqualTo("SQUARESPACE order 1042 (fulfillment " + order + ":" + sourceId + "-2)");
        assertThat(await(kafka, MessageTypes.SUBMIT_PRINT_ORDER, order, any -> true).fulfillmentId())
                .isEqualTo(order + ":" + sourceId + "-1");
        JsonPath view = awaitStatus(order, "IN_FULFILLMENT");
        assertThat(view.getList("timeline.note", String.class)).anyMatch(note -> note.startsWith("fulfillable at "));

        send(kafka, new FulfillmentSubmitted(order, order + ":" + sourceId + "-2", Fulfiller.LIGHTSPEED, "sale-7", AT));
        awaitFulfillment(order, sourceId + "-2", "status", "READY_FOR_PICKUP");
        send(kafka, new FulfillmentPickedUp(order, order + ":" + sourceId + "-2", Fulfiller.LIGHTSPEED, AT));
        UpdateStorefrontFulfillmentStatus fulfilled = await(kafka, MessageTypes.UPDATE_STOREFRONT_FULFILLMENT_STATUS,
                order, any -> true);
        assertThat(fulfilled.storefront()).isEqualTo(Storefront.SQUARESPACE);
        assertThat(fulfilled.sourceFulfillmentId()).isEqualTo(sourceId + "-2");
        assertThat(fulfilled.status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(fulfilled.fulfilledLines()).containsExactly(new LineQuantity("l-2", 3));
        awaitFulfillment(order, sourceId + "-2", "status", "PICKED_UP");
        awaitOutboxEmpty(database, order);
        // Squarespace keeps no fulfillment status: it hears the hand-over once, and nothing before or after
        assertThat(storefrontUpdatesSoFar(kafka, order)).extracting(UpdateStorefrontFulfillmentStatus::status)
                .containsExactly(Status.IN_TRANSIT);
    }
}
