package io.fulfillmenthub.orchestrator.fulfiller;

import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.domain.FulfillerIntent;
import io.fulfillmenthub.orchestrator.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;

/** SPOD's commands: {@code SubmitPrintOrder} and {@code CancelPrintOrder} on {@code fulfillment.commands.spod.v1}. */
@ApplicationScoped
public class SpodCommandMapper implements FulfillerCommandMapper {

    @Override
    public Fulfiller fulfiller() {
        return Fulfiller.SPOD;
    }

    @Override
    public SubmitPrintOrder submit(FulfillerIntent.Submit intent) {
        requireSpod(intent);
        if (!(intent.route() instanceof Route.Print route)) {
            throw new IllegalArgumentException("a SPOD print order for fulfillment " + intent.fulfillmentId()
                    + " routed as " + intent.route());
        }
        return new SubmitPrintOrder(intent.hubOrderId(), intent.fulfillmentId(), route.currency(), route.items(),
                new SubmitPrintOrder.Shipping(route.shippingType(), route.shippingPrice(), intent.shipTo()),
                intent.externalOrderId());
    }

    @Override
    public CancelPrintOrder cancel(FulfillerIntent.Cancel intent) {
        requireSpod(intent);
        return new CancelPrintOrder(intent.hubOrderId(), intent.fulfillmentId(), intent.reason(), intent.externalOrderId());
    }

    private static void requireSpod(FulfillerIntent intent) {
        if (intent.fulfiller() != Fulfiller.SPOD) {
            throw new IllegalArgumentException("a SPOD command for fulfillment " + intent.fulfillmentId() + " of "
                    + intent.fulfiller());
        }
    }
}
