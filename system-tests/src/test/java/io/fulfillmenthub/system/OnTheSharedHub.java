package io.fulfillmenthub.system;

import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A system test on the JVM's one hub ({@link SystemStack}): the hub, its sandbox, the operations API, and every
 * sandbox fault ended after each test so the next one starts on a quiet hub.
 */
abstract class OnTheSharedHub {

    static HubStack hub;
    static Sandbox sandbox;

    @BeforeAll
    static void startTheHub() {
        hub = SystemStack.get();
        sandbox = new Sandbox(hub.url(HubService.SANDBOX));
    }

    @AfterEach
    void endFaults() {
        if (sandbox != null) {
            sandbox.endAllFaults();
        }
    }

    /** The hub's operations API (the orchestrator), as the local stack's operator (both roles). */
    static RequestSpecification operations() {
        return RestAssured.given().baseUri(hub.url(HubService.ORCHESTRATOR)).auth().oauth2(hub.operations().operatorToken());
    }

    /** The order as the operations API shows it: status, fulfillments, shipments, timeline. */
    static JsonPath hubOrder(String hubOrderId) {
        return operations().get("/orders/{id}", hubOrderId).then().statusCode(200).extract().jsonPath();
    }
}
