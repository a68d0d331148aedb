package io.fulfillmenthub.sandbox.spod;

import static io.fulfillmenthub.sandbox.support.SandboxApis.spod;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpodOrdersTest {

    private static String newId() {
        return "spresso:" + UUID.randomUUID() + "/f-1";
    }

    private static void submit(String id) {
        spod().body(spodOrder(id)).post("/spod/orders").then().statusCode(201);
    }

    private static Map<String, Object> advance(String id, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/_sandbox/spod/orders/{id}/advance", id).then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void aValidOrderIsAcknowledgedAndCanBeRead() {
        String id = newId();
        spod().body(spodOrder(id)).post("/spod/orders").then()
                .statusCode(201)
                .body("external-order-id", equalTo(id))
                .body("url", endsWith("/spod/orders/" + id.replace(":", "%3A").replace("/", "%2F")));

        spod().get("/spod/orders/{id}", id).then()
                .statusCode(200)
                .body("external-order-id", equalTo(id))
                .body("state", equalTo("acknowledged"))
                .body("created", notNullValue())
                .body("updated", notNullValue())
                .body("items[0].stock-keeping-unit", equalTo("812-4-2"))
                .body("shipping.address.country-code", equalTo("GB"))
                .body("shipments", empty());
    }

    @Test
    void anOrderIdWithASlashCanBeReadUnencodedToo() {
        String id = newId();
        submit(id);

        given().urlEncodingEnabled(false).header("User-Agent", "fulfillment-hub/test")
                .auth().oauth2(io.fulfillmenthub.sandbox.support.SandboxApis.spodToken())
                .get("/spod/orders/" + id).then().statusCode(200).body("external-order-id", equalTo(id));
    }

    @Test
    void aSecondSubmitWithTheSameExternalOrderIdIsRefused() {
        String id = newId();
        submit(id);

        spod().body(spodOrder(id)).post("/spod/orders").then()
                .statusCode(400)
                .body("message", equalTo("external-order-id already exists"))
                .body("trace-id", notNullValue())
                .body("retryable", equalTo(false));
    }

    @Test
    void validationErrorsNameEveryFieldThatIsWrong() {
        Map<String, Object> order = new HashMap<>(spodOrder(newId()));
        order.put("currency", "EUR");
        order.remove("external-order-id");
        Map<String, Object> item = new HashMap<>(((List<Map<String, Object>>) order.get("items")).get(0));
        item.put("price", 19.0);
        item.put("quantity", 0);
        order.put("items", List.of(item));

        spod().body(order).post("/spod/orders").then()
                .statusCode(400)
                .body("message", containsString("external-order-id: is required"))
                .body("message", containsString("currency: must be \"USD\""))
                .body("message", containsString("items[0].price: must be a decimal string"))
                .body("message", containsString("items[0].quantity"))
                .body("retryable", equalTo(false));
    }

    @Test
    void anEmptyItemListAndAMissingAddressAreRefused() {
        Map<String, Object> order = new HashMap<>(spodOrder(newId()));
        order.put("items", List.of());
        order.put("shipping", Map.of("type", "standard", "price", "3.99"));

        spod().body(order).post("/spod/orders").then()
                .statusCode(400)
                .body("message", containsString("items: must be a non-empty array"))
                .body("message", containsString("shipping.address"));
    }

    @Test
    void anExternalOrderIdLongerThan255CharactersIsRefused() {
        spod().body(spodOrder("x".repeat(256))).post("/spod/orders").then()
                .statusCode(400).body("message", containsString("external-order-id: must be at most 255"));
    }

    @Test
    void anUnknownOrderIsNotFound() {
        spod().get("/spod/orders/{id}", newId()).then().statusCode(404).body("retryable", equalTo(false));
    }

    @Test
    void updatedSinceIsInclusive() {
        String id = newId();
        submit(id);
        String updated = (String) advance(id, "{\"state\":\"confirmed\"}").get("updated");

        List<String> from = spod().queryParam("updated-since", updated).queryParam("limit", 1000)
                .get("/spod/orders").then().statusCode(200).extract().path("external-order-id");
        String justAfter = Instant.parse(updated).plusMillis(1).toString();
        List<String> after = spod().queryParam("updated-since", justAfter).queryParam("limit", 1000)
                .get("/spod/orders").then().statusCode(200).extract().path("external-order-id");

        assertThat(from).contains(id);
        assertThat(after).doesNotContain(id);
    }

    @Test
    void anOffsetInTheUpdatedSinceBoundIsHonoured() {
        String id = newId();
        submit(id);
        String updated = spod().get("/spod/orders/{id}", id).then().extract().path("updated");
        String sameMomentInParis = Instant.parse(updated).atOffset(java.time.ZoneOffset.ofHours(1)).toString();

        List<String> from = spod().queryParam("updated-since", sameMomentInParis).queryParam("limit", 1000)
                .get("/spod/orders").then().statusCode(200).extract().path("external-order-id");

        assertThat(from).contains(id);
    }

    @Test
    void pagesFollowUpdatedThenIdWithoutGapsOrRepeats() {
        String prefix = "spresso:" + UUID.randomUUID() + "/";
        List<String> mine = List.of(prefix + "f-1", prefix + "f-2", prefix + "f-3");
        mine.forEach(SpodOrdersTest::submit);
        String since = spod().get("/spod/orders/{id}", mine.get(0)).then().extract().path("updated");

        List<String> all = spod().queryParam("updated-since", since).queryParam("limit", 1000)
                .get("/spod/orders").then().statusCode(200).extract().path("external-order-id");
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size() + 2; offset += 2) {
            List<String> page = spod().queryParam("updated-since", since).queryParam("limit", 2)
                    .queryParam("offset", offset).get("/spod/orders").then().statusCode(200)
                    .body("size()", org.hamcrest.Matchers.lessThanOrEqualTo(2))
                    .extract().path("external-order-id");
            paged.addAll(page);
        }

        assertThat(paged).isEqualTo(all);
        assertThat(all).containsSubsequence(mine);
    }

    @Test
    void listingFiltersByState() {
        String id = newId();
        submit(id);
        advance(id, "{\"state\":\"failed\"}");

        List<String> failed = spod().queryParam("state", "failed").queryParam("limit", 1000)
                .get("/spod/orders").then().statusCode(200).extract().path("external-order-id");
        List<String> states = spod().queryParam("state", "failed").queryParam("limit", 1000)
                .get("/spod/orders").then().extract().path("state");

        assertThat(failed).contains(id);
        assertThat(states).containsOnly("failed");
    }

    @Test
    void badListParametersAreRefused() {
        spod().queryParam("limit", 0).get("/spod/orders").then().statusCode(400).body("message", containsString("limit"));
        spod().queryParam("limit", 1001).get("/spod/orders").then().statusCode(400);
        spod().queryParam("updated-since", "yesterday").get("/spod/orders").then()
                .statusCode(400).body("message", containsString("updated-since"));
        spod().queryParam("state", "shipped").get("/spod/orders").then().statusCode(400);
    }

    @Test
    void aSentOrderShowsItsShipmentsAndMovesUpdatedForward() {
        String id = newId();
        submit(id);
        String before = spod().get("/spod/orders/{id}", id).then().extract().path("updated");

        advance(id, """
                {"state": "sent", "shipments": [
                  {"carrier": "UPS", "trackingNumber": "1Z999AA10123456784",
                   "trackingUrl": "https://www.ups.com/track?tracknum=1Z999AA10123456784",
                   "items": [{"stockKeepingUnit": "812-4-2", "quantity": 1}]},
                  {"carrier": "UPS", "trackingNumber": "1Z999AA10123456785"}]}
                """);

        spod().get("/spod/orders/{id}", id).then()
                .statusCode(200)
                .body("state", equalTo("sent"))
                .body("shipments", hasSize(2))
                .body("shipments[0].carrier", equalTo("UPS"))
                .body("shipments[0].tracking-number", equalTo("1Z999AA10123456784"))
                .body("shipments[0].tracking-url", containsString("1Z999AA10123456784"))
                .body("shipments[0].sent-at", notNullValue())
                .body("shipments[0].items[0].stock-keeping-unit", equalTo("812-4-2"))
                .body("shipments[0].items[0].quantity", equalTo(1))
                .body("shipments[1].items[0].quantity", equalTo(2));
        String after = spod().get("/spod/orders/{id}", id).then().extract().path("updated");
        assertThat(Instant.parse(after)).isAfter(Instant.parse(before));
    }

    @Test
    void sentWithoutShipmentsGetsOneParcelWithEverything() {
        String id = newId();
        submit(id);

        advance(id, "{\"state\":\"sent\"}");

        spod().get("/spod/orders/{id}", id).then()
                .body("shipments", hasSize(1))
                .body("shipments[0].tracking-number", org.hamcrest.Matchers.startsWith("1Z"))
                .body("shipments[0].items[0].quantity", equalTo(2));
    }

    @Test
    void anOrderCanBeCanceledUntilItIsSent() {
        String acknowledged = newId();
        String confirmed = newId();
        submit(acknowledged);
        submit(confirmed);
        advance(confirmed, "{\"state\":\"confirmed\"}");

        spod().post("/spod/orders/{id}/cancel", acknowledged).then().statusCode(200).body("state", equalTo("canceled"));
        spod().post("/spod/orders/{id}/cancel", confirmed).then().statusCode(200);
        spod().get("/spod/orders/{id}", confirmed).then().body("state", equalTo("canceled"));
    }

    @Test
    void aSentOrderCannotBeCanceled() {
        String id = newId();
        submit(id);
        advance(id, "{\"state\":\"sent\"}");

        spod().post("/spod/orders/{id}/cancel", id).then()
                .statusCode(400)
                .body("message", containsString("sent"))
                .body("retryable", equalTo(false));
        spod().get("/spod/orders/{id}", id).then().body("state", equalTo("sent"));
    }

    @Test
    void cancellingAnUnknownOrderIsNotFound() {
        spod().post("/spod/orders/{id}/cancel", newId()).then().statusCode(404);
    }

    @Test
    void aCanceledOrderCannotBeAdvanced() {
        String id = newId();
        submit(id);
        spod().post("/spod/orders/{id}/cancel", id).then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"state\":\"sent\"}")
                .post("/_sandbox/spod/orders/{id}/advance", id).then().statusCode(409);
    }

    @Test
    void theControlListShowsEveryOrder() {
        String id = newId();
        submit(id);

        List<String> ids = given().get("/_sandbox/spod/orders").then().statusCode(200)
                .extract().path("external-order-id");
        assertThat(ids).contains(id);
    }
}
