package io.fulfillmenthub.sandbox.spod;

import static io.fulfillmenthub.sandbox.support.SandboxApis.USER_AGENT;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spod;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /product-types} as SPOD documents it: read scope, a JSON array (the documented sample is
 * {@code []}; a product type's shape is not documented, so none is listed), and {@code GET /product-types/{id}}
 * 404 "Product Type not found" for one that is not listed.
 */
@QuarkusTest
class SpodProductTypesTest {

    @Test
    void theProductTypesAreTheDocumentedSampleAnEmptyArray() {
        spod().get("/spod/product-types").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("$", empty());
    }

    @Test
    void aProductTypeThatIsNotListedIsA404InSpodsErrorBody() {
        spod().get("/spod/product-types/812").then().statusCode(404)
                .body("message", containsString("Product Type not found"))
                .body("retryable", equalTo(false));
    }

    @Test
    void theProductTypesNeedAToken() {
        given().header("User-Agent", USER_AGENT).get("/spod/product-types").then().statusCode(401);
    }
}
