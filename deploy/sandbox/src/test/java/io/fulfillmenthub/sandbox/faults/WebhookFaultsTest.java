package io.fulfillmenthub.sandbox.faults;

import static io.fulfillmenthub.sandbox.support.SandboxApis.placeSpressoOrder;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.addFault;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.clearFaults;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.support.TestSpressoReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook faults, seen at a stand-in for the hub's webhook endpoint. */
@QuarkusTest
class WebhookFaultsTest {

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void noFaultOutlivesItsTest() {
        clearFaults();
    }

    private static String newEventId(String what) {
        return "evt_" + what + "_" + System.nanoTime();
    }

    /** The eventIds the receiver got, of these events only, in the order they arrived. */
    private List<String> receivedOf(String... eventIds) {
        List<String> wanted = Arrays.asList(eventIds);
        return TestSpressoReceiver.received().stream().map(r -> eventId(r.body())).filter(wanted::contains).toList();
    }

    private String eventId(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node.path("eventId").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> order(String eventId, int times) {
        return Map.of("lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1)), "eventId", eventId, "times", times);
    }

    @Test
    void aDroppedDeliveryNeverReachesTheHubAndTheNextOneDoes() {
        addFault(Map.of("vendor", "spresso", "kind", "drop-webhooks", "count", 1));
        String eventId = newEventId("drop");

        placeSpressoOrder(order(eventId, 2)).statusCode(201)
                .body("webhook.deliveries.fault", equalTo(Arrays.asList("dropped", null)))
                .body("webhook.deliveries.status", equalTo(Arrays.asList(null, 200)));

        assertThat(receivedOf(eventId)).hasSize(1);
    }

    @Test
    void aDuplicatedDeliveryReachesTheHubTwiceWithTheSameBytes() {
        addFault(Map.of("vendor", "spresso", "kind", "duplicate-webhooks", "count", 1));
        String eventId = newEventId("duplicate");

        placeSpressoOrder(order(eventId, 1)).statusCode(201)
                .body("webhook.deliveries.attempt", equalTo(List.of(1, 1)))
                .body("webhook.deliveries.status", equalTo(List.of(200, 200)))
                .body("webhook.deliveries.fault", equalTo(List.of("duplicated", "duplicated")));

        List<TestSpressoReceiver.Received> both = TestSpressoReceiver.received().stream()
                .filter(r -> eventId.equals(eventId(r.body()))).toList();
        assertThat(both).hasSize(2);
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
        assertThat(both.get(1).signature()).isEqualTo(both.get(0).signature());
    }

    @Test
    void reorderedDeliveriesReachTheHubLatestFirstSoTheCancelComesBeforeTheOrder() {
        addFault(Map.of("vendor", "spresso", "kind", "reorder-webhooks", "count", 2));
        String placed = newEventId("placed");
        String cancelled = newEventId("cancelled");

        String orderId = placeSpressoOrder(order(placed, 1)).statusCode(201)
                .body("webhook.deliveries.fault", equalTo(List.of("held")))
                .extract().path("order.id");
        assertThat(receivedOf(placed)).isEmpty();
        given().contentType(ContentType.JSON).body(Map.of("eventId", cancelled))
                .post("/_sandbox/spresso/orders/{id}/cancel", orderId).then().statusCode(200)
                .body("webhook.deliveries.fault", equalTo(List.of("reordered")));

        assertThat(receivedOf(placed, cancelled)).containsExactly(cancelled, placed);
        given().get("/_sandbox/spresso/orders/{id}", orderId).then()
                .body("webhooks[0].deliveries.fault", equalTo(List.of("held", "reordered")))
                .body("webhooks[0].deliveries.status", equalTo(Arrays.asList(null, 200)));
    }

    @Test
    void clearingAReorderSendsWhatItHeld() {
        String reorder = addFault(Map.of("vendor", "spresso", "kind", "reorder-webhooks", "count", 3));
        String first = newEventId("first");
        String second = newEventId("second");
        placeSpressoOrder(order(first, 1)).statusCode(201);
        placeSpressoOrder(order(second, 1)).statusCode(201);
        given().get("/_sandbox/faults/{id}", reorder).then().body("holding", equalTo(2));
        assertThat(receivedOf(first, second)).isEmpty();

        given().delete("/_sandbox/faults").then().statusCode(204);

        assertThat(receivedOf(first, second)).containsExactly(second, first);
    }

    @Test
    void aResetForgetsHeldDeliveries() {
        addFault(Map.of("vendor", "spresso", "kind", "reorder-webhooks", "count", 2));
        String held = newEventId("held");
        placeSpressoOrder(order(held, 1)).statusCode(201);

        given().post("/_sandbox/reset").then().statusCode(204);
        String after = newEventId("after");
        placeSpressoOrder(order(after, 1)).statusCode(201).body("webhook.deliveries.fault", equalTo(Arrays.asList((Object) null)));

        assertThat(receivedOf(held, after)).containsExactly(after);
        given().get("/_sandbox/faults").then().body("$", org.hamcrest.Matchers.empty());
    }
}
