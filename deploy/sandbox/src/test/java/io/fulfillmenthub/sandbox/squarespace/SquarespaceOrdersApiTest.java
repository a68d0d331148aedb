package io.fulfillmenthub.sandbox.squarespace;

import static io.fulfillmenthub.sandbox.support.SandboxApis.SQUARESPACE_API_KEY;
import static io.fulfillmenthub.sandbox.support.SandboxApis.createSquarespaceOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.squarespace;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /squarespace/1.0/commerce/orders[/{id}]} and the rules every Squarespace request follows. */
@QuarkusTest
class SquarespaceOrdersApiTest {

    private static final String ORDERS = "/squarespace/1.0/commerce/orders";

    @Test
    void everyRequestNeedsAUserAgentAndTheBearerKeyAndIsRefusedInSquarespacesErrorObject() {
        String id = createSquarespaceOrder(Map.of("lines", List.of(Map.of("sku", "TEE", "quantity", 1)), "notify", false));

        assertErrorObject(given().header("User-Agent", "").auth().oauth2(SQUARESPACE_API_KEY).get(ORDERS + "/" + id).then().statusCode(400))
                .body("message", containsString("User-Agent"));
        assertErrorObject(given().header("User-Agent", "hub/test").get(ORDERS + "/" + id).then().statusCode(401))
                .body("message", containsString("Authorization"));
        assertErrorObject(given().header("User-Agent", "hub/test").auth().oauth2("not-the-key").get(ORDERS + "/" + id)
                .then().statusCode(401));
        squarespace().get(ORDERS + "/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void anOrderIsReadAsDocumentedWithoutAPaymentFieldUnlessTheScenarioAsksForOne() {
        String id = createSquarespaceOrder(Map.of("notify", false, "customerEmail", "ada@example.com", "orderNumber", "1042",
                "lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 2, "unitPrice", "19.50", "productName", "Black tee"),
                        Map.of("sku", "GIFT-CARD", "quantity", 1, "lineItemType", "GIFT_CARD"))));

        squarespace().get(ORDERS + "/" + id).then().statusCode(200)
                .body("orderNumber", equalTo("1042"))
                .body("customerEmail", equalTo("ada@example.com"))
                .body("fulfillmentStatus", equalTo("PENDING"))
                .body("createdOn", notNullValue())
                .body("modifiedOn", notNullValue())
                .body("lineItems[0].sku", equalTo("TEE-BLK-M"))
                .body("lineItems[0].productName", equalTo("Black tee"))
                .body("lineItems[0].quantity", equalTo(2))
                .body("lineItems[0].unitPricePaid.value", equalTo("19.50"))
                .body("lineItems[0].unitPricePaid.currency", equalTo("USD"))
                .body("lineItems[0].lineItemType", equalTo("PHYSICAL_PRODUCT"))
                .body("lineItems[0].variantId", notNullValue())
                .body("lineItems[1].lineItemType", equalTo("GIFT_CARD"))
                .body("shippingAddress.countryCode", equalTo("US"))
                .body("grandTotal.value", equalTo("58.00"))
                .body("refundedTotal.value", equalTo("0.00"))
                .body("fulfillments", equalTo(List.of()))
                .body("fulfilledOn", nullValue())
                .body("$", not(hasKey("paymentState")));

        String pending = createSquarespaceOrder(Map.of("notify", false, "paymentState", "PENDING",
                "lines", List.of(Map.of("sku", "TEE", "quantity", 1))));
        squarespace().get(ORDERS + "/" + pending).then().statusCode(200).body("paymentState", equalTo("PENDING"));
    }

    @Test
    void anUnknownOrderIs404() {
        assertErrorObject(squarespace().get(ORDERS + "/000000000000000000000000").then().statusCode(404))
                .body("type", equalTo("INVALID_REQUEST_ERROR")).body("subtype", equalTo("INVALID_ARGUMENT"));
    }

