package io.fulfillmenthub.sandbox.lightspeed;

import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.CLIENT_SECRET;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.createSale;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.form;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.lightspeed;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.payload;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.saleRequest;
import static io.fulfillmenthub.sandbox.lightspeed.LightspeedTestSupport.webhooksOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.fulfillmenthub.sandbox.support.SandboxFaults;
import io.fulfillmenthub.sandbox.support.TestLightspeedReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sale.update on every change, signed and form-encoded; the till's hand-over; held create answers. */
@QuarkusTest
class LightspeedWebhooksTest {

    @BeforeEach
    void freshStore() {
        LightspeedTestSupport.reset();
    }

    @Test
    void everyChangeSendsASignedFormEncodedSaleUpdateWithTheSaleAsPayload() throws Exception {
        String sale = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        Awaitility.await().until(() -> webhooksOf(sale).size() == 1);
        lightspeed().body("{\"fulfillment_type\": \"PICKED_UP\"}").post("/lightspeed/api/2.0/sales/" + sale + "/fulfill").then().statusCode(200);
        Awaitility.await().until(() -> webhooksOf(sale).size() == 2);

        List<TestLightspeedReceiver.Received> received = webhooksOf(sale);
        TestLightspeedReceiver.Received created = received.get(0);
        assertThat(created.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(created.signature()).isEqualTo("signature=" + hmac(created.body(), CLIENT_SECRET) + ",algorithm=HMAC-SHA256");
        Map<String, String> fields = form(created.body());
        assertThat(fields).containsEntry("type", "sale.update").containsEntry("domain_prefix", "hubstore")
                .containsEntry("environment", "prod").containsKey("retailer_id");
        assertThat(payload(created).path("status").asText()).isEqualTo("AWAITING_PICKUP");
        assertThat(payload(created).path("source_id").asText()).isEqualTo("spresso:ord_1:ful_2");
        assertThat(payload(received.get(1)).path("status").asText()).isEqualTo("PICKED_UP_CLOSED");
        assertThat(payload(received.get(1)).path("version").asLong()).isGreaterThan(payload(created).path("version").asLong());
        assertThat(received.get(1).signature()).isEqualTo("signature=" + hmac(received.get(1).body(), CLIENT_SECRET) + ",algorithm=HMAC-SHA256");
    }

    @Test
    void aHandoverAtTheTillClosesTheSaleAndSendsTheWebhookAsOftenAsAsked() {
        String pickup = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        String delivery = createSale("register-sale-delivery.json", "spresso:ord_1:ful_3");
        Awaitility.await().until(() -> webhooksOf(pickup).size() == 1 && webhooksOf(delivery).size() == 1);

        given().contentType("application/json").body("{\"times\": 2}").post("/_sandbox/lightspeed/sales/" + pickup + "/handover")
                .then().statusCode(200).body("sale.status", equalTo("PICKED_UP_CLOSED"))
                .body("fulfillments[0].fulfillment_type", equalTo("PICKED_UP"))
                .body("changes[1].action", equalTo("fulfilled")).body("changes[1].by", equalTo("till"))
                .body("webhooks[1].deliveries", hasSize(2)).body("webhooks[1].deliveries[1].answered", equalTo(200));
        given().contentType("application/json").body("{\"notify\": false}").post("/_sandbox/lightspeed/sales/" + delivery + "/handover")
                .then().statusCode(200).body("sale.status", equalTo("DISPATCHED_CLOSED"))
                .body("webhooks[1].deliveries[0].fault", equalTo("not sent (notify: false)"));

        assertThat(webhooksOf(pickup)).hasSize(3);
        assertThat(payload(webhooksOf(pickup).get(2)).path("status").asText()).isEqualTo("PICKED_UP_CLOSED");
        assertThat(webhooksOf(delivery)).hasSize(1);
        lightspeed().get("/lightspeed/api/2.0/sales/" + delivery + "/fulfillments").then().body("data[0].fulfillment_type", equalTo("SHIPPED"));

        given().contentType("application/json").body("{}").post("/_sandbox/lightspeed/sales/" + pickup + "/handover").then().statusCode(409);
        given().contentType("application/json").body("{\"times\": 0}").post("/_sandbox/lightspeed/sales/" + pickup + "/handover")
                .then().statusCode(400);
        given().contentType("application/json").body("{}").post("/_sandbox/lightspeed/sales/no-such-sale/handover").then().statusCode(404);
    }

    @Test
    void aHeldCreateMakesTheSaleButAnswersOnlyWhenReleased() {
        given().contentType("application/json").body("{\"sourceId\": \"spresso:ord_9:ful_1\"}").post("/_sandbox/lightspeed/hold-creates")
                .then().statusCode(200).body("pending", equalTo(1));

        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() ->
                lightspeed().body(saleRequest("register-sale-pickup.json", "spresso:ord_9:ful_1")).post("/lightspeed/api/register_sales"));
        Awaitility.await().until(() -> given().queryParam("source_id", "spresso:ord_9:ful_1").get("/_sandbox/lightspeed/sales")
                .then().extract().path("[0].createAnswer") instanceof String held && held.equals("held"));
        assertThat(answer).isNotDone();

        given().post("/_sandbox/lightspeed/release-creates").then().statusCode(200).body("released", equalTo(1));

        Response released = answer.join();
        assertThat(released.statusCode()).isEqualTo(200);
        String id = released.path("register_sale.id");
        given().get("/_sandbox/lightspeed/sales/" + id).then().body("createAnswer", equalTo("released"));
        // another create is not held
        createSale("register-sale-pickup.json", "spresso:ord_9:ful_1");
    }

    @Test
    void theWebhookFaultsApplyToSaleUpdatesAndTheSandboxWideResetForgetsTheStore() {
        String pickup = createSale("register-sale-pickup.json", "spresso:ord_1:ful_2");
        String delivery = createSale("register-sale-delivery.json", "spresso:ord_1:ful_3");
        Awaitility.await().until(() -> webhooksOf(pickup).size() == 1 && webhooksOf(delivery).size() == 1);
        try {
            SandboxFaults.addFault(Map.of("vendor", "lightspeed", "kind", "drop-webhooks", "count", 1));
            given().contentType("application/json").body("{}").post("/_sandbox/lightspeed/sales/" + pickup + "/handover")
                    .then().statusCode(200).body("webhooks[1].deliveries[0].fault", equalTo("dropped"));
            SandboxFaults.addFault(Map.of("vendor", "lightspeed", "kind", "duplicate-webhooks", "count", 1));
            given().contentType("application/json").body("{}").post("/_sandbox/lightspeed/sales/" + delivery + "/handover")
                    .then().statusCode(200).body("webhooks[1].deliveries", hasSize(2))
                    .body("webhooks[1].deliveries[0].fault", equalTo("duplicated"));
        } finally {
            SandboxFaults.clearFaults();
        }
        assertThat(webhooksOf(pickup)).hasSize(1);
        assertThat(webhooksOf(delivery)).hasSize(3);

        given().post("/_sandbox/reset").then().statusCode(204);
        given().get("/_sandbox/lightspeed/sales/" + pickup).then().statusCode(404);
    }

    private static String hmac(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
