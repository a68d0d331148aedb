package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import io.fulfillmenthub.orchestrator.messaging.OutboxRelay;
import io.fulfillmenthub.orchestrator.persistence.OrderRows;
import io.fulfillmenthub.orchestrator.persistence.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
    OrderRows orders;

    @Inject
    OutboxRelay relay;

    /** The cause an operator's retry of a parked message is recorded under on its order's timeline. */
    static final String OUTBOX_RETRIED = "hub.operation.outbox-message-retried";

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

    /**
     * Un-parks the message, notes it on its order's timeline naming the operator (same transaction), and wakes the
     * relay; null when no parked message has this id.
     */
    public Uni<OutboxMessageView> retry(long id, Operator who) {
        return database.withTransaction(connection -> outbox.unpark(connection, id).call(row -> row == null
                ? Uni.createFrom().voidItem() : noteOnTimeline(connection, row, who))).map(row -> {
            if (row == null) {
                return null;
            }
            LOG.infof("outbox message %s (%s) of order %s un-parked by %s; last error: %s", row.ceId(),
                    row.ceType(), row.hubOrderId(), who.describe(), row.lastError());
            relay.wake();
            return OutboxMessageView.of(row);
        });
    }

    private Uni<Void> noteOnTimeline(SqlConnection connection, OutboxRows.Failed row,
            Operator who) {
        return orders.status(connection, row.hubOrderId()).chain(status -> {
            if (status == null) {
                return Uni.createFrom().voidItem();
            }
            var cause = new Cause(OUTBOX_RETRIED, "retry/" + row.id() + "/" + UUID.randomUUID(), Instant.now());
            // a note: the order's status does not move
            return orders.appendTimeline(connection, row.hubOrderId(), List.of(TimelineEntry.of(cause, null, status,
                    status, "outbox message " + row.ceId() + " (" + row.ceType() + ", to " + row.topic()
                            + ") un-parked by " + who.describe() + ": tried again")));
        });
    }
}
