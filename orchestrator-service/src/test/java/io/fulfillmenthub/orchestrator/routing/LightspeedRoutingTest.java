package io.fulfillmenthub.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.SaleMode;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.SourceFulfillment;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.domain.FormedFulfillment;
import io.fulfillmenthub.orchestrator.domain.Route;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The store routing data read with the real config mapping, validated, and the routes it gives. */
class LightspeedRoutingTest {

    static final String P = "hub.routing.lightspeed.";
    static final String LOCATION = "5f1e3b2a9c8d7e6f5a4b3c2d";

    static Map<String, String> sample() {
        Map<String, String> properties = new HashMap<>();
        properties.put(P + "methods.pickup", "pickup");
        properties.put(P + "methods.local_delivery", "delivery");
        properties.put(P + "outlets.main-street.outlet-id", "outlet-1");
        properties.put(P + "outlets.main-street.register-id", "register-1");
        properties.put(P + "outlets.main-street.user-id", "user-1");
        properties.put(P + "outlets.main-street.locations", LOCATION);
        properties.put(P + "outlets.main-street.methods", "pickup,local_delivery");
        properties.put(P + "outlets.harbour.outlet-id", "outlet-2");
        properties.put(P + "outlets.harbour.register-id", "register-2");
        properties.put(P + "outlets.harbour.user-id", "user-1");
        properties.put(P + "outlets.harbour.methods", "pickup");
        properties.put(P + "products.\"CANDLE-SOY\".product-id", "product-candle");
        properties.put(P + "products.\"CANDLE-SOY\".price", "18.00");
        properties.put(P + "products.\"CANDLE-SOY\".tax", "1.80");
        properties.put(P + "products.\"CANDLE-SOY\".tax-id", "tax-1");
        return properties;
    }

