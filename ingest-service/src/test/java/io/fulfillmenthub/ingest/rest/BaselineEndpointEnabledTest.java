package io.fulfillmenthub.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BaselineEndpointEnabledTest.Enabled.class)
class BaselineEndpointEnabledTest {

    /** The benchmark's setting. */
    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.ingest.baseline-endpoint.enabled", "true");
        }
    }

    @Test
    void answersWithTheLengthOfTheBodyItReadWithoutCheckingASignature() {
        String body = "{\"order\":{\"id\":\"6114\"}}";
        given().contentType("application/json").body(body)
                .post(BaselineResource.PATH)
                .then().statusCode(200).body("read", equalTo(body.length()));
    }
}
