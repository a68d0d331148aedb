package io.fulfillmenthub.orchestrator.api;

import static io.fulfillmenthub.orchestrator.FactFixtures.AT;
import static io.fulfillmenthub.orchestrator.FactFixtures.fulfillment;
import static io.fulfillmenthub.orchestrator.FactFixtures.line;
import static io.fulfillmenthub.orchestrator.FactFixtures.orderPlaced;
import static io.fulfillmenthub.orchestrator.FactFixtures.quantity;
import static io.fulfillmenthub.orchestrator.FactFixtures.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fulfillmenthub.contracts.facts.FulfillmentRejected;
import io.fulfillmenthub.contracts.facts.FulfillmentSubmitted;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.FactFixtures;
import io.fulfillmenthub.orchestrator.OperationsTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Who may call the operations API: no token or a refused one is 401, a viewer reads but gets 403 on every action,
 * an operator acts, and the timeline names the operator. Errors in the API's JSON body, naming the header.
 */
@QuarkusTest
class OperationsAccessTest {

    /** Every read of the operations API. */
    private static final List<String> READS = List.of("/orders", "/orders/spresso:no-such-order", "/dead-letters",
            "/outbox/parked");

    /** Every action of the operations API, on things that do not exist: past the role check they are 404s. */
    private static final Map<String, String> ACTIONS = Map.of(
            "/orders/spresso:no-such-order/shipments/1Z999/delivered", "",
            "/orders/spresso:no-such-order/fulfillments/f-1/parcels/1Z999/assign", "{\"lines\": [{\"lineId\": \"var-1\", \"quantity\": 1}]}",
            "/orders/spresso:no-such-order/fulfillments/f-1/resubmit", "",
            "/orders/spresso:no-such-order/fulfillments/f-1/handover", "",
            "/dead-letters/999999999/replay", "",
            "/dead-letters/replay", "{\"order\": \"spresso:no-such-order\"}",
            "/outbox/parked/999999999/retry", "");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void withoutATokenEveryEndpointIs401NamingTheHeader() {
        for (String read : READS) {
            unauthorized(given().get(read).then()).body("message", containsString("needs a bearer token"));
        }
        for (String action : ACTIONS.keySet()) {
            unauthorized(given().body(ACTIONS.get(action)).post(action).then());
        }
    }

    @Test
    void anExpiredTokenOneOfAnotherIssuerOrKeyAndNoJwtAtAllAre401() throws NoSuchAlgorithmException {
        Set<String> both = Set.of(OperationsRoles.VIEWER, OperationsRoles.OPERATOR);
        String expired = Jwt.issuer(OperationsTokens.issuer()).subject("late").groups(both)
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
        String otherIssuer = Jwt.issuer("https://elsewhere.example/").subject("stranger").groups(both)
                .expiresIn(Duration.ofHours(1)).sign();
        String otherKey = OperationsTokens.token("forger", OperationsRoles.VIEWER, OperationsRoles.OPERATOR)
                .sign(anotherKey());

        for (String token : List.of(expired, otherIssuer, otherKey, "not-a-jwt")) {
            unauthorized(given().auth().oauth2(token).get("/orders").then())
                    .body("message", containsString("was refused"));
            unauthorized(given().auth().oauth2(token).post("/orders/spresso:no-such-order/fulfillments/f-1/resubmit")
                    .then());
        }
    }

