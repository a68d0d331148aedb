package io.fulfillmenthub.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's Lightspeed X-Series as the system tests drive and read it: the sales it holds (looked up by their
 * {@code source_id}, the hub fulfillment id), staff handing a sale over at the till, a create whose answer is
 * held, and its rate limit. The ledger of sales is the store itself: every sale a create call made is there, also
 * one whose answer the caller never saw.
 */
final class LightspeedSandbox {

    private final String baseUrl;

    LightspeedSandbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The sales whose {@code source_id} is this hub fulfillment id, as the store keeps them (voided ones too). */
    List<Map<String, Object>> salesOf(String hubFulfillmentId) {
        return given().baseUri(baseUrl).queryParam("source_id", hubFulfillmentId).get("/_sandbox/lightspeed/sales")
                .then().statusCode(200).extract().jsonPath().getList("sale");
    }

    /** Per hub fulfillment id, how many sales the store holds for it. */
    Map<String, Long> saleCounts(Collection<String> hubFulfillmentIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        hubFulfillmentIds.forEach(id -> counts.put(id, (long) salesOf(id).size()));
        return counts;
    }

    /**
     * One sale as the store keeps it: {@code sale} (status, fulfillment_outlet_id, register_sale_products...),
     * {@code fulfillments}, {@code changes} (each {@code action}, {@code by} api or till), {@code createAnswer},
     * {@code webhooks}.
     */
    JsonPath sale(String saleId) {
        return given().baseUri(baseUrl).get("/_sandbox/lightspeed/sales/{id}", saleId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Staff hand the sale over at the till (collected or dispatched, by its status); the webhook goes {@code times} times. */
    void handOverAtTheTill(String saleId, int times) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("notify", times > 0, "times", Math.max(times, 1)))
                .post("/_sandbox/lightspeed/sales/{id}/handover", saleId).then().statusCode(200);
    }

    /** The next create of a sale (any source id) makes the sale but holds its answer until released. */
    void holdNextCreate() {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("count", 1))
                .post("/_sandbox/lightspeed/hold-creates").then().statusCode(200);
    }

    /** Every held create answers now, to whoever still listens. */
    void releaseCreates() {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body("{}")
                .post("/_sandbox/lightspeed/release-creates").then().statusCode(200);
    }

    /** A 429 storm: every Lightspeed API call is refused with 429 and an HTTP-date Retry-After for this long. */
    void rateLimitStorm(Duration duration) {
        given().baseUri(baseUrl).contentType(ContentType.JSON).body(Map.of("durationMs", duration.toMillis()))
                .post("/_sandbox/lightspeed/rate-limit/storm").then().statusCode(200);
    }
}
