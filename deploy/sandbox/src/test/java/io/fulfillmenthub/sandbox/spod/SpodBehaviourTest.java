package io.fulfillmenthub.sandbox.spod;

import static io.fulfillmenthub.sandbox.support.SandboxApis.spod;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What SPOD leaves undocumented, chosen through {@code /_sandbox/spod/behaviour}. */
@QuarkusTest
class SpodBehaviourTest {

    @AfterEach
    void backToTheConfiguration() {
        given().delete("/_sandbox/spod/behaviour").then().statusCode(200);
    }

    private static void behave(String json) {
        given().contentType(ContentType.JSON).body(json).put("/_sandbox/spod/behaviour").then().statusCode(200);
    }

    private static void submit(String id) {
        spod().body(spodOrder(id)).post("/spod/orders").then().statusCode(201);
    }

    private static void advance(String id, String state) {
        given().contentType(ContentType.JSON).body("{\"state\": \"" + state + "\"}")
                .post("/_sandbox/spod/orders/{id}/advance", id).then().statusCode(200);
    }

    /** Three orders created a, b, c, then a changed and then c changed: by update b, a, c. */
    private static List<String> threeOrders() {
        String prefix = "spresso:" + UUID.randomUUID() + "/";
        List<String> ids = List.of(prefix + "a", prefix + "b", prefix + "c");
        ids.forEach(SpodBehaviourTest::submit);
        advance(ids.get(0), "confirmed");
        advance(ids.get(2), "confirmed");
        return ids;
    }

    private static List<String> listedSince(String since) {
        return spod().queryParam("updated-since", since).queryParam("limit", 1000).get("/spod/orders").then()
                .statusCode(200).extract().path("external-order-id");
    }

    private static String created(String id) {
        return spod().get("/spod/orders/{id}", id).then().extract().path("created");
    }

    @Test
    void theListIsSortedByUpdatedByCreatedOrNewestFirstAsChosen() {
        List<String> ids = threeOrders();
        String a = ids.get(0);
        String b = ids.get(1);
        String c = ids.get(2);
        String since = created(a);

        assertThat(listedSince(since)).containsSubsequence(b, a, c);
        behave("{\"listOrder\": \"created\"}");
        assertThat(listedSince(since)).containsSubsequence(a, b, c);
        behave("{\"listOrder\": \"newest-first\"}");
        assertThat(listedSince(since)).containsSubsequence(c, a, b);
    }

    @Test
    void pagesByOffsetFollowTheChosenOrderWithoutGapsOrRepeats() {
        List<String> ids = threeOrders();
        behave("{\"listOrder\": \"newest-first\"}");
        String since = created(ids.get(0));
        List<String> all = listedSince(since);

        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 2) {
            paged.addAll(spod().queryParam("updated-since", since).queryParam("limit", 2).queryParam("offset", offset)
                    .get("/spod/orders").then().statusCode(200).extract().<List<String>>path("external-order-id"));
        }

        assertThat(paged).isEqualTo(all);
    }

    @Test
    void theListCanComeWrappedInAnObject() {
        String id = "spresso:" + UUID.randomUUID() + "/f-1";
        submit(id);
        behave("{\"listShape\": \"object\"}");

        JsonPath answer = spod().queryParam("updated-since", created(id)).queryParam("limit", 5).get("/spod/orders")
                .then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("orders.external-order-id", String.class)).contains(id);
        assertThat(answer.getInt("limit")).isEqualTo(5);
        assertThat(answer.getInt("offset")).isZero();
    }

    @Test
    void aConfirmedOrderCanBeRefusedCancellationAsInProduction() {
        String id = "spresso:" + UUID.randomUUID() + "/f-1";
        submit(id);
        advance(id, "confirmed");
        behave("{\"cancelConfirmed\": false}");

        spod().post("/spod/orders/{id}/cancel", id).then()
                .statusCode(400)
                .body("message", containsString("in production"))
                .body("retryable", equalTo(false));
        spod().get("/spod/orders/{id}", id).then().body("state", equalTo("confirmed"));
    }

    @Test
    void theShippingCountriesAreTheConfiguredOnesUntilChanged() {
        List<String> served = spod().get("/spod/shipping-countries").then().statusCode(200)
                .extract().path("country-code");
        assertThat(served).contains("US", "GB", "DE").doesNotContain("BR");

        behave("{\"shippingCountries\": [\"us\", \"BR\"]}");

        assertThat(spod().get("/spod/shipping-countries").then().statusCode(200).extract()
                .<List<String>>path("country-code")).containsExactly("BR", "US");
    }

    @Test
    void anUnknownChoiceIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"listOrder\": \"random\"}").put("/_sandbox/spod/behaviour").then()
                .statusCode(400).body("message", containsString("listOrder"));
        given().contentType(ContentType.JSON).body("{\"shippingCountries\": [\"USA\"]}").put("/_sandbox/spod/behaviour")
                .then().statusCode(400).body("message", containsString("shippingCountries"));
    }
}
