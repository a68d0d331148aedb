package io.fulfillmenthub.orchestrator.routing;

import io.fulfillmenthub.orchestrator.domain.FulfillmentRouting;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Builds the routing from configuration at start, so a bad product mapping stops the service before it consumes. */
@ApplicationScoped
public class RoutingConfiguration {

    private static final Logger LOG = Logger.getLogger(RoutingConfiguration.class);

    @Produces
    @Singleton
    @Startup
    FulfillmentRouting fulfillmentRouting(SpodRoutingConfig config) {
        SpodRouting routing = SpodRouting.from(config);
        LOG.infof("SPOD product mapping: %d SKU(s) %s", routing.mappedSkus().size(), routing.mappedSkus());
        return routing;
    }
}
