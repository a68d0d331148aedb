package io.fulfillmenthub.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.orchestrator.domain.Route;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product mapping as configured: read with the real config mapping, validated, then used to route. */
class SpodRoutingTest {

    static final String P = "hub.routing.spod.";

    static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put(P + "shipping.type", "STANDARD");
        config.put(P + "shipping.price", "4.90");
        config.put(P + "products.\"TEE-BLK-M\".stock-keeping-unit", "812-4-2");
        config.put(P + "products.\"TEE-BLK-M\".price", "12.50");
        config.put(P + "products.\"TEE-BLK-M\".designs[0].side", "front");
        config.put(P + "products.\"TEE-BLK-M\".designs[0].align", "center");
        config.put(P + "products.\"TEE-BLK-M\".designs[0].url", "https://d.example/front.png");
        config.put(P + "products.\"TEE-BLK-M\".designs[1].side", "back");
        config.put(P + "products.\"TEE-BLK-M\".designs[1].align", "top");
        config.put(P + "products.\"TEE-BLK-M\".designs[1].url", "https://d.example/back.png");
        return config;
    }

    static SpodRoutingConfig read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(SpodRoutingConfig.class)
                .build();
        return config.getConfigMapping(SpodRoutingConfig.class);
    }

    static Map<String, OrderLine> lines(OrderLine... lines) {
        Map<String, OrderLine> byId = new HashMap<>();
        for (OrderLine line : lines) {
            byId.put(line.lineId(), line);
        }
        return byId;
    }

    @Test
    void aMappedSkuRoutesToSpodWithItsStockKeepingUnitPriceDesignsAndTheFulfillmentsQuantity() {
        SpodRouting routing = SpodRouting.from(read(valid()));
        Route route = routing.route(new SourceFulfillment("f-1", "carrier_delivery", "SPOD",
                List.of(new LineQuantity("var-1", 3))), lines(new OrderLine("var-1", "var-1", "TEE-BLK-M", null, 3, null)));

        assertThat(route).isInstanceOf(Route.Print.class);
        Route.Print print = (Route.Print) route;
        assertThat(print.currency()).isEqualTo("USD");
        assertThat(print.shippingType()).isEqualTo("STANDARD");
        assertThat(print.shippingPrice()).isEqualByComparingTo("4.90");
        SubmitPrintOrder.Item item = print.items().get(0);
        assertThat(item.stockKeepingUnit()).isEqualTo("812-4-2");
        assertThat(item.quantity()).isEqualTo(3);
        assertThat(item.price()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(item.designs()).containsExactly(new SubmitPrintOrder.Design("front", "center", "https://d.example/front.png"),
                new SubmitPrintOrder.Design("back", "top", "https://d.example/back.png"));
    }

    @Test
    void anUnmappedSkuHoldsTheFulfillmentNamingTheSku() {
        SpodRouting routing = SpodRouting.from(read(valid()));
        Route route = routing.route(new SourceFulfillment("f-1", null, "spod", List.of(new LineQuantity("var-1", 1),
                new LineQuantity("var-2", 1))), lines(new OrderLine("var-1", "var-1", "TEE-BLK-M", null, 1, null),
                        new OrderLine("var-2", "var-2", "HAT-PNK", null, 1, null)));
        assertThat(route).isEqualTo(new Route.Hold("no SPOD product mapping for SKU 'HAT-PNK' (line var-2)"));
    }

    @Test
    void aLocationSpodDoesNotServeIsHeld() {
        SpodRouting routing = SpodRouting.from(read(valid()));
        Route route = routing.route(new SourceFulfillment("f-1", null, "store-berlin", List.of(new LineQuantity("var-1", 1))),
                lines(new OrderLine("var-1", "var-1", "TEE-BLK-M", null, 1, null)));
        assertThat(((Route.Hold) route).reason()).contains("store-berlin");
    }

    @Test
    void badValuesAreAllReportedWithTheirKeys() {
        Map<String, String> config = valid();
        config.put(P + "currency", "dollars");
        config.put(P + "shipping.price", "-1");
        config.put(P + "products.\"TEE-BLK-M\".designs[1].side", "inside");
        config.put(P + "products.\"TEE-BLK-M\".designs[0].url", "not a url");
        config.put(P + "products.\"MUG-WHT\".stock-keeping-unit", " ");
        config.put(P + "products.\"MUG-WHT\".price", "7.20");
        config.put(P + "products.\"MUG-WHT\".designs[0].side", "front");
        config.put(P + "products.\"MUG-WHT\".designs[0].url", "https://d.example/mug.png");

        assertThatThrownBy(() -> SpodRouting.from(read(config)))
                .isInstanceOfSatisfying(ProductMappingException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "hub.routing.spod.currency: must be an ISO 4217 code like USD, was 'dollars'",
                        "hub.routing.spod.shipping.price: must not be negative, was -1",
                        "hub.routing.spod.products.\"TEE-BLK-M\".designs[0].url: must be an absolute http(s) URL, was 'not a url'",
                        "hub.routing.spod.products.\"TEE-BLK-M\".designs[1].side: must be front or back, was 'inside'",
                        "hub.routing.spod.products.\"MUG-WHT\".stock-keeping-unit: must not be blank",
                        "hub.routing.spod.products.\"MUG-WHT\".designs[0].align: must not be blank (SPOD's order API asks for it, e.g. center)"));
    }

    @Test
    void aProductWithoutDesignsIsRefused() {
        Map<String, String> config = valid();
        config.put(P + "products.\"MUG-WHT\".stock-keeping-unit", "1109-0-1");
        config.put(P + "products.\"MUG-WHT\".price", "7.20");
        assertThatThrownBy(() -> SpodRouting.from(read(config))).isInstanceOf(ProductMappingException.class)
                .hasMessageContaining("hub.routing.spod.products.\"MUG-WHT\".designs");
    }

    @Test
    void aMissingPriceStopsReadingTheMappingNamingTheKey() {
        Map<String, String> config = valid();
        config.remove(P + "products.\"TEE-BLK-M\".price");
        assertThatThrownBy(() -> read(config)).hasMessageContaining("hub.routing.spod.products.\"TEE-BLK-M\".price");
    }

    @Test
    void aPriceThatIsNotANumberNamesTheKey() {
        Map<String, String> config = valid();
        config.put(P + "products.\"TEE-BLK-M\".price", "twelve");
        assertThatThrownBy(() -> read(config)).hasMessageContaining("hub.routing.spod.products.\"TEE-BLK-M\".price");
    }
}
