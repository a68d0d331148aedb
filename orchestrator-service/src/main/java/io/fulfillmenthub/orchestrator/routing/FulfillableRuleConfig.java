package io.fulfillmenthub.orchestrator.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/**
 * The hub's fulfillable rule per storefront: {@code hub.orchestrator.storefronts.<storefront lower-case>.grace-period}.
 * A storefront not named has no grace period. Checked at start by {@link RoutingConfiguration}.
 */
@ConfigMapping(prefix = FulfillableRuleConfig.PREFIX)
public interface FulfillableRuleConfig {

    String PREFIX = "hub.orchestrator.storefronts";

    @WithParentName
    Map<String, StorefrontRule> storefronts();

    interface StorefrontRule {
        /** From the order's {@code placedAt}; e.g. {@code 10m}, {@code 0s}. */
        Duration gracePeriod();
    }
}
