package io.fulfillmenthub.sandbox.lightspeed;

import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.createSale;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.lightspeed;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.saleRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.sandbox.support.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Register sales, the fulfil endpoint, the sale, its fulfillments and the change feed, as Lightspeed documents them. */
@QuarkusTest
class LightspeedSalesTest {

    @BeforeEach
    void freshStore() {
        LightspeedTestSupport.reset();
    }

    @Test
    void theDocumentedPickupAndDeliveryRequestsMakeSalesAwaitingPickupAndDispatch() {
        lightspeed().body(VendorFixtures.text("lightspeed/register-sale-pickup.json")).post("/lightspeed/api/register_sales")
                .then().statusCode(200)
                .body("register_sale.id", notNullValue())
                .body("register_sale.status", equalTo("AWAITING_PICKUP"))
                .body("register_sale.fulfillment_outlet_id", equalTo("02e60bb7-8d62-11e9-f4c2-b314f6a052d1"))
                .body("register_sale.register_sale_products", hasSize(1))
                .body("register_sale.register_sale_products[0].product_id", equalTo("b1d87b58-f019-11e3-a0f5-b8ca3a64f8f4"))
                .body("register_sale.register_sale_products[0].tax_id", equalTo("b1d192bc-f019-11e3-a0f5-b8ca3a64f8f4"))
                .body("register_sale.version", notNullValue());
        lightspeed().body(VendorFixtures.text("lightspeed/register-sale-delivery.json")).post("/lightspeed/api/register_sales")
                .then().statusCode(200).body("register_sale.status", equalTo("AWAITING_DISPATCH"));
    }

