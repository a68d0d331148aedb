package io.fulfillmenthub.sandbox.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

/** The fault controls and the call records, as the tests use them. */
public final class SandboxFaults {

    private SandboxFaults() {}

    /** Adds a fault and answers its id. */
    public static String addFault(Map<String, Object> fault) {
        return given().contentType(ContentType.JSON).body(fault).post("/_sandbox/faults").then()
                .statusCode(201).extract().path("id");
    }

    /** How many calls or webhook deliveries the fault holds back now; 0 once it is over. */
    public static int holding(String faultId) {
        var response = given().get("/_sandbox/faults/{id}", faultId);
        return response.statusCode() == 404 ? 0 : response.then().statusCode(200).extract().<Integer>path("holding");
    }

    public static void clearFaults() {
        given().delete("/_sandbox/faults").then().statusCode(204);
    }

    public static void clearCalls() {
        given().delete("/_sandbox/calls").then().statusCode(204);
    }

    /** The recorded calls of a vendor, in arrival order. */
    public static List<Map<String, Object>> calls(String vendor) {
        return given().queryParam("vendor", vendor).get("/_sandbox/calls").then().statusCode(200).extract().path("$");
    }
}
