package io.fulfillmenthub.orchestrator;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.commands.UpdateStorefrontFulfillmentStatus;
import io.fulfillmenthub.contracts.facts.FulfillmentHeld;
import io.fulfillmenthub.contracts.facts.FulfillmentShipped;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A fulfillment its fulfiller's connector holds (FulfillmentHeld), and an operator's assignment of the held parcel. */
@QuarkusTest
class HeldParcelTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    PgPool database;

    @Test
    void anUnmatchedParcelHoldsTheFulfillmentUntilAnOperatorAssignsItThenItShipsAsGiven() {
        // after every random id ('h' sorts after the hex digits of a UUID), before OrderResourceTest's 'zz-' ones
        String order = "spresso:held-" + UUID.randomUUID();
        String f1 = order + ":f-1";
        String assign = "/orders/{id}/fulfillments/{f}/parcels/{tracking}/assign";
        send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 2), line("var-2", "MUG-WHT", 3)),
                List.of(fulfillment("f-1", quantity("var-1", 2), quantity("var-2", 3)))));
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT));
        send(kafka, new ShipmentDispatched(order, f1, Fulfiller.SPOD, "ups", "1Z1", null, List.of(quantity("var-1", 2)), AT));
        send(kafka, new FulfillmentHeld(order, f1, Fulfiller.SPOD, FulfillmentHeld.UNMATCHED_SHIPMENT,
                "stock-keeping unit 999-9 matches no line", new FulfillmentHeld.Parcel("DHL Express", "JD9", "https://dhl.example/JD9",
                        List.of(new FulfillmentHeld.Item("999-9", 3)), AT), AT));
        send(kafka, new FulfillmentShipped(order, f1, Fulfiller.SPOD, AT)); // SPOD `sent`, while held

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"))
                .body("fulfillments[0].status", equalTo("ON_HOLD"))
                .body("fulfillments[0].hold.reason", equalTo("unmatched-shipment"))
                .body("fulfillments[0].hold.detail", equalTo("stock-keeping unit 999-9 matches no line"))
                .body("fulfillments[0].hold.statusBefore", equalTo("SHIPPED"))
                .body("fulfillments[0].heldParcels[0].trackingNumber", equalTo("JD9"))
                .body("fulfillments[0].heldParcels[0].carrier", equalTo("DHL Express"))
                .body("fulfillments[0].heldParcels[0].items[0].vendorSku", equalTo("999-9"))
                .body("fulfillments[0].heldParcels[0].items[0].quantity", equalTo(3))
                .body("holdReasons", hasItem(f1 + ": unmatched-shipment: stock-keeping unit 999-9 matches no line")));
        given().queryParam("status", "ON_HOLD").queryParam("after", "spresso:held-").queryParam("limit", 500)
                .get("/orders").then().statusCode(200).body("orders.hubOrderId", hasItem(order));

        // refused whole, each naming its field: nothing is applied
        given().body("{\"lines\": [{\"lineId\": \"var-2\", \"quantity\": 3}, {\"lineId\": \"var-9\", \"quantity\": 1}]}")
                .post(assign, order, "f-1", "JD9").then().statusCode(400)
                .body("parameter", equalTo("lines[1].lineId")).body("message", containsString("has no line 'var-9'"));
        given().body("{\"lines\": [{\"lineId\": \"var-2\", \"quantity\": 4}]}").post(assign, order, "f-1", "JD9").then()
                .statusCode(400).body("parameter", equalTo("lines[0].quantity"))
                .body("message", containsString("3 of 3 left to ship"));
        given().body("{\"lines\": [{\"lineId\": \"var-1\", \"quantity\": 1}]}").post(assign, order, "f-1", "JD9").then()
                .statusCode(400).body("parameter", equalTo("lines[0].quantity"));
        given().body("{\"lines\": [{\"lineId\": \"var-2\", \"quantity\": \"three\"}]}").post(assign, order, "f-1", "JD9")
                .then().statusCode(400).body("parameter", equalTo("lines[0].quantity"));
        given().body("[]").post(assign, order, "f-1", "JD9").then().statusCode(400).body("parameter", equalTo("body"));
        given().body("{\"lines\": [{\"lineId\": \"var-2\", \"quantity\": 3}]}").post(assign, order, "f-1", "NOPE").then()
                .statusCode(404);
        given().body("{\"lines\": [{\"lineId\": \"var-2\", \"quantity\": 3}]}").post(assign, order, "f-7", "JD9").then()
                .statusCode(404);
        given().get("/orders/{id}", order).then().body("shipments.size()", equalTo(1))
                .body("fulfillments[0].status", equalTo("ON_HOLD"));

        given().body("{\"lines\": [{\"lineId\": \"var-2\", \"quantity\": 3}]}").post(assign, order, "f-1", "JD9").then()
                .statusCode(200)
                .body("fulfillments[0].status", equalTo("SHIPPED"))
                .body("fulfillments[0].hold", equalTo(null))
                .body("fulfillments[0].heldParcels[0].assignedShipmentId", equalTo(f1 + "/JD9"))
                .body("fulfillments[0].lines.find { it.lineId == 'var-2' }.shipped", equalTo(3))
                .body("shipments.find { it.trackingNumber == 'JD9' }.lines[0].lineId", equalTo("var-2"))
                .body("status", equalTo("SHIPPED"));
        // the same parcel again: a conflict, and nothing changes
        given().body("{\"lines\": [{\"lineId\": \"var-2\", \"quantity\": 3}]}").post(assign, order, "f-1", "JD9").then()
                .statusCode(409).body("error", equalTo("conflict"));

        AddShipment added = FactFixtures.await(kafka, MessageTypes.ADD_SHIPMENT, order,
                add -> add.trackingNumber().equals("JD9"));
        assertThat(added.lines()).containsExactly(quantity("var-2", 3));
        assertThat(added.carrier()).isEqualTo("DHL Express");
        assertThat(added.sourceFulfillmentId()).isEqualTo("f-1");
        FactFixtures.awaitOutboxEmpty(database, order);
        List<UpdateStorefrontFulfillmentStatus> inTransit = FactFixtures.storefrontUpdatesSoFar(kafka, order).stream()
                .filter(update -> update.status() == UpdateStorefrontFulfillmentStatus.Status.IN_TRANSIT).toList();
        assertThat(inTransit).hasSize(1);
        assertThat(inTransit.get(0).fulfilledLines()).containsExactly(quantity("var-1", 2), quantity("var-2", 3));
    }

    @Test
    void aDestinationNotServedHoldsTheFulfillmentWithItsReasonAndNoParcel() {
        String order = FactFixtures.newOrderId();
        String f1 = order + ":f-1";
        send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 1)), List.of(fulfillment("f-1", quantity("var-1", 1)))));
        send(kafka, new FulfillmentHeld(order, f1, Fulfiller.SPOD, FulfillmentHeld.DESTINATION_NOT_SERVED,
                "SPOD does not ship to AQ", null, AT));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/orders/{id}", order).then()
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"))
                .body("fulfillments[0].status", equalTo("ON_HOLD"))
                .body("fulfillments[0].hold.reason", equalTo("destination-not-served"))
                .body("fulfillments[0].hold.statusBefore", equalTo("PENDING"))
                .body("fulfillments[0].heldParcels.size()", equalTo(0)));
    }
}
