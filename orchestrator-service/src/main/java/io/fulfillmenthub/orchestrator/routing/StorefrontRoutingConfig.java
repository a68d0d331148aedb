package io.fulfillmenthub.orchestrator.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;

/**
 * Routing rules for storefronts that form no fulfillments of their own (Squarespace), by storefront lower-case:
 * {@code hub.routing.storefronts.<storefront>.rules[i].fulfiller} and {@code .skus}. Each rule's lines form one
 * fulfillment, in the order of the rules; the lines no rule takes form one more, on hold. Checked at start by
 * {@link StorefrontRouting#from}.
 */
@ConfigMapping(prefix = StorefrontRoutingConfig.PREFIX)
public interface StorefrontRoutingConfig {

    String PREFIX = "hub.routing.storefronts";

    @WithParentName
    Map<String, Storefront> storefronts();

    interface Storefront {
        List<Rule> rules();
    }

    interface Rule {
        /** Which fulfiller takes the rule's SKUs; {@code spod} (the only fulfiller the hub routes to today). */
        String fulfiller();

        /** Storefront SKUs; each must have a SPOD product mapping ({@code hub.routing.spod.products}). */
        List<String> skus();
    }
}
