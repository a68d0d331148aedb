package io.fulfillmenthub.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook the hub accepted is never lost, even when the hub misreads it. Spresso sends Kosovo as
 * {@code XKX}, a code ISO 3166 leaves to its users, so today's mapper refuses the order: ingest has
 * already answered 2xx (Spresso will not send it again), and the connector dead-letters it, naming the
 * field. The operator fixes the mapper ({@code hub.spresso.country-aliases=XKX=XK}, a redeploy of the
 * connector) and replays the order's dead letters: the hub then has the order, exactly once.
 */
class MisreadWebhookSystemTest {

    private static final Duration FLOW = Duration.ofSeconds(90);

    private static HubStack hub;

    @BeforeAll
    static void startTheHub() {
        hub = SystemStack.get();
    }

    @Test
    void aWebhookTheMapperRefusedGivesExactlyOneOrderOnceTheMapperIsFixedAndItIsReplayed() throws Exception {
        JsonPath placed = given().baseUri(hub.url(HubService.SANDBOX)).contentType(ContentType.JSON)
                .body(Map.of(
                        "lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1)),
                        "fulfillments", List.of(List.of(0)),
                        "shippingAddress", Map.of("firstName", "Arta", "lastName", "Krasniqi",
                                "addressLine1", "Rruga Agim Ramadani 15", "addressLine2", "", "city", "Prishtina",
                                "state", "", "postalCode", "10000", "country", "XKX", "telephoneNumber", "+383 44 123 456"),
                        "times", 1))
                .post("/_sandbox/spresso/orders").then().statusCode(201).extract().jsonPath();
        String hubOrderId = "spresso:" + placed.getString("order.id");
        assertThat(placed.getList("webhook.deliveries.status", Integer.class)).as("ingest accepted the webhook")
                .singleElement().satisfies(status -> assertThat(status).isBetween(200, 299));

        // today's mapper refuses it: a contract dead letter under its order id that names the field
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> letters = deadLetters(hubOrderId);
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter).containsEntry("group", "storefront-connector").containsEntry("kind", "contract");
                assertThat(letter.get("reason") + " " + letter.get("cause")).contains("order.shippingAddress.country 'XKX'");
            });
        });
        operations().get("/orders/{id}", hubOrderId).then().statusCode(404);

        // the fix: the connector, redeployed, reads XKX as Kosovo's XK
        hub.stop(HubService.STOREFRONT_CONNECTOR);
        hub.configure(HubService.STOREFRONT_CONNECTOR, Map.of("hub.spresso.country-aliases", "XKX=XK"));
        hub.start(HubService.STOREFRONT_CONNECTOR);
        operations().contentType(ContentType.JSON).body(Map.of("order", hubOrderId))
                .post("/dead-letters/replay").then().statusCode(200);

        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                operations().get("/orders/{id}", hubOrderId).then().statusCode(200));
        Ledger.throughQuietPeriod("one order from the replayed webhook").untilAsserted(() -> {
            JsonPath order = operations().get("/orders/{id}", hubOrderId).then().statusCode(200).extract().jsonPath();
            assertThat(Set.copyOf(order.getList("timeline.findAll { it.cause.type == '" + MessageTypes.ORDER_PLACED.ceType()
                    + "' }.cause.id", String.class))).as("order-placed facts applied").hasSize(1);
            assertThat(deadLetters(hubOrderId)).as("the order's dead letters").singleElement()
                    .satisfies(letter -> assertThat(letter).containsEntry("replayed", true));
        });
    }

    private static List<Map<String, Object>> deadLetters(String hubOrderId) {
        return operations().queryParam("order", hubOrderId).get("/dead-letters").then().statusCode(200)
                .extract().jsonPath().getList("deadLetters");
    }

    private static io.restassured.specification.RequestSpecification operations() {
        return given().baseUri(hub.url(HubService.ORCHESTRATOR)).auth().oauth2(hub.operations().operatorToken());
    }
}
