package io.fulfillmenthub.orchestrator.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which storefront SKUs SPOD prints and how: {@code hub.routing.spod.products."<storefront SKU>"}.
 * Checked at start by {@link SpodRouting#from}; a missing key or bad value stops startup, naming the key.
 */
@ConfigMapping(prefix = SpodRoutingConfig.PREFIX)
public interface SpodRoutingConfig {

    String PREFIX = "hub.routing.spod";

    /** Storefront fulfillment locations SPOD serves (Spresso's {@code fulfillerLocation}); a fulfillment naming none goes to SPOD. */
    @WithDefault("spod")
    List<String> locations();

    /** The currency of the prices below and of every print order (SPOD takes USD only). */
    @WithDefault("USD")
    String currency();

    Shipping shipping();

    /** By storefront SKU. */
    Map<String, Product> products();

    interface Shipping {
        String type();

        BigDecimal price();
    }

    interface Product {
        /** SPOD's stock-keeping unit, e.g. {@code 812-4-2}. */
        @WithName("stock-keeping-unit")
        String stockKeepingUnit();

        BigDecimal price();

        List<Design> designs();
    }

    interface Design {
        /** {@code front} or {@code back}. */
        String side();

        Optional<String> align();

        String url();
    }
}
