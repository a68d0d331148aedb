package io.fulfillmenthub.orchestrator.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        /** Which fulfiller takes the rule's SKUs: {@code spod} or {@code lightspeed}. */
        String fulfiller();

        /**
         * Storefront SKUs; each must have a product mapping of the rule's fulfiller ({@code hub.routing.spod.products},
         * {@code hub.routing.lightspeed.products}).
         */
        List<String> skus();

        /** For {@code lightspeed}: the outlet ({@code hub.routing.lightspeed.outlets.<name>}). */
        Optional<String> outlet();

        /** For {@code lightspeed}: the store method, one the outlet offers (e.g. {@code pickup}). */
        Optional<String> method();
    }
}
