package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.orchestrator.messaging.OutboxRelay;
import io.fulfillmenthub.orchestrator.persistence.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** Parked outbox messages for operators: list them, and retry one. */
@ApplicationScoped
public class OutboxOperations {

    private static final Logger LOG = Logger.getLogger(OutboxOperations.class);

    @Inject
    Pool database;

    @Inject
    OutboxRows outbox;

    @Inject
    OutboxRelay relay;

    /** Keyset page: parked messages with an id after {@code after}, by id. */
    public Uni<OutboxPage> parked(long after, int limit) {
        // one more than the page: whether there is a next one
        return outbox.parked(database, after, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<OutboxRows.Failed> page = more ? found.subList(0, limit) : found;
            return new OutboxPage(page.stream().map(OutboxMessageView::of).toList(),
                    more ? String.valueOf(page.get(page.size() - 1).id()) : null);
        });
    }

    /** Un-parks the message and wakes the relay; null when no parked message has this id. */
    public Uni<OutboxMessageView> retry(long id) {
        return outbox.unpark(database, id).map(row -> {
            if (row == null) {
                return null;
            }
            LOG.infof("outbox message %s (%s) of order %s un-parked by an operator; last error: %s", row.ceId(),
                    row.ceType(), row.hubOrderId(), row.lastError());
            relay.wake();
            return OutboxMessageView.of(row);
        });
    }
}
