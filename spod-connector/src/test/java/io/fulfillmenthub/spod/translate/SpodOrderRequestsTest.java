package io.fulfillmenthub.spod.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Address;
import io.fulfillmenthub.spod.fixtures.JsonShape;
import io.fulfillmenthub.testing.VendorFixtures;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpodOrderRequestsTest {

    private static final SubmitPrintOrder COMMAND = new SubmitPrintOrder("spresso:6114", "spresso:6114/f-1", "USD", List.of(
            new SubmitPrintOrder.Item("line-1", "812-4-2", 2, new BigDecimal("19"), List.of(
                    new SubmitPrintOrder.Design("front", "center-top", "https://cdn.example.com/fox.png"),
                    new SubmitPrintOrder.Design("back", null, "https://cdn.example.com/dog.png")))),
            new SubmitPrintOrder.Shipping("express", new BigDecimal("3.999"), new Address("Ada", "Lovelace", "Analytical Ltd",
                    "12 Crescent Road", null, "London", "NW1 4NP", "LND", "GB", "+44 20 0000")));

    @Test
    void theFulfillmentIdIsTheExternalOrderIdAndFieldsAreKebabCase() {
        JsonNode body = HubJson.mapper().valueToTree(SpodOrderRequests.of(COMMAND));

        assertThat(body.get("external-order-id").asText()).isEqualTo("spresso:6114/f-1");
        assertThat(body.get("currency").asText()).isEqualTo("USD");
        JsonNode item = body.get("items").get(0);
        assertThat(item.get("stock-keeping-unit").asText()).isEqualTo("812-4-2");
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        JsonNode address = body.get("shipping").get("address");
        assertThat(address.get("first-name").asText()).isEqualTo("Ada");
        assertThat(address.get("last-name").asText()).isEqualTo("Lovelace");
        assertThat(address.get("zip-code").asText()).isEqualTo("NW1 4NP");
        assertThat(address.get("country-code").asText()).isEqualTo("GB");
        assertThat(address.get("state").asText()).isEqualTo("LND");
        assertThat(body.get("shipping").get("type").asText()).isEqualTo("express");
    }

    @Test
    void pricesAreDecimalStringsWithAtLeastTwoDecimals() {
        JsonNode body = HubJson.mapper().valueToTree(SpodOrderRequests.of(COMMAND));

        assertThat(body.get("items").get(0).get("price").isTextual()).isTrue();
        assertThat(body.get("items").get(0).get("price").asText()).isEqualTo("19.00");
        assertThat(body.get("shipping").get("price").asText()).isEqualTo("3.999");
    }

    @Test
    void eachDesignIsADesignConfigurationAndAbsentFieldsAreLeftOut() {
        JsonNode body = HubJson.mapper().valueToTree(SpodOrderRequests.of(COMMAND));

        JsonNode configuration = body.get("items").get(0).get("configuration");
        assertThat(configuration).hasSize(2);
        assertThat(configuration.get(0).get("type").asText()).isEqualTo("design");
        assertThat(configuration.get(0).get("side").asText()).isEqualTo("front");
        assertThat(configuration.get(0).get("align").asText()).isEqualTo("center-top");
        assertThat(configuration.get(0).get("content").get("url").asText()).isEqualTo("https://cdn.example.com/fox.png");
        assertThat(configuration.get(1).has("align")).isFalse();
        JsonNode address = body.get("shipping").get("address");
        assertThat(address.has("street-annex")).isFalse();
        assertThat(address.has("company")).isFalse();
        assertThat(address.has("phone")).isFalse();
    }

    @Test
    void spodsOwnExampleTranslatedIsSpodsExampleFieldForField() {
        JsonNode example = VendorFixtures.json("spod/submit-order.json");
        SubmitPrintOrder fromExample = new SubmitPrintOrder("spresso:1", "84681638-388c-4c58-8b49-325ffed37928", "USD",
                List.of(new SubmitPrintOrder.Item("line-1", "812-4-2", 1, new BigDecimal("19.00"), List.of(
                        new SubmitPrintOrder.Design("front", "center-top", "https://api.spod.com/assets/fox_2048.png"),
                        new SubmitPrintOrder.Design("back", "center-top", "https://api.spod.com/assets/dog_2048.png")))),
                new SubmitPrintOrder.Shipping("standard", new BigDecimal("3.99"), new Address("John", "Doe", null,
                        "00679 Saige Coves", "Suite 986", "Purdybury", "01727", "AL", "US", null)));

        assertThat(HubJson.mapper().<JsonNode>valueToTree(SpodOrderRequests.of(fromExample))).isEqualTo(example);
    }

    @Test
    void theHubsRequestHasTheShapeOfSpodsExampleWithDocumentedValues() {
        SubmitPrintOrder asConfigured = new SubmitPrintOrder("spresso:6114", "spresso:6114/f-1", "USD", List.of(
                new SubmitPrintOrder.Item("line-1", "812-4-2", 2, new BigDecimal("12.5"), List.of(
                        new SubmitPrintOrder.Design("Front", "CENTER-TOP", "https://cdn.example.com/fox.png"),
                        new SubmitPrintOrder.Design("back", "center-top", "https://cdn.example.com/dog.png"))),
                new SubmitPrintOrder.Item("line-2", "1109-0-1", 1, new BigDecimal("7.2"), List.of(
                        new SubmitPrintOrder.Design("front", "center-top", "https://cdn.example.com/mug.png")))),
                new SubmitPrintOrder.Shipping("STANDARD", new BigDecimal("4.9"), new Address("Ada", "Lovelace", "Analytical Ltd",
                        "12 Crescent Road", "Flat 3", "New York", "10001", "NY", "USA", "+1 212 0000")));

        JsonNode body = HubJson.mapper().valueToTree(SpodOrderRequests.of(asConfigured));

        JsonShape.assertSameShape(VendorFixtures.json("spod/submit-order.json"), body);
        assertThat(body.get("shipping").get("type").asText()).isEqualTo("standard");
        assertThat(body.get("shipping").get("price").asText()).isEqualTo("4.90");
        assertThat(body.get("shipping").get("address").get("country-code").asText()).isEqualTo("US");
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("price").asText()).isEqualTo("12.50");
        assertThat(first.get("configuration").get(0).get("side").asText()).isEqualTo("front");
        assertThat(first.get("configuration").get(0).get("align").asText()).isEqualTo("center-top");
    }

    @Test
    void theLinesKeepLineIdStockKeepingUnitAndQuantity() {
        assertThat(SpodOrderRequests.lines(COMMAND)).containsExactly(new PrintLine("line-1", "812-4-2", 2));
    }
}
