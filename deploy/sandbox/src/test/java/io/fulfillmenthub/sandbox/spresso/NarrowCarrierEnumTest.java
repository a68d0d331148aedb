package io.fulfillmenthub.sandbox.spresso;

import static io.fulfillmenthub.sandbox.support.SandboxApis.placeSpressoOrder;
import static io.fulfillmenthub.sandbox.support.SandboxApis.spresso;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The undocumented part of Spresso's carrier enum played the other way: only the two documented codes. */
@QuarkusTest
@TestProfile(NarrowCarrierEnumTest.DocumentedCarriersOnly.class)
class NarrowCarrierEnumTest {

    public static class DocumentedCarriersOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sandbox.spresso.carriers", "ups,fedex");
        }
    }

    @Test
    void aCarrierOutsideTheNarrowedEnumIsRefusedAndADocumentedOneTaken() {
        var placed = placeSpressoOrder(Map.of("lines", List.of(Map.of("sku", "TEE-BLK-M", "quantity", 1)))).statusCode(201);
        String fulfillmentId = placed.extract().path("order.fulfillments[0].id");
        String variant = placed.extract().path("order.orderVariants[0].variant.id");
        String shipment = """
                {"carrier": "%s", "carrierReferenceId": "1Z5", "trackingNumber": "1Z5", "status": "shipped",
                 "shipmentVariants": [{"variant": "%s", "quantity": 1}]}
                """;

        spresso().body(shipment.formatted("dhl", variant)).put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(400).body("message", containsString("carrier: must be one of the carrier enum ups, fedex"));
        spresso().body(shipment.formatted("fedex", variant)).put("/spresso/v1/fulfillments/{id}/shipments", fulfillmentId).then()
                .statusCode(200);
    }
}