    @Test
    void theListingTakesBothDatesOrACursorAloneAndNamesTheParameterOtherwise() {
        String now = Instant.now().toString();
        assertErrorObject(squarespace().queryParam("modifiedAfter", now).get(ORDERS).then().statusCode(400))
                .body("message", containsString("modifiedBefore"));
        assertErrorObject(squarespace().queryParam("modifiedBefore", now).get(ORDERS).then().statusCode(400))
                .body("message", containsString("modifiedAfter"));
        assertErrorObject(squarespace().queryParam("modifiedAfter", now).queryParam("modifiedBefore", now)
                .queryParam("cursor", "abc").get(ORDERS).then().statusCode(400)).body("message", containsString("cursor"));
        assertErrorObject(squarespace().queryParam("cursor", "not-a-cursor").get(ORDERS).then().statusCode(400))
                .body("message", containsString("cursor"));
        assertErrorObject(squarespace().queryParam("modifiedAfter", "yesterday").queryParam("modifiedBefore", now)
                .get(ORDERS).then().statusCode(400)).body("message", containsString("modifiedAfter"));
        assertErrorObject(squarespace().queryParam("fulfillmentStatus", "SHIPPED").get(ORDERS).then().statusCode(400))
                .body("message", containsString("fulfillmentStatus"));
    }

    @Test
    void aWindowIsListed50APageByModificationTimeAndTheCursorAloneGivesTheRest() {
        Instant before = Instant.now().minusMillis(1);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 53; i++) {
            created.add(createSquarespaceOrder(Map.of("notify", false, "lines", List.of(Map.of("sku", "MUG", "quantity", 1)))));
        }
        String after = Instant.now().plusSeconds(1).toString();

        JsonPath first = squarespace().queryParam("modifiedAfter", before.toString()).queryParam("modifiedBefore", after)
                .get(ORDERS).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("result")).hasSize(50);
        assertThat(first.getBoolean("pagination.hasNextPage")).isTrue();
        String cursor = first.getString("pagination.nextPageCursor");
        assertThat(first.getString("pagination.nextPageUrl")).contains("cursor=" + cursor);

        List<String> seen = new ArrayList<>(first.getList("result.id"));
        List<String> modified = new ArrayList<>(first.getList("result.modifiedOn"));
        while (cursor != null) {
            JsonPath page = squarespace().queryParam("cursor", cursor).get(ORDERS).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("result.id"));
            modified.addAll(page.getList("result.modifiedOn"));
            cursor = page.getBoolean("pagination.hasNextPage") ? page.getString("pagination.nextPageCursor") : null;
        }
        assertThat(seen).containsAll(created).doesNotHaveDuplicates();
        assertThat(modified.stream().map(Instant::parse).toList()).isSorted();

        String one = created.iterator().next();
        given().contentType("application/json").post("/_sandbox/squarespace/orders/" + one + "/cancel").then().statusCode(200);
        List<String> cancelled = squarespace().queryParam("modifiedAfter", before.toString()).queryParam("modifiedBefore", after)
                .queryParam("fulfillmentStatus", "CANCELED").get(ORDERS).then().statusCode(200).extract().path("result.id");
        assertThat(cancelled).contains(one).doesNotContainAnyElementsOf(created.stream().filter(id -> !id.equals(one)).toList());
    }

    @Test
    void aWindowExcludesOrdersModifiedOutsideIt() {
        String id = createSquarespaceOrder(Map.of("notify", false, "lines", List.of(Map.of("sku", "MUG", "quantity", 1))));
        String modifiedOn = squarespace().get(ORDERS + "/" + id).then().extract().path("modifiedOn");
        Instant at = Instant.parse(modifiedOn);

        List<String> later = squarespace().queryParam("modifiedAfter", at.toString())
                .queryParam("modifiedBefore", at.plusSeconds(60).toString()).get(ORDERS).then().statusCode(200).extract().path("result.id");
        List<String> around = squarespace().queryParam("modifiedAfter", at.minusMillis(1).toString())
                .queryParam("modifiedBefore", at.plusMillis(1).toString()).get(ORDERS).then().statusCode(200).extract().path("result.id");
        assertThat(later).doesNotContain(id);
        assertThat(around).contains(id);
    }

    static ValidatableResponse assertErrorObject(ValidatableResponse response) {
        return response.contentType(containsString("application/json"))
                .body("$", hasKey("type")).body("$", hasKey("subtype")).body("$", hasKey("message"))
                .body("$", hasKey("details")).body("contextId", notNullValue());
    }
}
