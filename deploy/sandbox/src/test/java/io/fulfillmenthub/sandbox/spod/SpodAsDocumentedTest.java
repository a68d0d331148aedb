package io.fulfillmenthub.sandbox.spod;

import static io.fulfillmenthub.sandbox.support.SandboxApis.spod;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spodTokenRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.sandbox.support.SandboxApis;
import io.fulfillmenthub.sandbox.support.VendorFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The simulated SPOD against SPOD's own examples (shared/vendor-fixtures/spod), read unchanged. */
@QuarkusTest
class SpodAsDocumentedTest {

    @Test
    void spodsExampleOrderIsAcceptedAsItIsWithTheDocumentedAnswer() {
        JsonNode example = VendorFixtures.json("spod/submit-order.json");
        String id = example.get("external-order-id").asText();
        // the example's id is fixed and must be unique: forget an earlier run's order
        given().post("/_sandbox/reset").then().statusCode(204);

        String answer = spod().body(VendorFixtures.text("spod/submit-order.json")).post("/spod/orders").then()
                .statusCode(201)
                .body("external-order-id", equalTo(id))
                .extract().asString();

        VendorFixtures.assertSameShape(VendorFixtures.json("spod/submit-response.json"), VendorFixtures.parse(answer));
        spod().get("/spod/orders/{id}", id).then().statusCode(200)
                .body("state", equalTo("acknowledged"))
                .body("shipping.type", equalTo("standard"))
                .body("items[0].configuration[1].align", equalTo("center-top"));
    }

    @Test
    void theTokenAnswerHasTheDocumentedShapeWithALowerCaseBearer() {
        String answer = spodTokenRequest().post("/spod/oauth/token").then()
                .statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("scope", equalTo(SandboxApis.SCOPES))
                .extract().asString();

        VendorFixtures.assertSameShape(VendorFixtures.json("spod/token-response.json"), VendorFixtures.parse(answer));
    }

    @Test
    void theCancelAnswerHasTheDocumentedShape() {
        String id = "spresso:" + UUID.randomUUID() + "/f-1";
        spod().body(SandboxApis.spodOrder(id)).post("/spod/orders").then().statusCode(201);

        String answer = spod().post("/spod/orders/{id}/cancel", id).then().statusCode(200).extract().asString();

        VendorFixtures.assertSameShape(VendorFixtures.json("spod/cancel-response.json"), VendorFixtures.parse(answer));
        spod().get("/spod/orders/{id}", id).then().body("state", equalTo("canceled"));
    }
}
