package io.fulfillmenthub.orchestrator.routing;

import io.fulfillmenthub.contracts.model.Storefront;
import io.fulfillmenthub.orchestrator.domain.FulfillableRule;
import io.fulfillmenthub.orchestrator.domain.FulfillerCommands;
import io.fulfillmenthub.orchestrator.domain.FulfillmentForming;
import io.fulfillmenthub.orchestrator.domain.FulfillmentRouting;
import io.fulfillmenthub.orchestrator.domain.HubRules;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds the routing, the storefronts' routing rules and the fulfillable rule from configuration at start, so a
 * bad value stops the service before it consumes.
 */
@ApplicationScoped
public class RoutingConfiguration {

    private static final Logger LOG = Logger.getLogger(RoutingConfiguration.class);

    @Produces
    @Singleton
    @Startup
    LightspeedRouting lightspeedRouting(LightspeedRoutingConfig config) {
        LightspeedRouting routing = LightspeedRouting.from(config);
        LOG.infof("Lightspeed routing: store methods %s, outlets %s, %d SKU(s) %s", routing.storeMethods(),
                routing.outletNames(), routing.mappedSkus().size(), routing.mappedSkus());
        return routing;
    }

    @Produces
    @Singleton
    @Startup
    FulfillmentRouting fulfillmentRouting(SpodRoutingConfig config, LightspeedRouting lightspeed) {
        SpodRouting routing = SpodRouting.from(config);
        LOG.infof("SPOD product mapping: %d SKU(s) %s", routing.mappedSkus().size(), routing.mappedSkus());
        return new HubRouting(routing, lightspeed);
    }

    @Produces
    @Singleton
    @Startup
    FulfillmentForming fulfillmentForming(StorefrontRoutingConfig config, SpodRoutingConfig spod,
            LightspeedRouting lightspeed) {
        StorefrontRouting forming = StorefrontRouting.from(config, spod.products().keySet(), lightspeed);
        LOG.infof("storefront routing rules for %s", config.storefronts().keySet());
        return forming;
    }

    @Produces
    @Singleton
    @Startup
    HubRules hubRules(FulfillmentRouting routing, FulfillmentForming forming, FulfillerCommands commands,
            FulfillableRuleConfig config) {
        return new HubRules(routing, forming, commands, fulfillableRule(config));
    }

    /** Every problem at once, each with its key: an unknown storefront, a negative grace period. */
    static FulfillableRule fulfillableRule(FulfillableRuleConfig config) {
        List<String> problems = new ArrayList<>();
        Map<Storefront, Duration> graces = new EnumMap<>(Storefront.class);
        config.storefronts().forEach((name, rule) -> {
            String key = FulfillableRuleConfig.PREFIX + "." + name + ".grace-period";
            Storefront storefront = StorefrontRouting.storefront(name);
            if (storefront == null) {
                problems.add(key + ": no such storefront");
            } else if (rule.gracePeriod().isNegative()) {
                problems.add(key + ": must not be negative, was " + rule.gracePeriod());
            } else {
                graces.put(storefront, rule.gracePeriod());
            }
        });
        if (!problems.isEmpty()) {
            throw new RoutingRulesException(problems);
        }
        LOG.infof("grace periods %s", graces);
        return new FulfillableRule(graces);
    }
}
