package io.fulfillmenthub.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sandbox's Squarespace as the system tests drive and read it: orders created (and notified, or not),
 * cancelled, and what each order received. The ledger of shipments is the order itself, as Squarespace keeps
 * it: every fulfillments call Squarespace acted on added its shipments there, also one whose answer the
 * caller never saw.
 */
final class SquarespaceSandbox {

    private final String baseUrl;

    SquarespaceSandbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Creates an order with these lines ({@code {"sku", "quantity"}}) and sends its {@code order.create}, or not. */
    String createOrder(List<Map<String, Object>> lines, boolean notify) {
        return createOrder(Map.of("lines", lines, "notify", notify));
    }

    /** Creates an order as the control API's body says ({@code lines}, {@code times}, {@code hold}, ...). */
    String createOrder(Map<String, Object> body) {
        return given().baseUri(baseUrl).contentType(ContentType.JSON).body(body)
                .post("/_sandbox/squarespace/orders").then().statusCode(201).extract().jsonPath().getString("order.order.id");
    }

    /** Cancels the order at Squarespace, which sends {@code order.update} with {@code CANCELED}. */
    void cancel(String orderId) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body("{}")
                .post("/_sandbox/squarespace/orders/{id}/cancel", orderId).then().statusCode(200);
    }

    /** A change in the store's admin ({@code update}: EMAIL_UPDATED, ...), notified as {@code order.update}. */
    void update(String orderId, Map<String, Object> body) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(body)
                .post("/_sandbox/squarespace/orders/{id}/update", orderId).then().statusCode(200);
    }

    /**
     * The order as Squarespace keeps it: {@code order} (the API's view), {@code shipments} (every shipment a
     * fulfillments call added), {@code fulfillmentCalls}, {@code fulfillmentCallInProgress}.
     */
    JsonPath order(String orderId) {
        return given().baseUri(baseUrl).get("/_sandbox/squarespace/orders/{id}", orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Per tracking number, how many shipments with it the order received. */
    Map<String, Long> shipments(String orderId, Collection<String> trackingNumbers) {
        Map<String, Long> received = order(orderId).getList("shipments.trackingNumber", String.class).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> counts = new LinkedHashMap<>();
        trackingNumbers.forEach(number -> counts.put(number, received.getOrDefault(number, 0L)));
        return counts;
    }

    /** The order's next fulfillments call stays in progress at Squarespace (others on it: 409) until released. */
    void holdNextFulfillmentsCall(String orderId) {
        given().baseUri(baseUrl).post("/_sandbox/squarespace/orders/{id}/hold-fulfillments", orderId).then().statusCode(204);
    }

    /** The held fulfillments call goes on: Squarespace adds its shipments and answers, to whoever still listens. */
    void releaseFulfillmentsCall(String orderId) {
        given().baseUri(baseUrl).post("/_sandbox/squarespace/orders/{id}/release-fulfillments", orderId).then().statusCode(204);
    }

    /** A 429 storm: every Squarespace API call is refused with 429 for this long, from now. */
    void rateLimitStorm(Duration duration) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("durationMs", duration.toMillis()))
                .post("/_sandbox/squarespace/rate-limit/storm").then().statusCode(200);
    }

    static String hubOrderId(String orderId) {
        return "squarespace:" + orderId;
    }
}