    @Test
    void creatingIsNotIdempotentTheSameRequestTwiceMakesTwoSalesBothFoundBySourceId() {
        String first = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        String second = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");

        assertThat(second).isNotEqualTo(first);
        given().queryParam("source_id", "spresso:ord_1:ful_2").get("/_sandbox/lightspeed/sales").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].sale.source_id", equalTo("spresso:ord_1:ful_2"))
                .body("[0].sale.source", equalTo("fulfillment-hub"));
    }

    @Test
    void aMissingOrIllTypedRequiredFieldIsRefused400NamingIt() {
        assertRefused(without("register_id"), "register_id");
        assertRefused(without("user_id"), "user_id");
        assertRefused(without("fulfillment_outlet_id"), "fulfillment_outlet_id");
        assertRefused(without("register_sale_products"), "register_sale_products");
        assertRefused(with("status", "\"CLOSED\""), "status");
        assertRefused(with("register_id", "42"), "register_id");
        assertRefused(line("quantity", "\"one\""), "register_sale_products[0].quantity");
        assertRefused(line("tax", null), "register_sale_products[0].tax");
        assertRefused(line("tax_id", null), "register_sale_products[0].tax_id");
        assertRefused(line("price", "\"12\""), "register_sale_products[0].price");
        assertRefused("[1]", "body");
        given().get("/_sandbox/lightspeed/sales").then().body("$", hasSize(0));
    }

    @Test
    void fulfillingAPickupClosesTheSaleAndListsItsFulfillmentAndTheFeedShowsTheChange() {
        String pickup = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        String delivery = createSale("register-sale-delivery.json", "spresso:ord_1:ful_3");
        int before = lightspeed().get("/lightspeed/api/2.0/sales/" + pickup).then().statusCode(200).extract().path("data.version");

        lightspeed().body(VendorFixtures.text("lightspeed/fulfill-picked-up.json")).post("/lightspeed/api/2.0/sales/" + pickup + "/fulfill")
                .then().statusCode(200).body("data.sale_id", equalTo(pickup)).body("data.fulfillment_type", equalTo("PICKED_UP"));
        lightspeed().body(VendorFixtures.text("lightspeed/fulfill-shipped.json")).post("/lightspeed/api/2.0/sales/" + delivery + "/fulfill")
                .then().statusCode(200).body("data.fulfillment_type", equalTo("SHIPPED"));

        lightspeed().get("/lightspeed/api/2.0/sales/" + pickup).then().statusCode(200)
                .body("data.id", equalTo(pickup)).body("data.status", equalTo("PICKED_UP_CLOSED"))
                .body("data.source_id", equalTo("spresso:ord_1:ful_2"));
        lightspeed().get("/lightspeed/api/2.0/sales/" + delivery).then().body("data.status", equalTo("DISPATCHED_CLOSED"));
        lightspeed().get("/lightspeed/api/2.0/sales/" + pickup + "/fulfillments").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].fulfillment_type", equalTo("PICKED_UP")).body("data[0].sale_id", equalTo(pickup));

        List<String> changed = lightspeed().queryParam("after", before).queryParam("page_size", 10).get("/lightspeed/api/2.0/sales")
                .then().statusCode(200).extract().path("data.id");
        assertThat(changed).containsExactly(pickup, delivery);
        lightspeed().queryParam("after", before).queryParam("page_size", 1).get("/lightspeed/api/2.0/sales")
                .then().body("data", hasSize(1)).body("data[0].source_id", equalTo("spresso:ord_1:ful_2"));
        lightspeed().queryParam("page_size", 0).get("/lightspeed/api/2.0/sales").then().statusCode(400)
                .body("message", containsString("page_size"));
    }

    @Test
    void theWrongTypeAClosedOrVoidedSaleIsRefused422AndAnUnknownOne404() {
        String pickup = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");

        lightspeed().body("{\"fulfillment_type\": \"SHIPPED\"}").post("/lightspeed/api/2.0/sales/" + pickup + "/fulfill")
                .then().statusCode(422).body("error", notNullValue()).body("message", containsString("fulfillment_type"));
        lightspeed().body("{}").post("/lightspeed/api/2.0/sales/" + pickup + "/fulfill")
                .then().statusCode(400).body("message", containsString("fulfillment_type"));
        lightspeed().body("{\"fulfillment_type\": \"PICKED_UP\"}").post("/lightspeed/api/2.0/sales/" + pickup + "/fulfill").then().statusCode(200);
        lightspeed().body("{\"fulfillment_type\": \"PICKED_UP\"}").post("/lightspeed/api/2.0/sales/" + pickup + "/fulfill")
                .then().statusCode(422).body("message", containsString("PICKED_UP_CLOSED"));
        lightspeed().body("{\"fulfillment_type\": \"PICKED_UP\"}").post("/lightspeed/api/2.0/sales/no-such-sale/fulfill").then().statusCode(404);
        lightspeed().get("/lightspeed/api/2.0/sales/no-such-sale").then().statusCode(404).body("error", notNullValue());
    }

    @Test
    void anOpenSaleIsVoidedAHandedOverOneIsRefused422UnlessTheBehaviourAllowsIt() {
        String open = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        String handedOver = createSale("register-sale-delivery.json", "spresso:ord_1:ful_3");
        given().contentType("application/json").body("{}").post("/_sandbox/lightspeed/sales/" + handedOver + "/handover").then().statusCode(200);

        lightspeed().body(voidOf(open)).post("/lightspeed/api/register_sales").then().statusCode(200)
                .body("register_sale.id", equalTo(open)).body("register_sale.status", equalTo("VOIDED"));
        lightspeed().body("{\"fulfillment_type\": \"PICKED_UP\"}").post("/lightspeed/api/2.0/sales/" + open + "/fulfill").then().statusCode(422);
        lightspeed().body(voidOf(handedOver)).post("/lightspeed/api/register_sales").then().statusCode(422)
                .body("message", containsString("DISPATCHED_CLOSED"));
        lightspeed().body(voidOf("no-such-sale")).post("/lightspeed/api/register_sales").then().statusCode(404);

        given().contentType("application/json").body("{\"voidClosed\": \"allow\"}").put("/_sandbox/lightspeed/behaviour")
                .then().statusCode(200).body("voidClosed", equalTo("allow"));
        lightspeed().body(voidOf(handedOver)).post("/lightspeed/api/register_sales").then().statusCode(200)
                .body("register_sale.status", equalTo("VOIDED"));
        given().contentType("application/json").body("{\"voidClosed\": \"sometimes\"}").put("/_sandbox/lightspeed/behaviour")
                .then().statusCode(400).body("message", containsString("voidClosed"));
    }

    private static String voidOf(String id) {
        return "{\"id\": \"" + id + "\", \"status\": \"VOIDED\"}";
    }

    private static void assertRefused(String body, String field) {
        lightspeed().body(body).post("/lightspeed/api/register_sales").then().statusCode(400)
                .body("error", notNullValue()).body("message", containsString(field));
    }

    private static String without(String field) {
        ObjectNode sale = (ObjectNode) VendorFixtures.parse(saleRequest("register-sale-pickup.json", "spresso:ord_1:ful_2"));
        sale.remove(field);
        return sale.toString();
    }

    private static String with(String field, String json) {
        ObjectNode sale = (ObjectNode) VendorFixtures.parse(saleRequest("register-sale-pickup.json", "spresso:ord_1:ful_2"));
        sale.set(field, VendorFixtures.parse(json));
        return sale.toString();
    }

    private static String line(String field, String json) {
        ObjectNode sale = (ObjectNode) VendorFixtures.parse(saleRequest("register-sale-pickup.json", "spresso:ord_1:ful_2"));
        ObjectNode line = (ObjectNode) sale.withArray("register_sale_products").get(0);
        if (json == null) {
            line.remove(field);
        } else {
            line.set(field, VendorFixtures.parse(json));
        }
        return sale.toString();
    }
}
