package io.fulfillmenthub.sandbox.squarespace;

import static io.fulfillmenthub.sandbox.squarespace.SquarespaceOrdersApiTest.assertErrorObject;
import static io.fulfillmenthub.sandbox.support.SandboxApis.SQUARESPACE_WEBHOOK_SECRET;
import static io.fulfillmenthub.sandbox.support.SandboxApis.squarespace;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.addFault;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.clearFaults;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.sandbox.support.TestSquarespaceReceiver;
import io.fulfillmenthub.sandbox.support.TestSquarespaceReceiver.Received;
import io.fulfillmenthub.sandbox.support.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The signed {@code order.create}/{@code order.update} notifications and the webhook subscriptions. */
@QuarkusTest
class SquarespaceNotificationsTest {

    private static final String SUBSCRIPTIONS = "/squarespace/1.0/webhook_subscriptions";

    @AfterEach
    void back() {
        clearFaults();
        given().post("/_sandbox/reset").then().statusCode(204);
    }

    @Test
    void aCheckoutNotifiesTheHubOnceSignedWithTheHexDecodedSecretInTheDocumentedShape() throws Exception {
        JsonPath created = create(Map.of("lines", List.of(Map.of("sku", "TEE", "quantity", 1))));
        String orderId = created.getString("order.order.id");

        List<Received> received = receivedFor(orderId);
        assertThat(received).hasSize(1);
        Received delivery = received.get(0);
        assertThat(delivery.signature()).isEqualTo(hexHmac(delivery.body(), HexFormat.of().parseHex(SQUARESPACE_WEBHOOK_SECRET)));
        assertThat(delivery.signature()).isNotEqualTo(hexHmac(delivery.body(), SQUARESPACE_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(delivery.userAgent()).isEqualTo("Squarespace/1.0");
        assertThat(delivery.contentType()).startsWith("application/json");
        JsonNode body = VendorFixtures.parse(new String(delivery.body(), StandardCharsets.UTF_8));
        assertThat(fieldNames(body)).containsExactly("id", "websiteId", "subscriptionId", "topic", "createdOn", "data");
        assertThat(body.path("topic").asText()).isEqualTo("order.create");
        assertThat(fieldNames(body.path("data"))).containsExactly("orderId");
        assertThat(created.getString("notifications[0].id")).isEqualTo(body.path("id").asText());
        assertThat(created.getList("notifications[0].deliveries.status")).containsExactly(200);
    }

    @Test
    void aNotificationCanBeDeliveredSeveralTimesDroppedOrHeldUntilTheOrdersNextOne() {
        String thrice = create(Map.of("times", 3, "lines", List.of(Map.of("sku", "TEE", "quantity", 1)))).getString("order.order.id");
        List<Received> three = receivedFor(thrice);
        assertThat(three).hasSize(3);
        assertThat(three).allSatisfy(r -> assertThat(r.body()).isEqualTo(three.get(0).body()));

        JsonPath dropped = create(Map.of("notify", false, "lines", List.of(Map.of("sku", "TEE", "quantity", 1))));
        assertThat(receivedFor(dropped.getString("order.order.id"))).isEmpty();
        assertThat(dropped.getList("notifications[0].deliveries.fault")).containsExactly("dropped");

        String held = create(Map.of("hold", true, "lines", List.of(Map.of("sku", "TEE", "quantity", 1)))).getString("order.order.id");
        assertThat(receivedFor(held)).isEmpty();
        given().contentType("application/json").post("/_sandbox/squarespace/orders/" + held + "/cancel").then().statusCode(200)
                .body("order.order.fulfillmentStatus", equalTo("CANCELED"));
        List<JsonNode> inOrder = receivedFor(held).stream()
                .map(r -> VendorFixtures.parse(new String(r.body(), StandardCharsets.UTF_8))).toList();
        assertThat(inOrder).extracting(n -> n.path("topic").asText()).containsExactly("order.update", "order.create");
        assertThat(inOrder.get(0).path("data").path("update").asText()).isEqualTo("CANCELED");
        assertThat(SquarespaceFulfillmentsTest.view(held).getList("notifications[0].deliveries.fault")).containsExactly("held", "reordered");
    }

    @Test
    void aChangeInTheAdminChangesTheOrderAndNotifiesOrderUpdateWithItsUpdate() {
        String orderId = create(Map.of("paymentState", "PENDING", "lines", List.of(Map.of("sku", "TEE", "quantity", 2))))
                .getString("order.order.id");
        String createdModifiedOn = SquarespaceFulfillmentsTest.view(orderId).getString("order.modifiedOn");

        given().contentType("application/json").body(Map.of("update", "MARKED_PENDING", "paymentState", "PAID"))
                .post("/_sandbox/squarespace/orders/" + orderId + "/update").then().statusCode(200)
                .body("order.order.paymentState", equalTo("PAID"));
        given().contentType("application/json").body(Map.of("update", "REFUNDED"))
                .post("/_sandbox/squarespace/orders/" + orderId + "/update").then().statusCode(200)
                .body("order.order.refundedTotal.value", equalTo("38.00"));

        squarespace().get("/squarespace/1.0/commerce/orders/" + orderId).then().statusCode(200)
                .body("paymentState", equalTo("PAID")).body("refundedTotal.value", equalTo("38.00"))
                .body("modifiedOn", not(equalTo(createdModifiedOn)));
        assertThat(receivedFor(orderId).stream().map(r -> VendorFixtures.parse(new String(r.body(), StandardCharsets.UTF_8)))
                .map(n -> n.path("data").path("update").asText("")).toList())
                .containsExactly("", "MARKED_PENDING", "REFUNDED");
        given().contentType("application/json").body(Map.of("update", "SHIPPED"))
                .post("/_sandbox/squarespace/orders/" + orderId + "/update").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("update"));
    }

    @Test
    void theSharedWebhookFaultsApplyToSquarespace() {
        addFault(Map.of("vendor", "squarespace", "kind", "duplicate-webhooks", "count", 1));
        String orderId = create(Map.of("lines", List.of(Map.of("sku", "TEE", "quantity", 1)))).getString("order.order.id");
        assertThat(receivedFor(orderId)).hasSize(2);
    }

    @Test
    void aFulfilledOrderNotifiesOrderUpdateFulfilled() {
        String orderId = create(Map.of("lines", List.of(Map.of("sku", "TEE", "quantity", 1)))).getString("order.order.id");
        SquarespaceFulfillmentsTest.fulfil(orderId, VendorFixtures.text("squarespace/fulfill-order-request.json")).then().statusCode(204);

        Awaitility.await().until(() -> receivedFor(orderId).stream()
                .map(r -> VendorFixtures.parse(new String(r.body(), StandardCharsets.UTF_8)))
                .anyMatch(n -> "FULFILLED".equals(n.path("data").path("update").asText())));
    }

    @Test
    void subscriptionsAreListedWithoutSecretsCreatedAndRotatedWithOne() throws Exception {
        squarespace().get(SUBSCRIPTIONS).then().statusCode(200)
                .body("webhookSubscriptions[0].topics", equalTo(List.of("order.create", "order.update")))
                .body("webhookSubscriptions[0]", not(hasKey("secret")));
        String endpoint = "http://localhost:" + io.restassured.RestAssured.port + "/test-receiver/squarespace";
        JsonPath created = squarespace().body(Map.of("endpointUrl", endpoint, "topics", List.of("order.create")))
                .post(SUBSCRIPTIONS).then().statusCode(201).extract().jsonPath();
        String subscriptionId = created.getString("id");
        String secret = created.getString("secret");
        assertThat(secret).matches("[0-9A-F]{64}");

        String first = create(Map.of("lines", List.of(Map.of("sku", "TEE", "quantity", 1)))).getString("order.order.id");
        Received toNew = onlyFrom(subscriptionId, first);
        assertThat(toNew.signature()).isEqualTo(hexHmac(toNew.body(), HexFormat.of().parseHex(secret)));

        String rotated = squarespace().post(SUBSCRIPTIONS + "/" + subscriptionId + "/actions/rotateSecret").then().statusCode(200)
                .extract().path("secret");
        assertThat(rotated).matches("[0-9A-F]{64}").isNotEqualTo(secret);
        String second = create(Map.of("lines", List.of(Map.of("sku", "TEE", "quantity", 1)))).getString("order.order.id");
        Received afterRotation = onlyFrom(subscriptionId, second);
        assertThat(afterRotation.signature()).isEqualTo(hexHmac(afterRotation.body(), HexFormat.of().parseHex(rotated)));

        assertErrorObject(squarespace().post(SUBSCRIPTIONS + "/no-such-subscription/actions/rotateSecret").then().statusCode(404));
        assertErrorObject(squarespace().body(Map.of("topics", List.of("order.create"))).post(SUBSCRIPTIONS).then().statusCode(400))
                .body("subtype", equalTo("MISSING_ARGUMENT"));
        assertErrorObject(squarespace().body(Map.of("endpointUrl", endpoint, "topics", List.of("order.shipped")))
                .post(SUBSCRIPTIONS).then().statusCode(400)).body("subtype", equalTo("INVALID_ARGUMENT"));
    }

    private static JsonPath create(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/_sandbox/squarespace/orders").then().statusCode(201)
                .extract().jsonPath();
    }

    private static List<Received> receivedFor(String orderId) {
        return TestSquarespaceReceiver.received().stream()
                .filter(r -> orderId.equals(VendorFixtures.parse(new String(r.body(), StandardCharsets.UTF_8))
                        .path("data").path("orderId").asText()))
                .toList();
    }

    private static Received onlyFrom(String subscriptionId, String orderId) {
        List<Received> from = receivedFor(orderId).stream()
                .filter(r -> subscriptionId.equals(VendorFixtures.parse(new String(r.body(), StandardCharsets.UTF_8))
                        .path("subscriptionId").asText()))
                .toList();
        assertThat(from).hasSize(1);
        return from.get(0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String hexHmac(byte[] body, byte[] key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
