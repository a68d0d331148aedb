package io.fulfillmenthub.orchestrator.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fulfillmenthub.contracts.model.LineQuantity;
import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.domain.FormedFulfillment;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing rules of storefronts that form no fulfillments, read with the real config mapping and validated. */
class StorefrontRoutingTest {

    static final String P = "hub.routing.storefronts.";
    static final Set<String> SPOD_SKUS = Set.of("TEE-BLK-M", "MUG-WHT");

    static StorefrontRouting read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(StorefrontRoutingConfig.class)
                .build();
        return StorefrontRouting.from(config.getConfigMapping(StorefrontRoutingConfig.class), SPOD_SKUS);
    }

    static OrderLine line(String id, String sku) {
        return new OrderLine(id, "variant-" + id, sku, sku, 2, null);
    }

    @Test
    void eachRuleFormsOneFulfillmentInTheOrderOfTheRulesAndTheRestIsHeldWithTheReason() {
        StorefrontRouting routing = read(Map.of(P + "squarespace.rules[0].fulfiller", "spod",
                P + "squarespace.rules[0].skus", "MUG-WHT",
                P + "squarespace.rules[1].fulfiller", "SPOD",
                P + "squarespace.rules[1].skus", "TEE-BLK-M"));

        List<FormedFulfillment> formed = routing.form(Storefront.SQUARESPACE, "sq-9", List.of(line("a", "TEE-BLK-M"),
                line("b", "CANDLE-XL"), line("c", "MUG-WHT"), line("d", "TEE-BLK-M")));

        assertThat(formed).extracting(f -> f.fulfillment().sourceFulfillmentId(), f -> f.fulfillment().lines(),
                FormedFulfillment::holdReason).containsExactly(
                        tuple("sq-9-1", List.of(new LineQuantity("c", 2)), null),
                        tuple("sq-9-2", List.of(new LineQuantity("a", 2), new LineQuantity("d", 2)), null),
                        tuple("sq-9-3", List.of(new LineQuantity("b", 2)),
                                "no routing rule lists SKU 'CANDLE-XL' (line b)"));
    }

    @Test
    void withEveryLineRoutedThereIsNoHeldFulfillment() {
        StorefrontRouting routing = read(Map.of(P + "squarespace.rules[0].fulfiller", "spod",
                P + "squarespace.rules[0].skus", "MUG-WHT,TEE-BLK-M"));

        assertThat(routing.form(Storefront.SQUARESPACE, "sq-9", List.of(line("a", "TEE-BLK-M"))))
                .singleElement().satisfies(f -> assertThat(f.holdReason()).isNull());
    }

    @Test
    void aStorefrontWithoutRulesHoldsAllItsLinesNamingTheKey() {
        StorefrontRouting routing = read(Map.of());

        assertThat(routing.form(Storefront.SQUARESPACE, "sq-9", List.of(line("a", "TEE-BLK-M"))))
                .singleElement().satisfies(f -> assertThat(f.holdReason())
                        .isEqualTo("no routing rules for SQUARESPACE (hub.routing.storefronts.squarespace.rules)"));
    }

    @Test
    void badRulesAreAllReportedWithTheirKeys() {
        assertThatThrownBy(() -> read(Map.of(
                P + "squarespace.rules[0].fulfiller", "etsy",
                P + "squarespace.rules[0].skus", "TEE-BLK-M,NOT-MAPPED",
                P + "squarespace.rules[1].fulfiller", "spod",
                P + "squarespace.rules[1].skus", "TEE-BLK-M",
                P + "shopify.rules[0].fulfiller", "spod",
                P + "shopify.rules[0].skus", "MUG-WHT")))
                .isInstanceOf(RoutingRulesException.class)
                .satisfies(e -> assertThat(((RoutingRulesException) e).problems()).containsExactlyInAnyOrder(
                        P + "squarespace.rules[0].fulfiller: must be one of [spod, lightspeed], was 'etsy'",
                        P + "squarespace.rules[0].skus: SKU 'NOT-MAPPED' has no SPOD product mapping "
                                + "(hub.routing.spod.products.\"NOT-MAPPED\")",
                        P + "squarespace.rules[1].skus: SKU 'TEE-BLK-M' is in rules[0] already",
                        P + "shopify: no such storefront (one of [spresso, squarespace])"));
    }

    @Test
    void gracePeriodsAreReadPerStorefrontAndABadOneNamesItsKey() {
        // Quarkus also reads 10m; plain SmallRye Config, ISO-8601 only
        FulfillableRuleConfig good = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("hub.orchestrator.storefronts.squarespace.grace-period", "PT10M"),
                        "test", 100))
                .withMapping(FulfillableRuleConfig.class).build().getConfigMapping(FulfillableRuleConfig.class);
        assertThat(RoutingConfiguration.fulfillableRule(good).gracePeriod(Storefront.SQUARESPACE)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RoutingConfiguration.fulfillableRule(good).gracePeriod(Storefront.SPRESSO)).isEqualTo(Duration.ZERO);

        FulfillableRuleConfig bad = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("hub.orchestrator.storefronts.squarespace.grace-period", "-PT1M",
                        "hub.orchestrator.storefronts.etsy.grace-period", "PT1M"), "test", 100))
                .withMapping(FulfillableRuleConfig.class).build().getConfigMapping(FulfillableRuleConfig.class);
        assertThatThrownBy(() -> RoutingConfiguration.fulfillableRule(bad)).isInstanceOf(RoutingRulesException.class)
                .satisfies(e -> assertThat(((RoutingRulesException) e).problems()).containsExactlyInAnyOrder(
                        "hub.orchestrator.storefronts.squarespace.grace-period: must not be negative, was PT-1M",
                        "hub.orchestrator.storefronts.etsy.grace-period: no such storefront"));
    }
}
