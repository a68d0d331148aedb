package io.fulfillmenthub.orchestrator.api;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.fulfillmenthub.orchestrator.OperationsTokens.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.facts.ShipmentDispatched;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.orchestrator.FactFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String placeAndAwait(String order) {
        String factId = send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 2)),
                List.of(fulfillment("f-1", quantity("var-1", 2)))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/orders/{id}", order).then().statusCode(200));
        return factId;
    }

    @Test
    void anOrderShowsItsFulfillmentsAndATimelineNamingTheCauseOfEachTransition() {
        String order = FactFixtures.newOrderId();
        String placed = placeAndAwait(order);
        String submitted = send(kafka, new FulfillmentSubmitted(order, order + ":f-1", Fulfiller.SPOD, "spod-42", AT));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().urlEncodingEnabled(false)
                .get("/orders/" + order.replace(":", "%3A")).then().statusCode(200)
                .body("hubOrderId", equalTo(order))
                .body("status", equalTo("IN_FULFILLMENT"))
                .body("fulfillments[0].vendorReference", equalTo("spod-42"))
                .body("fulfillments[0].lines[0].ordered", equalTo(2))
                .body("fulfillments[0].lines[0].shipped", equalTo(0))
                .body("fulfillments[0].lines[0].fulfillerSku", equalTo("812-4-2"))
                .body("timeline.cause.id", contains(placed, placed, placed, submitted))
                .body("timeline.cause.type", contains("hub.fact.order-placed.v1", "hub.fact.order-placed.v1",
                        "hub.fact.order-placed.v1", "hub.fact.fulfillment-submitted.v1"))
                .body("timeline.to", contains("RECEIVED", "PENDING", "IN_FULFILLMENT", "SUBMITTED"))
                .body("timeline[3].from", equalTo("PENDING"))
                .body("timeline[3].fulfillmentId", equalTo(order + ":f-1")));
    }

    @Test
    void anOrderShowsEveryLineHoldRejectionAndShipmentAsStoredAndItsPageEntry() throws Exception {
        String order = FactFixtures.newOrderId();
        String f1 = order + ":f-1";
        String f2 = order + ":f-2";
        String f3 = order + ":f-3";
        String placed = send(kafka, orderPlaced(order, List.of(
                        new OrderLine("var-1", "variant-1", "TEE-BLK-M", "Tee", 2, new BigDecimal("12.50")),
                        line("var-2", "NOT-MAPPED-7", 1), line("var-3", "MUG-WHT", 1)),
                List.of(fulfillment("f-1", quantity("var-1", 2)), fulfillment("f-2", quantity("var-2", 1)),
                        fulfillment("f-3", quantity("var-3", 1)))));
        awaitView(order, view -> view.path("timeline").size() == 5);
        // one fact at a time, so each is its own transaction and the versions are known
        String submitted = send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-77", AT));
        awaitView(order, view -> view.path("timeline").size() == 6);
        String rejected = send(kafka, new FulfillmentRejected(order, f3, Fulfiller.SPOD, "out of stock", null, null, AT));
        awaitView(order, view -> view.path("timeline").size() == 7);
        String dispatched = send(kafka, new ShipmentDispatched(order, f1, Fulfiller.SPOD, "ups", "1Z1",
                "https://ups.example/1Z1", List.of(quantity("var-1", 1)), AT));
        awaitView(order, view -> view.path("timeline").size() == 9);

        String body = given().get("/orders/{id}", order).then().statusCode(200).extract().asString();
        // the numeric column's scale, as stored
        assertThat(body).contains("\"unitPrice\":12.5000");
        ObjectNode view = (ObjectNode) JSON.readTree(body);
        ArrayNode timeline = (ArrayNode) view.remove("timeline");
        String updatedAt = timeline.get(timeline.size() - 1).path("recordedAt").asText();
        assertThat(view).isEqualTo(JSON.readTree("""
                {"hubOrderId": "%1$s", "storefront": "SPRESSO", "sourceOrderId": "%2$s", "orderNumber": "1001",
                 "status": "PARTIALLY_SHIPPED", "cancelledAtSource": false,
                 "holdReasons": ["%4$s: no SPOD product mapping for SKU 'NOT-MAPPED-7' (line var-2)"], "blocked": null,
                 "payment": "PAID", "waiting": null, "placedAt": "2026-11-23T10:15:30Z", "updatedAt": "%6$s", "version": 1,
                 "lines": [
                   {"lineId": "var-1", "variantId": "variant-1", "sku": "TEE-BLK-M", "name": "Tee", "quantity": 2,
                    "unitPrice": 12.5},
                   {"lineId": "var-2", "variantId": "var-2", "sku": "NOT-MAPPED-7", "name": "NOT-MAPPED-7",
                    "quantity": 1, "unitPrice": null},
                   {"lineId": "var-3", "variantId": "var-3", "sku": "MUG-WHT", "name": "MUG-WHT", "quantity": 1,
                    "unitPrice": null}],
                 "fulfillments": [
                   {"fulfillmentId": "%3$s", "sourceFulfillmentId": "f-1", "fulfiller": "SPOD",
                    "status": "PARTIALLY_SHIPPED", "externalOrderId": "%3$s", "submissions": 1, "vendorReference": "spod-77", "holdReason": null,
                    "rejectionReason": null, "version": 2,
                    "lines": [{"lineId": "var-1", "sku": "TEE-BLK-M", "fulfillerSku": "812-4-2", "ordered": 2,
                               "shipped": 1}], "hold": null, "heldParcels": [],
                               "mode": null, "outlet": null, "outletId": null, "saleId": null},
                   {"fulfillmentId": "%4$s", "sourceFulfillmentId": "f-2", "fulfiller": null, "status": "ON_HOLD",
                    "externalOrderId": null, "submissions": 1, "vendorReference": null,
                    "holdReason": "no SPOD product mapping for SKU 'NOT-MAPPED-7' (line var-2)",
                    "rejectionReason": null, "version": 0,
                    "lines": [{"lineId": "var-2", "sku": "NOT-MAPPED-7", "fulfillerSku": null, "ordered": 1,
                               "shipped": 0}], "hold": null, "heldParcels": [],
                               "mode": null, "outlet": null, "outletId": null, "saleId": null},
                   {"fulfillmentId": "%5$s", "sourceFulfillmentId": "f-3", "fulfiller": "SPOD", "status": "REJECTED",
                    "externalOrderId": "%5$s", "submissions": 1, "vendorReference": null, "holdReason": null, "rejectionReason": "out of stock", "version": 1,
                    "lines": [{"lineId": "var-3", "sku": "MUG-WHT", "fulfillerSku": "1109-0-1", "ordered": 1,
                               "shipped": 0}], "hold": null, "heldParcels": [],
                               "mode": null, "outlet": null, "outletId": null, "saleId": null}],
                 "shipments": [
                   {"shipmentId": "%3$s/1Z1", "fulfillmentId": "%3$s", "carrier": "ups", "trackingNumber": "1Z1",
                    "trackingUrl": "https://ups.example/1Z1", "dispatchedAt": "2026-11-23T10:15:30Z", "deliveredAt": null,
                    "lines": [{"lineId": "var-1", "quantity": 1}]}],
                 "unpublished": []}
                """.formatted(order, order.substring("spresso:".length()), f1, f2, f3, updatedAt)));

        // the timeline by id, with when each entry was recorded and a note; the notes' words are OrderTest's
        List<String> recordedAt = new ArrayList<>();
        for (JsonNode entry : timeline) {
            recordedAt.add(((ObjectNode) entry).remove("recordedAt").asText());
            assertThat(((ObjectNode) entry).remove("note").isTextual()).isTrue();
        }
        assertThat(recordedAt).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        String at = "2026-11-23T10:15:30Z";
        assertThat(timeline).isEqualTo(JSON.readTree("""
                [{"at": "%7$s", "cause": {"type": "hub.fact.order-placed.v1", "id": "%1$s"}, "fulfillmentId": null,
                  "from": null, "to": "RECEIVED"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.order-placed.v1", "id": "%1$s"}, "fulfillmentId": "%5$s",
                  "from": null, "to": "PENDING"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.order-placed.v1", "id": "%1$s"}, "fulfillmentId": "%6$s",
                  "from": null, "to": "ON_HOLD"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.order-placed.v1", "id": "%1$s"}, "fulfillmentId": "%8$s",
                  "from": null, "to": "PENDING"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.order-placed.v1", "id": "%1$s"}, "fulfillmentId": null,
                  "from": "RECEIVED", "to": "IN_FULFILLMENT"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.fulfillment-submitted.v1", "id": "%2$s"},
                  "fulfillmentId": "%5$s", "from": "PENDING", "to": "SUBMITTED"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.fulfillment-rejected.v1", "id": "%3$s"},
                  "fulfillmentId": "%8$s", "from": "PENDING", "to": "REJECTED"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.shipment-dispatched.v1", "id": "%4$s"},
                  "fulfillmentId": "%5$s", "from": "SUBMITTED", "to": "PARTIALLY_SHIPPED"},
                 {"at": "%7$s", "cause": {"type": "hub.fact.shipment-dispatched.v1", "id": "%4$s"},
                  "fulfillmentId": null, "from": "IN_FULFILLMENT", "to": "PARTIALLY_SHIPPED"}]
                """.formatted(placed, submitted, rejected, dispatched, f1, f2, at, f3)));

        String page = given().queryParam("after", order.substring(0, order.length() - 1)).queryParam("limit", 1)
                .get("/orders").then().statusCode(200).extract().asString();
        // the first order after its id's prefix: itself (its next depends on the other tests' orders)
        assertThat(JSON.readTree(page).path("orders")).isEqualTo(JSON.readTree("""
                [{"hubOrderId": "%1$s", "storefront": "SPRESSO", "orderNumber": "1001", "status": "PARTIALLY_SHIPPED",
                  "updatedAt": "%2$s", "blocked": false}]
                """.formatted(order, updatedAt)));
    }

    private static void awaitView(String order, Predicate<JsonNode> until) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().get("/orders/{id}", order);
            return response.statusCode() == 200 ? JSON.readTree(response.asString()) : JSON.missingNode();
        }, until);
    }

    @Test
    void anUnknownOrderIsA404WithAJsonBody() {
        given().get("/orders/{id}", "spresso:does-not-exist").then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("not_found"))
                .body("message", equalTo("no order spresso:does-not-exist"));
    }

    @Test
    void ordersArePagedByIdWithTheNextPageNamed() {
        // ids after every other test's (spresso:<uuid>, squarespace:<uuid>): 'zz' sorts after every source's name
        String prefix = "zz-paging:" + UUID.randomUUID() + "-";
        for (int i = 1; i <= 3; i++) {
            placeAndAwait(prefix + i);
        }
        JsonPath first = given().queryParam("after", prefix).queryParam("limit", 2).get("/orders").then()
                .statusCode(200).body("orders", hasSize(2)).extract().jsonPath();
        assertThat(first.getList("orders.hubOrderId")).containsExactly(prefix + 1, prefix + 2);
        assertThat(first.getString("next")).isEqualTo(prefix + 2);

        given().queryParam("after", first.getString("next")).queryParam("limit", 2).queryParam("status", "in_fulfillment")
                .get("/orders").then().statusCode(200)
                .body("orders[0].hubOrderId", equalTo(prefix + 3))
                .body("orders[0].status", equalTo("IN_FULFILLMENT"));
        given().queryParam("after", prefix + 3).get("/orders").then().statusCode(200)
                .body("orders", hasSize(0)).body("next", nullValue());
        given().queryParam("status", "CANCELLED").queryParam("after", prefix).get("/orders").then().statusCode(200)
                .body("orders", hasSize(0));
    }

    @Test
    void badPagingParametersAreA400NamingTheParameter() {
        for (String limit : List.of("0", "501", "ten", "-3")) {
            given().queryParam("limit", limit).get("/orders").then().statusCode(400)
                    .body("error", equalTo("bad_request"))
                    .body("parameter", equalTo("limit"))
                    .body("message", containsString("'" + limit + "'"));
        }
        given().queryParam("status", "LOST").get("/orders").then().statusCode(400).body("parameter", equalTo("status"));
        given().queryParam("limit", "500").get("/orders").then().statusCode(200);
    }
}
