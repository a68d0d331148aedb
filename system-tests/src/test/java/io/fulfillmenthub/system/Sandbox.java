package io.fulfillmenthub.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The vendor sandbox as the system tests drive and read it: its control API and its record of calls. */
final class Sandbox {

    private final String baseUrl;

    Sandbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Places a Spresso order and sends its order_fulfillable webhook {@code times} times. */
    PlacedOrder placeOrder(List<Map<String, Object>> lines, List<List<Integer>> fulfillments, int times) {
        JsonPath placed = given().baseUri(baseUrl).contentType(ContentType.JSON)
                .body(Map.of("lines", lines, "fulfillments", fulfillments, "times", times))
                .post("/_sandbox/spresso/orders")
                .then().statusCode(201).extract().jsonPath();
        List<Integer> statuses = placed.getList("webhook.deliveries.status", Integer.class);
        String orderId = placed.getString("order.id");
        List<String> fulfillmentIds = placed.getList("order.fulfillments.id", String.class);
        return new PlacedOrder(orderId, fulfillmentIds, statuses);
    }

    void cancelOrder(String orderId) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body("{}")
                .post("/_sandbox/spresso/orders/{id}/cancel", orderId).then().statusCode(200);
    }

    JsonPath spressoOrder(String orderId) {
        return given().baseUri(baseUrl).get("/_sandbox/spresso/orders/{id}", orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** SPOD's orders by external order id (the hub fulfillment id), with their state. */
    Map<String, String> spodOrderStates() {
        JsonPath orders = given().baseUri(baseUrl).get("/_sandbox/spod/orders").then().statusCode(200).extract().jsonPath();
        List<String> ids = orders.getList("'external-order-id'", String.class);
        List<String> states = orders.getList("state", String.class);
        return java.util.stream.IntStream.range(0, ids.size()).boxed()
                .collect(Collectors.toMap(ids::get, states::get));
    }

    void advanceSpodOrder(String externalOrderId, String state) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("state", state))
                .post("/_sandbox/spod/orders/" + externalOrderId + "/advance").then().statusCode(200);
    }

    /** How many times the hub submitted this SPOD order (POST /orders with its external-order-id), whatever SPOD answered. */
    long spodSubmissions(String externalOrderId) {
        JsonPath calls = given().baseUri(baseUrl).queryParam("vendor", "spod").get("/_sandbox/calls")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = calls.getList("$");
        return all.stream()
                .filter(call -> "POST".equals(call.get("method")) && "/spod/orders".equals(call.get("path")))
                .filter(call -> String.valueOf(call.get("body")).contains("\"" + externalOrderId + "\""))
                .count();
    }

    record PlacedOrder(String orderId, List<String> fulfillmentIds, List<Integer> deliveryStatuses) {

        String hubOrderId() {
            return "spresso:" + orderId;
        }

        String hubFulfillmentId(int index) {
            return hubOrderId() + ":" + fulfillmentIds.get(index);
        }
    }
}