    static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(LightspeedRoutingConfig.class).withMapping(StorefrontRoutingConfig.class).build();
    }

    static LightspeedRouting read(Map<String, String> properties) {
        return LightspeedRouting.from(config(properties).getConfigMapping(LightspeedRoutingConfig.class));
    }

    static Map<String, OrderLine> lines(OrderLine... lines) {
        Map<String, OrderLine> byId = new HashMap<>();
        for (OrderLine line : lines) {
            byId.put(line.lineId(), line);
        }
        return byId;
    }

    static OrderLine line(String id, String sku) {
        return new OrderLine(id, "variant-" + id, sku, sku, 2, null);
    }

    @Test
    void aPickupAtALocationGoesToTheOutletServingItAsASaleOfTheMappedProducts() {
        Route route = read(sample()).route(new SourceFulfillment("f-2", "pickup", LOCATION,
                List.of(new LineQuantity("a", 2))), lines(line("a", "CANDLE-SOY")));

        assertThat(route).isInstanceOfSatisfying(Route.Store.class, store -> {
            assertThat(store.fulfiller()).isEqualTo(Fulfiller.LIGHTSPEED);
            assertThat(store.outlet()).isEqualTo("main-street");
            assertThat(store.outletId()).isEqualTo("outlet-1");
            assertThat(store.registerId()).isEqualTo("register-1");
            assertThat(store.userId()).isEqualTo("user-1");
            assertThat(store.mode()).isEqualTo(SaleMode.PICKUP);
            assertThat(store.lines()).extracting(CreateSale.Line::lineId, CreateSale.Line::productId,
                    CreateSale.Line::quantity, CreateSale.Line::price, CreateSale.Line::tax, CreateSale.Line::taxId)
                    .containsExactly(tuple("a", "product-candle", 2, new BigDecimal("18.00"), new BigDecimal("1.80"),
                            "tax-1"));
        });
        assertThat(read(sample()).route(new SourceFulfillment("f-2", "local_delivery", LOCATION,
                List.of(new LineQuantity("a", 1))), lines(line("a", "CANDLE-SOY"))))
                .isInstanceOfSatisfying(Route.Store.class, store -> assertThat(store.mode()).isEqualTo(SaleMode.DELIVERY));
    }

    @Test
    void anUnknownLocationOrAnUnmappedSkuIsHeldWithAReasonNamingIt() {
        LightspeedRouting routing = read(sample());

        assertThat(routing.route(new SourceFulfillment("f-2", "pickup", "nowhere-1", List.of(new LineQuantity("a", 1))),
                lines(line("a", "CANDLE-SOY")))).isEqualTo(new Route.Hold("no Lightspeed outlet serves location "
                        + "'nowhere-1' for pickup (fulfillment f-2, hub.routing.lightspeed.outlets)"));
        assertThat(routing.route(new SourceFulfillment("f-2", "local_delivery", LOCATION,
                List.of(new LineQuantity("a", 1), new LineQuantity("b", 1))), lines(line("a", "CANDLE-SOY"),
                        line("b", "MUG-WHT"))))
                .isEqualTo(new Route.Hold("no Lightspeed product mapping for SKU 'MUG-WHT' (line b)"));
    }

    @Test
    void onlyTheConfiguredMethodsAreAStoresAndTheHubRoutingSendsTheRestToSpod() {
        LightspeedRouting lightspeed = read(sample());
        assertThat(lightspeed.isStoreMethod("pickup")).isTrue();
        assertThat(lightspeed.isStoreMethod("carrier_delivery")).isFalse();
        assertThat(lightspeed.isStoreMethod(null)).isFalse();
        assertThat(LightspeedRouting.NONE.isStoreMethod("pickup")).isFalse();
    }

    @Test
    void badRoutingDataIsAllReportedWithItsKeys() {
        Map<String, String> bad = sample();
        bad.put(P + "methods.curbside", "drive-through");
        bad.put(P + "outlets.main-street.register-id", " ");
        bad.put(P + "outlets.harbour.methods", "pickup,teleport");
        // checked in the order of the keys: harbour serves it first
        bad.put(P + "outlets.harbour.locations", LOCATION);
        bad.put(P + "products.\"CANDLE-SOY\".price", "-1");
        bad.put(P + "products.\"TOTE-NAT\".product-id", "product-tote");
        bad.put(P + "products.\"TOTE-NAT\".price", "12.00");
        bad.put(P + "products.\"TOTE-NAT\".tax", "-0.10");
        bad.put(P + "products.\"TOTE-NAT\".tax-id", " ");

        assertThatThrownBy(() -> read(bad)).isInstanceOf(LightspeedRoutingException.class)
                .hasMessageStartingWith("invalid Lightspeed routing data (hub.routing.lightspeed)")
                .satisfies(e -> assertThat(((LightspeedRoutingException) e).problems()).containsExactlyInAnyOrder(
                        P + "methods.curbside: must be pickup or delivery, was 'drive-through'",
                        P + "outlets.main-street.register-id: must not be blank",
                        P + "outlets.harbour.methods: 'teleport' is not a store method (one of "
                                + read(sample()).storeMethods() + ", hub.routing.lightspeed.methods)",
                        P + "outlets.main-street.locations: location '" + LOCATION + "' for pickup is served by outlet "
                                + "harbour already",
                        P + "products.\"CANDLE-SOY\".price: must not be negative, was -1",
                        P + "products.\"TOTE-NAT\".tax: must not be negative, was -0.10",
                        P + "products.\"TOTE-NAT\".tax-id: must not be blank"));
    }

    @Test
    void aMissingKeyStopsTheStartNamingIt() {
        Map<String, String> missing = sample();
        missing.remove(P + "outlets.harbour.user-id");

        assertThatThrownBy(() -> read(missing)).hasMessageContaining(P + "outlets.harbour.user-id");
    }

    @Test
    void aSquarespaceRuleSendsItsSkusToTheOutletWithItsMethod() {
        Map<String, String> properties = sample();
        String rules = "hub.routing.storefronts.squarespace.rules";
        properties.put(rules + "[0].fulfiller", "spod");
        properties.put(rules + "[0].skus", "TEE-BLK-M");
        properties.put(rules + "[1].fulfiller", "lightspeed");
        properties.put(rules + "[1].outlet", "main-street");
        properties.put(rules + "[1].method", "pickup");
        properties.put(rules + "[1].skus", "CANDLE-SOY");
        SmallRyeConfig config = config(properties);
        LightspeedRouting lightspeed = LightspeedRouting.from(config.getConfigMapping(LightspeedRoutingConfig.class));
        StorefrontRouting forming = StorefrontRouting.from(config.getConfigMapping(StorefrontRoutingConfig.class),
                Set.of("TEE-BLK-M"), lightspeed);

        List<FormedFulfillment> formed = forming.form(Storefront.SQUARESPACE, "sq-9",
                List.of(line("a", "CANDLE-SOY"), line("b", "TEE-BLK-M")));

        assertThat(formed).extracting(f -> f.fulfillment().sourceFulfillmentId(), f -> f.fulfillment().method(),
                FormedFulfillment::outlet, FormedFulfillment::holdReason).containsExactly(
                        tuple("sq-9-1", null, null, null), tuple("sq-9-2", "pickup", "main-street", null));
        Route route = new HubRouting(SpodRouting.from(SpodRoutingTest.read(SpodRoutingTest.valid())), lightspeed).route(formed.get(1),
                lines(line("a", "CANDLE-SOY"), line("b", "TEE-BLK-M")));
        assertThat(route).isInstanceOfSatisfying(Route.Store.class, store -> {
            assertThat(store.outletId()).isEqualTo("outlet-1");
            assertThat(store.mode()).isEqualTo(SaleMode.PICKUP);
        });
    }

    @Test
    void badStoreRulesAreReportedWithTheirKeys() {
        Map<String, String> properties = sample();
        String rules = "hub.routing.storefronts.squarespace.rules";
        properties.put(rules + "[0].fulfiller", "lightspeed");
        properties.put(rules + "[0].outlet", "moon-base");
        properties.put(rules + "[0].method", "pickup");
        properties.put(rules + "[0].skus", "CANDLE-SOY");
        properties.put(rules + "[1].fulfiller", "lightspeed");
        properties.put(rules + "[1].outlet", "harbour");
        properties.put(rules + "[1].method", "local_delivery");
        properties.put(rules + "[1].skus", "TOTE-NAT");
        properties.put(rules + "[2].fulfiller", "lightspeed");
        properties.put(rules + "[2].skus", "CANDLE-SOY");
        properties.put(rules + "[3].fulfiller", "spod");
        properties.put(rules + "[3].outlet", "harbour");
        properties.put(rules + "[3].skus", "TEE-BLK-M");
        SmallRyeConfig config = config(properties);
        LightspeedRouting lightspeed = LightspeedRouting.from(config.getConfigMapping(LightspeedRoutingConfig.class));

        assertThatThrownBy(() -> StorefrontRouting.from(config.getConfigMapping(StorefrontRoutingConfig.class),
                Set.of("TEE-BLK-M"), lightspeed)).isInstanceOf(RoutingRulesException.class)
                .satisfies(e -> assertThat(((RoutingRulesException) e).problems()).containsExactlyInAnyOrder(
                        rules + "[0].outlet: no outlet 'moon-base' (hub.routing.lightspeed.outlets: "
                                + lightspeed.outletNames() + ")",
                        rules + "[1].method: outlet harbour does not offer 'local_delivery'",
                        rules + "[1].skus: SKU 'TOTE-NAT' has no Lightspeed product mapping "
                                + "(hub.routing.lightspeed.products.\"TOTE-NAT\")",
                        rules + "[2].outlet: required for lightspeed (one of " + lightspeed.outletNames() + ")",
                        rules + "[2].method: required for lightspeed (one of " + lightspeed.storeMethods() + ")",
                        rules + "[2].skus: SKU 'CANDLE-SOY' is in rules[0] already",
                        rules + "[3].outlet: only a lightspeed rule names one"));
    }
}