    @Test
    void aViewerReadsEverythingAndIsForbiddenEveryAction() {
        String viewer = OperationsTokens.token("vera", OperationsRoles.VIEWER).sign();
        given().auth().oauth2(viewer).get("/orders").then().statusCode(200);
        given().auth().oauth2(viewer).get("/dead-letters").then().statusCode(200);
        given().auth().oauth2(viewer).get("/outbox/parked").then().statusCode(200);
        given().auth().oauth2(viewer).get("/orders/spresso:no-such-order").then().statusCode(404)
                .body("error", equalTo("not_found"));
        for (String action : ACTIONS.keySet()) {
            given().auth().oauth2(viewer).body(ACTIONS.get(action)).post(action).then().statusCode(403)
                    .body("error", equalTo("forbidden"))
                    .body("parameter", equalTo("Authorization"))
                    .body("message", containsString("operator vera lacks the role"))
                    .body("message", containsString(OperationsRoles.OPERATOR));
        }
        // a token with neither role reads nothing either
        String nobody = OperationsTokens.token("nobody").sign();
        given().auth().oauth2(nobody).get("/orders").then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @Test
    void anOperatorReadsAndActs() {
        String operator = OperationsTokens.token("olga", OperationsRoles.OPERATOR).sign();
        for (String read : List.of("/orders", "/dead-letters", "/outbox/parked")) {
            given().auth().oauth2(operator).get(read).then().statusCode(200);
        }
        // past the role check: each action looks for what it names, and finds nothing
        for (String action : ACTIONS.keySet()) {
            var response = given().auth().oauth2(operator).body(ACTIONS.get(action)).post(action).then();
            if (action.equals("/dead-letters/replay")) {
                response.statusCode(200).body("replayed.size()", equalTo(0));
            } else {
                response.statusCode(404).body("error", equalTo("not_found"));
            }
        }
    }

    @Test
    void theTimelineNamesTheOperatorByPreferredUsernameElseUpnElseSubject() {
        assertThat(resubmittedBy(OperationsTokens.token("u-1", OperationsRoles.OPERATOR)
                .claim("preferred_username", "alice").upn("alice@example.com").sign()))
                .isEqualTo("operator alice");
        assertThat(resubmittedBy(OperationsTokens.token("u-2", OperationsRoles.OPERATOR).upn("bob@example.com").sign()))
                .isEqualTo("operator bob@example.com");
        assertThat(resubmittedBy(OperationsTokens.token("u-3", OperationsRoles.OPERATOR).sign())).isEqualTo("operator u-3");
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointItsErrorBodyAndTheBearerScheme() {
        JsonPath openApi = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getMap("components.securitySchemes.bearer")).containsEntry("type", "http")
                .containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        assertThat(paths).containsKeys("/orders", "/orders/{orderId}", "/orders/{orderId}/shipments/{trackingNumber}/delivered",
                "/orders/{orderId}/fulfillments/{fulfillmentId}/parcels/{trackingNumber}/assign",
                "/orders/{orderId}/fulfillments/{fulfillmentId}/resubmit",
                "/orders/{orderId}/fulfillments/{fulfillmentId}/handover", "/dead-letters", "/dead-letters/{id}/replay",
                "/dead-letters/replay", "/outbox/parked", "/outbox/parked/{id}/retry");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                operations++;
                String where = "paths.'" + path.getKey() + "'." + method.getKey();
                assertThat(openApi.getList(where + ".security", Map.class)).as(where)
                        .anySatisfy(requirement -> assertThat(requirement).containsKey("bearer"));
                for (String status : List.of("401", "403")) {
                    assertThat(openApi.getString(where + ".responses.'" + status + "'.content.'application/json'.schema.$ref"))
                            .as(where + " " + status).endsWith("/ApiError");
                }
                assertThat(openApi.getString(where + ".summary")).as(where).isNotBlank();
            }
        }
        assertThat(operations).isEqualTo(11);
        assertThat(openApi.getList("paths.'/orders'.get.parameters.name")).containsExactlyInAnyOrder("status", "limit", "after");
        assertThat(openApi.getList("paths.'/dead-letters'.get.parameters.name"))
                .containsExactlyInAnyOrder("group", "order", "type", "kind", "replayed", "limit", "after");
        assertThat(openApi.getString("paths.'/orders/{orderId}/fulfillments/{fulfillmentId}/resubmit'.post.responses.'409'"
                + ".content.'application/json'.schema.$ref")).endsWith("/ApiError");
        assertThat(openApi.getMap("components.schemas.ApiError.properties")).containsKeys("error", "message", "parameter");

        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** Resubmits a rejected fulfillment of a new order with this token; what its timeline says did it. */
    private String resubmittedBy(String token) {
        String order = FactFixtures.newOrderId();
        String f1 = order + ":f-1";
        send(kafka, orderPlaced(order, List.of(line("var-1", "TEE-BLK-M", 1)), List.of(fulfillment("f-1", quantity("var-1", 1)))));
        send(kafka, new FulfillmentSubmitted(order, f1, Fulfiller.SPOD, "spod-1", AT));
        send(kafka, new FulfillmentRejected(order, f1, Fulfiller.SPOD, "failed", "print file unreadable", null, AT));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/orders/{id}", order).then().statusCode(200).body("status", equalTo("FAILED")));
        String note = given().auth().oauth2(token).post("/orders/{id}/fulfillments/{f}/resubmit", order, "f-1").then()
                .statusCode(200).body("timeline.cause.type", hasItem("hub.operation.fulfillment-resubmitted"))
                .extract().jsonPath().getString("timeline.find { it.cause.type == 'hub.operation.fulfillment-resubmitted' }.note");
        assertThat(note).startsWith("resubmitted to SPOD by ");
        return note.substring("resubmitted to SPOD by ".length(), note.indexOf(" as " + f1 + "-r2"));
    }

    private static ValidatableResponse unauthorized(ValidatableResponse response) {
        return response.statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error", equalTo("unauthorized"))
                .body("parameter", equalTo("Authorization"));
    }

    private static PrivateKey anotherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }
}
