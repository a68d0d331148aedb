package io.fulfillmenthub.orchestrator.fulfiller;

import io.fulfillmenthub.contracts.commands.CancelSale;
import io.fulfillmenthub.contracts.commands.CreateSale;
import io.fulfillmenthub.contracts.commands.FulfilSale;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.domain.FulfillerIntent;
import io.fulfillmenthub.orchestrator.domain.Route;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lightspeed's commands: {@code CreateSale}, {@code CancelSale} and {@code FulfilSale} on
 * {@code fulfillment.commands.pos.v1}. The pos-connector turns them into Lightspeed's calls.
 */
@ApplicationScoped
public class LightspeedCommandMapper implements FulfillerCommandMapper {

    @Override
    public Fulfiller fulfiller() {
        return Fulfiller.LIGHTSPEED;
    }

    /** A sale awaiting pickup or dispatch at the routed outlet; its note names the storefront's order for the staff. */
    @Override
    public CreateSale submit(FulfillerIntent.Submit intent) {
        requireLightspeed(intent);
        if (!(intent.route() instanceof Route.Store store)) {
            throw new IllegalArgumentException("a Lightspeed sale for fulfillment " + intent.fulfillmentId()
                    + " routed as " + intent.route());
        }
        return new CreateSale(intent.hubOrderId(), intent.fulfillmentId(), store.mode(), store.outletId(),
                store.registerId(), store.userId(), store.lines(), intent.storefrontOrder() + " (fulfillment "
                        + intent.fulfillmentId() + ")");
    }

    @Override
    public CancelSale cancel(FulfillerIntent.Cancel intent) {
        requireLightspeed(intent);
        return new CancelSale(intent.hubOrderId(), intent.fulfillmentId(), intent.reason());
    }

    @Override
    public FulfilSale handover(FulfillerIntent.Handover intent) {
        requireLightspeed(intent);
        return new FulfilSale(intent.hubOrderId(), intent.fulfillmentId(), intent.mode());
    }

    private static void requireLightspeed(FulfillerIntent intent) {
        if (intent.fulfiller() != Fulfiller.LIGHTSPEED) {
            throw new IllegalArgumentException("a Lightspeed command for fulfillment " + intent.fulfillmentId() + " of "
                    + intent.fulfiller());
        }
    }
}
