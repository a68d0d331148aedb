package io.fulfillmenthub.storefront.squarespace.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.commands.AddShipment;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.testing.VendorFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fulfillment request has the shape of Squarespace's own example ({@code vendor-fixtures/squarespace/fulfill-order-request.json}). */
class SquarespaceShipmentMapperTest {

    static final String FIXTURE = "squarespace/fulfill-order-request.json";

    @Test
    void eachShipmentOfSquarespacesExampleIsSentInTheExamplesShape() {
        JsonNode example = VendorFixtures.json(FIXTURE);

        for (JsonNode shipment : example.get("shipments")) {
            JsonNode sent = HubJson.mapper().valueToTree(SquarespaceShipmentMapper.request(command(shipment), true, "Standard"));

            ObjectNode expected = example.deepCopy();
            ((ArrayNode) expected.get("shipments")).removeAll().add(shipment);
            assertThat(sent).isEqualTo(expected);
        }
    }

    @Test
    void noLevelOfServiceSendsTheConfiguredDefaultAndAnInvalidTrackingUrlIsLeftOut() {
        JsonNode shipment = VendorFixtures.json(FIXTURE).get("shipments").get(0);
        AddShipment command = command(shipment);
        AddShipment withoutService = new AddShipment(command.hubOrderId(), command.storefront(), command.sourceOrderId(), null,
                command.shipmentId(), command.carrier(), command.trackingNumber(), "not a url", command.lines(), command.shippedAt(),
                true, null);

        JsonNode sent = HubJson.mapper().valueToTree(SquarespaceShipmentMapper.request(withoutService, false, "Ground"));

        assertThat(sent.get("shouldSendNotification").asBoolean()).isFalse();
        assertThat(sent.get("shipments").get(0).get("service").asText()).isEqualTo("Ground");
        assertThat(sent.get("shipments").get(0).has("trackingUrl")).isFalse();
    }

    @Test
    void theIdempotencyKeyIsStableAndWithinSquarespacesRules() {
        String key = SquarespaceShipmentMapper.idempotencyKey("squarespace:o-1/o-1-1/9400109699939624119857");

        assertThat(key).matches("[A-Za-z0-9_-]{1,64}")
                .isEqualTo(SquarespaceShipmentMapper.idempotencyKey("squarespace:o-1/o-1-1/9400109699939624119857"));
    }

    static AddShipment command(JsonNode shipment) {
        return new AddShipment("squarespace:o-1", Storefront.SQUARESPACE, "o-1", null,
                "squarespace:o-1/o-1-1/" + shipment.get("trackingNumber").asText(), shipment.get("carrierName").asText(),
                shipment.get("trackingNumber").asText(), shipment.get("trackingUrl").asText(), List.of(new LineQuantity("line-1", 1)),
                Instant.parse(shipment.get("shipDate").asText()), true, shipment.get("service").asText());
    }
}
