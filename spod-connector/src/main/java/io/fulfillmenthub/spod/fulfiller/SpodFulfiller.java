package io.fulfillmenthub.spod.fulfiller;

import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.spod.messaging.PrintOrderCommands;
import io.fulfillmenthub.spod.messaging.SpodOrderPoller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** SPOD as the print fulfiller: commands by {@link PrintOrderCommands}, progress by {@link SpodOrderPoller}. */
@ApplicationScoped
public class SpodFulfiller implements PrintFulfiller {

    private final PrintOrderCommands commands;
    private final SpodOrderPoller poller;

    public SpodFulfiller(PrintOrderCommands commands, SpodOrderPoller poller) {
        this.commands = commands;
        this.poller = poller;
    }

    @Override
    public Fulfiller fulfiller() {
        return Fulfiller.SPOD;
    }

    @Override
    public Uni<Void> submit(IncomingCloudEvent event, SubmitPrintOrder command) {
        return commands.submit(event, command);
    }

    @Override
    public Uni<Void> cancel(IncomingCloudEvent event, CancelPrintOrder command) {
        return commands.cancel(event, command);
    }

    @Override
    public Uni<Integer> progress() {
        return poller.poll();
    }
}
