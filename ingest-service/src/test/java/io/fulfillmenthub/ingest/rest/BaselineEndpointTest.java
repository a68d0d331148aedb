package io.fulfillmenthub.ingest.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BaselineEndpointTest {

    @Test
    void isNotFoundUnlessEnabled() {
        given().contentType("application/json").body("{\"order\":{\"id\":\"6114\"}}")
                .post(BaselineResource.PATH)
                .then().statusCode(404);
    }
}
