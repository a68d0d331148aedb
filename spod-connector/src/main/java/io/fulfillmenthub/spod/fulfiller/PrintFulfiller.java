package io.fulfillmenthub.spod.fulfiller;

import io.fulfillmenthub.contracts.commands.CancelPrintOrder;
import io.fulfillmenthub.contracts.commands.SubmitPrintOrder;
import io.fulfillmenthub.contracts.model.Fulfiller;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.smallrye.mutiny.Uni;

/**
 * A print fulfiller as the connector's consumer and schedule see it: submit, cancel, progress. SPOD is
 * the one implementation ({@link SpodFulfiller}); another fulfiller would be one bean of its own package.
 * Each method completes only when its facts are acknowledged, and fails as the consumer's rules expect.
 */
public interface PrintFulfiller {

    Fulfiller fulfiller();

    /** Submits the print order under {@code command.externalIdAtFulfiller()}; answered with a fact. */
    Uni<Void> submit(IncomingCloudEvent event, SubmitPrintOrder command);

    /** Cancels the print order {@code command.externalIdAtFulfiller()}; answered with a fact. */
    Uni<Void> cancel(IncomingCloudEvent event, CancelPrintOrder command);

    /** Reads what happened to the print orders since last time and publishes it; answers how many facts. */
    Uni<Integer> progress();
}
