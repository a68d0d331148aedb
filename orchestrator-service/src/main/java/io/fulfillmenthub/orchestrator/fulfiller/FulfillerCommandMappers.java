package io.fulfillmenthub.orchestrator.fulfiller;

import io.fulfillmenthub.contracts.HubMessage;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.orchestrator.domain.FulfillerCommands;
import io.fulfillmenthub.orchestrator.domain.FulfillerIntent;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every fulfiller's mapper, keyed by its fulfiller: an intent goes to the mapper of its fulfillment's fulfiller. */
@ApplicationScoped
public class FulfillerCommandMappers implements FulfillerCommands {

    private final Map<Fulfiller, FulfillerCommandMapper> byFulfiller = new EnumMap<>(Fulfiller.class);

    @Inject
    public FulfillerCommandMappers(@All List<FulfillerCommandMapper> mappers) {
        for (FulfillerCommandMapper mapper : mappers) {
            if (byFulfiller.putIfAbsent(mapper.fulfiller(), mapper) != null) {
                throw new IllegalStateException("two command mappers for " + mapper.fulfiller());
            }
        }
    }

    @Override
    public boolean maps(Fulfiller fulfiller) {
        return byFulfiller.containsKey(fulfiller);
    }

    @Override
    public HubMessage command(FulfillerIntent intent) {
        FulfillerCommandMapper mapper = byFulfiller.get(intent.fulfiller());
        if (mapper == null) {
            throw new IllegalStateException("no command mapper for " + intent.fulfiller() + " (fulfillment "
                    + intent.fulfillmentId() + ")");
        }
        if (intent instanceof FulfillerIntent.Submit submit) {
            return mapper.submit(submit);
        }
        if (intent instanceof FulfillerIntent.Handover handover) {
            return mapper.handover(handover);
        }
        return mapper.cancel((FulfillerIntent.Cancel) intent);
    }
}
