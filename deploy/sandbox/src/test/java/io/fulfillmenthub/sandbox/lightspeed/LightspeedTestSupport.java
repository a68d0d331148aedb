package io.fulfillmenthub.sandbox.lightspeed;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.sandbox.support.TestLightspeedReceiver;
import io.fulfillmenthub.sandbox.support.VendorFixtures;
import io.restassured.specification.RequestSpecification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the Lightspeed tests call the simulated store as the pos-connector would, with the %test credentials. */
final class LightspeedTestSupport {

    static final String PERSONAL_TOKEN = "sandbox-test-lightspeed-personal-token";
    static final String CLIENT_ID = "fulfillment-hub-local";
    static final String CLIENT_SECRET = "sandbox-test-lightspeed-client-secret";
    static final String FIRST_REFRESH_TOKEN = "sandbox-test-lightspeed-first-refresh-token";

    private LightspeedTestSupport() {}

    static RequestSpecification lightspeed() {
        return given().header("Authorization", "Bearer " + PERSONAL_TOKEN).contentType("application/json");
    }

    /** The fixture with a source_id (the hub fulfillment id), as the pos-connector sends it. */
    static String saleRequest(String fixture, String sourceId) {
        ObjectNode sale = (ObjectNode) VendorFixtures.json("lightspeed/" + fixture);
        if (sourceId != null) {
            sale.put("source", "fulfillment-hub");
            sale.put("source_id", sourceId);
        }
        return sale.toString();
    }

    /** Creates a sale from a fixture; answers its id. */
    static String createSale(String fixture, String sourceId) {
        return lightspeed().body(saleRequest(fixture, sourceId)).post("/lightspeed/api/register_sales")
                .then().statusCode(200).extract().path("register_sale.id");
    }

    static void reset() {
        given().post("/_sandbox/lightspeed/reset").then().statusCode(204);
    }

    /** The webhooks received whose payload is this sale, in order of arrival. */
    static List<TestLightspeedReceiver.Received> webhooksOf(String saleId) {
        return TestLightspeedReceiver.received().stream().filter(r -> saleId.equals(payload(r).path("id").asText())).toList();
    }

    static JsonNode payload(TestLightspeedReceiver.Received received) {
        return VendorFixtures.parse(form(received.body()).get("payload"));
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
