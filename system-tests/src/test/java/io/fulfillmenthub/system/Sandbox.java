package io.fulfillmenthub.system;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The vendor sandbox as the system tests drive and read it: its control API, its fault controls and
 * its record of calls, which is the tests' ledger of what each vendor received and accepted.
 */
final class Sandbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;

    Sandbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Places a Spresso order and sends its order_fulfillable webhook {@code times} times. Each fulfillment is the
     * indexes of its lines (delivered by a carrier), or {@code {"lines", "fulfillmentMethod", "fulfillerLocation"}}.
     */
    PlacedOrder placeOrder(List<Map<String, Object>> lines, List<?> fulfillments, int times) {
        JsonPath placed = given().baseUri(baseUrl).contentType(ContentType.JSON)
                .body(Map.of("lines", lines, "fulfillments", fulfillments, "times", times))
                .post("/_sandbox/spresso/orders")
                .then().statusCode(201).extract().jsonPath();
        List<Integer> statuses = placed.getList("webhook.deliveries.status", Integer.class);
        String orderId = placed.getString("order.id");
        List<String> fulfillmentIds = placed.getList("order.fulfillments.id", String.class);
        return new PlacedOrder(orderId, fulfillmentIds, statuses, placed.getMap("order"),
                placed.getString("webhook.eventId"), placed.getString("webhook.createdAt"));
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
        return IntStream.range(0, ids.size()).boxed().collect(Collectors.toMap(ids::get, states::get));
    }

    void advanceSpodOrder(String externalOrderId, String state) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("state", state))
                .post("/_sandbox/spod/orders/" + externalOrderId + "/advance").then().statusCode(200);
    }

    /**
     * Moves a SPOD order to {@code sent} with the given parcels, each
     * {@code {"carrier", "trackingNumber", "trackingUrl"?, "items": [{"stockKeepingUnit", "quantity"}]}}.
     */
    void sendSpodOrder(String externalOrderId, List<Map<String, Object>> shipments) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("state", "sent", "shipments", shipments))
                .post("/_sandbox/spod/orders/" + externalOrderId + "/advance").then().statusCode(200);
    }

    /** The stock-keeping units of a SPOD order's items, as the hub submitted them. */
    List<String> spodOrderSkus(String externalOrderId) {
        JsonPath orders = given().baseUri(baseUrl).get("/_sandbox/spod/orders").then().statusCode(200).extract().jsonPath();
        return orders.getList("find { it.'external-order-id' == '" + externalOrderId + "' }.items.'stock-keeping-unit'",
                String.class);
    }

    /** Chooses what SPOD leaves undocumented (the sandbox README's SPOD behaviour), e.g. {@code {"listShape": "object"}}. */
    void spodBehaviour(Map<String, Object> behaviour) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(behaviour).put("/_sandbox/spod/behaviour")
                .then().statusCode(200);
    }

    /** SPOD's behaviour as configured again. */
    void resetSpodBehaviour() {
        given().baseUri(baseUrl).delete("/_sandbox/spod/behaviour").then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    /** The shipment upserts Spresso accepted for one of its fulfillments, in the order answered. */
    List<VendorCall> spressoAcceptedShipmentCalls(String spressoFulfillmentId) {
        return calls("spresso").stream().filter(call -> call.accepted() && "PUT".equals(call.method())
                && ("/spresso/v1/fulfillments/" + spressoFulfillmentId + "/shipments").equals(call.path())).toList();
    }

    /** Every call a vendor's API received, as recorded: a call is listed once answered or given up, numbered on arrival. */
    List<VendorCall> calls(String vendor) {
        byte[] calls = given().baseUri(baseUrl).queryParam("vendor", vendor).get("/_sandbox/calls")
                .then().statusCode(200).extract().asByteArray();
        // Jackson, not RestAssured's JsonPath: the list grows by a poll a second and is read many times a test
        try {
            List<VendorCall> list = new ArrayList<>();
            for (JsonNode call : JSON.readTree(calls)) {
                list.add(VendorCall.of(call));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox's call records are not JSON", e);
        }
    }

    /** The highest sequence number of the calls recorded so far, 0 when none; a call arriving later has a higher one. */
    long latestCallSequence() {
        // a call is numbered when it arrives and listed when it is answered, so the list is not in number order
        return Stream.of("spod", "spresso", "squarespace", "lightspeed").flatMap(vendor -> calls(vendor).stream())
                .mapToLong(VendorCall::sequence).max().orElse(0);
    }

    /**
     * Per fulfillment, how many submissions SPOD accepted: the SPOD orders the hub created. A retried
     * submission that SPOD answered "already exists" is not a second order, and a call a fault answered
     * or that was given up while frozen never reached SPOD.
     */
    Map<String, Long> spodAcceptedSubmissions(Collection<String> externalOrderIds) {
        Map<String, Long> accepted = calls("spod").stream()
                .filter(call -> call.accepted() && "POST".equals(call.method()) && "/spod/orders".equals(call.path())
                        && call.bodyField("external-order-id") != null)
                .collect(Collectors.groupingBy(call -> call.bodyField("external-order-id"), Collectors.counting()));
        return count(externalOrderIds, id -> accepted.getOrDefault(id, 0L));
    }

    /** The hub's {@code POST /spod/orders/{id}/cancel} calls for this fulfillment. */
    List<VendorCall> spodCancelCalls(String externalOrderId) {
        String path = "/spod/orders/" + externalOrderId + "/cancel";
        return calls("spod").stream().filter(call -> "POST".equals(call.method()) && path.equals(call.path())).toList();
    }

    /** Per Spresso fulfillment, how many shipment upserts Spresso accepted. */
    Map<String, Long> spressoAcceptedShipments(Collection<String> spressoFulfillmentIds) {
        List<VendorCall> calls = calls("spresso");
        return count(spressoFulfillmentIds, id -> calls.stream()
                .filter(call -> call.accepted() && "PUT".equals(call.method())
                        && ("/spresso/v1/fulfillments/" + id + "/shipments").equals(call.path()))
                .count());
    }

    /** Per Spresso fulfillment, how many status changes to {@code in_transit} Spresso accepted. */
    Map<String, Long> spressoAcceptedInTransit(Collection<String> spressoFulfillmentIds) {
        List<VendorCall> calls = calls("spresso");
        return count(spressoFulfillmentIds, id -> calls.stream()
                .filter(call -> call.accepted() && "PUT".equals(call.method())
                        && ("/spresso/v1/fulfillments/" + id).equals(call.path())
                        && "in_transit".equals(call.bodyField("status")))
                .count());
    }

    /**
     * Per Spresso fulfillment, what Spresso accepted when its fulfiller sent it: the shipment upsert
     * ({@code shipment <id>}) and the move to {@code in_transit} ({@code in_transit <id>}).
     */
    Map<String, Long> spressoShipmentLedger(Collection<String> spressoFulfillmentIds) {
        Map<String, Long> ledger = new LinkedHashMap<>();
        spressoAcceptedShipments(spressoFulfillmentIds).forEach((id, count) -> ledger.put("shipment " + id, count));
        spressoAcceptedInTransit(spressoFulfillmentIds).forEach((id, count) -> ledger.put("in_transit " + id, count));
        return ledger;
    }

    /** Starts a fault (see the sandbox README), e.g. {@code {"vendor": "spod", "kind": "freeze", "durationMs": 90000}}. */
    Fault startFault(Map<String, Object> fault) {
        JsonPath started = given().baseUri(baseUrl).contentType(ContentType.JSON).body(fault).post("/_sandbox/faults")
                .then().statusCode(201).extract().jsonPath();
        String until = started.getString("until");
        return new Fault(started.getString("id"), until == null ? null : Instant.parse(until));
    }

    /** Whether the fault is still in force. */
    boolean inForce(Fault fault) {
        int status = given().baseUri(baseUrl).get("/_sandbox/faults/{id}", fault.id()).then().extract().statusCode();
        return status == 200;
    }

    /** How many calls the fault holds back now (freeze, latency). */
    int holding(Fault fault) {
        return given().baseUri(baseUrl).get("/_sandbox/faults/{id}", fault.id()).then().statusCode(200).extract()
                .jsonPath().getInt("holding");
    }

    /** Ends every fault of every vendor; held calls go on at once. */
    void endAllFaults() {
        given().baseUri(baseUrl).delete("/_sandbox/faults").then().statusCode(204);
    }

    void endFault(Fault fault) {
        given().baseUri(baseUrl).delete("/_sandbox/faults/{id}", fault.id()).then().statusCode(204);
    }

    private static Map<String, Long> count(Collection<String> keys, java.util.function.ToLongFunction<String> counter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, counter.applyAsLong(key)));
        return counts;
    }

    /**
     * @param order the order as the sandbox's control API showed it when placed
     * @param eventId the order_fulfillable webhook's event id
     */
    record PlacedOrder(String orderId, List<String> fulfillmentIds, List<Integer> deliveryStatuses,
            Map<String, Object> order, String eventId, String eventCreatedAt) {

        String hubOrderId() {
            return "spresso:" + orderId;
        }

        String hubFulfillmentId(int index) {
            return hubOrderId() + ":" + fulfillmentIds.get(index);
        }

        List<String> hubFulfillmentIds() {
            return IntStream.range(0, fulfillmentIds.size()).mapToObj(this::hubFulfillmentId).toList();
        }
    }

    /** @param until when its {@code durationMs} runs out, null without one */
    record Fault(String id, Instant until) {
    }

    /**
     * One call a vendor API received.
     *
     * @param status what it answered, null when the caller went away first
     * @param json its body read as JSON, null when it has none or it is not JSON
     * @param reachedVendor whether the simulated vendor handled it (true when no fault touched it)
     * @param faultIds the sandbox faults that touched it
     */
    record VendorCall(long sequence, String method, String path, String body, JsonNode json, Integer status,
            boolean reachedVendor, List<String> faultIds) {

        static VendorCall of(JsonNode call) {
            JsonNode fault = call.path("fault");
            List<String> faultIds = new ArrayList<>();
            fault.path("applied").forEach(applied -> faultIds.add(applied.path("id").asText()));
            String body = call.path("body").isTextual() ? call.path("body").asText() : null;
            JsonNode json = null;
            if (body != null && body.startsWith("{")) {
                try {
                    json = JSON.readTree(body);
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new VendorCall(call.path("sequence").asLong(), call.path("method").asText(), call.path("path").asText(),
                    body, json, call.path("status").isNumber() ? call.path("status").asInt() : null,
                    fault.isMissingNode() || fault.isNull() || fault.path("reachedVendor").asBoolean(), List.copyOf(faultIds));
        }

        /** What the vendor accepted: it handled the call and answered 2xx (the sandbox README's ledger rule). */
        boolean accepted() {
            return reachedVendor && status != null && status / 100 == 2;
        }

        boolean isSubmitOf(String externalOrderId) {
            return "POST".equals(method) && "/spod/orders".equals(path) && externalOrderId.equals(bodyField("external-order-id"));
        }

        boolean touchedBy(Fault fault) {
            return faultIds.contains(fault.id());
        }

        /** A top-level text field of the body, null when absent. */
        String bodyField(String name) {
            JsonNode field = json == null ? null : json.get(name);
            return field == null || !field.isTextual() ? null : field.asText();
        }

        @Override
        public String toString() {
            return "#" + sequence + " " + method + " " + path + " -> " + status + (faultIds.isEmpty() ? "" : " faults " + faultIds)
                    + (reachedVendor ? "" : " (not reaching the vendor)")
                    // a token request's body names the client: keep it out of test reports
                    + (body == null || path.endsWith("/oauth/token") ? "" : " " + body);
        }
    }
}
