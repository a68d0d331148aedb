package io.fulfillmenthub.sandbox.examplevendor;

import static io.fulfillmenthub.sandbox.support.SandboxFaults.addFault;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.calls;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.clearCalls;
import static io.fulfillmenthub.sandbox.support.SandboxFaults.clearFaults;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor added as one package (this one, test-only) is recorded, faulted, answered in its own error body
 * and reset by the shared parts, which name no vendor.
 */
@QuarkusTest
class AVendorIsOnePackageTest {

    @BeforeEach
    void startFromNoCalls() {
        clearCalls();
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        clearFaults();
    }

    @Test
    void itsCallsAreRecordedUnderItsId() {
        given().post("/example/things").then().statusCode(200);
        given().get("/example/things").then().statusCode(200);

        assertThat(calls("example")).extracting(call -> call.get("method") + " " + call.get("path"))
                .containsExactly("POST /example/things", "GET /example/things");
    }

    @Test
    void anInjectedErrorIsAnsweredInItsOwnErrorBody() {
        addFault(Map.of("vendor", "example", "kind", "error", "status", 503, "count", 1));

        given().get("/example/things").then().statusCode(503).body("exampleError", equalTo(503));
        given().get("/example/things").then().statusCode(200);
    }

    @Test
    void webhookFaultsAreRefusedForAVendorThatSendsNone() {
        given().contentType(ContentType.JSON).body(Map.of("vendor", "example", "kind", "drop-webhooks"))
                .post("/_sandbox/faults").then().statusCode(400).body("message", containsString("example sends no webhooks"));
    }

    @Test
    void theSandboxResetResetsIt() {
        given().post("/example/things").then().statusCode(200).body("things", org.hamcrest.Matchers.greaterThan(0));

        given().post("/_sandbox/reset").then().statusCode(204);

        given().get("/example/things").then().statusCode(200).body("things", equalTo(0));
    }
}
