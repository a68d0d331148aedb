package io.fulfillmenthub.orchestrator.routing;

import io.fulfillmenthub.contracts.model.OrderLine;
import io.fulfillmenthub.orchestrator.domain.FormedFulfillment;
import io.fulfillmenthub.orchestrator.domain.FulfillmentRouting;
import io.fulfillmenthub.orchestrator.domain.Route;
import java.util.Map;

/**
 * The hub's routing: a fulfillment whose method a store fulfils (pickup, local delivery) goes to a Lightspeed
 * outlet ({@link LightspeedRouting}), any other to SPOD ({@link SpodRouting}); a formed fulfillment whose rule
 * names an outlet goes to that outlet.
 */
public final class HubRouting implements FulfillmentRouting {

    private final SpodRouting spod;
    private final LightspeedRouting lightspeed;

    public HubRouting(SpodRouting spod, LightspeedRouting lightspeed) {
        this.spod = spod;
        this.lightspeed = lightspeed;
    }

    @Override
    public Route route(io.fulfillmenthub.contracts.model.SourceFulfillment fulfillment, Map<String, OrderLine> orderLines) {
        return lightspeed.isStoreMethod(fulfillment.method()) ? lightspeed.route(fulfillment, orderLines)
                : spod.route(fulfillment, orderLines);
    }

    @Override
    public Route route(FormedFulfillment formed, Map<String, OrderLine> orderLines) {
        if (formed.outlet() != null) {
            String method = formed.fulfillment().method();
            return lightspeed.toOutlet(formed.outlet(), method == null ? "" : method, formed.fulfillment(), orderLines);
        }
        return route(formed.fulfillment(), orderLines);
    }
}
