package io.fulfillmenthub.orchestrator.deadletter;

import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import io.fulfillmenthub.orchestrator.persistence.OrderRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Replays dead letters (issue 11 agreements): each is published to the topic it was consumed from with
 * its key, value and original headers, so the same {@code ce_id}, plus {@code hub-replay-of}, through
 * {@link HubPublisher}, which completes once the broker has acknowledged it. Then one transaction marks
 * the dead letter replayed and notes the replay on its order's timeline.
 *
 * <p>A crash (or a failed commit) between the broker's ack and that transaction leaves the dead letter
 * not marked: it is replayed again, with the same {@code ce_id}, and the consumer's inbox drops the
 * repeat. Publishing does not go through the outbox: a replay is an operator's action on one record, and
 * its record already exists.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    @Inject
    Pool database;

    @Inject
    HubPublisher publisher;

    @Inject
    DeadLetterRows rows;

    @Inject
    OrderRows orders;

    @Inject
    ReplayConfig config;

    /**
     * Replays one dead letter, replayed before or not; null when there is no such dead letter.
     *
     * @param who the operator who asked, as the order's timeline names them
     */
    public Uni<@Nullable DeadLetterEntry> replay(long id, String who) {
        return rows.load(database, id).chain(letter -> letter == null ? Uni.createFrom().nullItem() : replay(letter, who));
    }

    /**
     * Replays the selected dead letters not replayed yet, one after the other, each once the one before was
     * acknowledged and marked, in offset order per dead-letter topic (so per group and order): an order's
     * records reach its consumer in the order they first came. Stops at the first that fails.
     */
    public Uni<List<DeadLetterEntry>> replay(ReplaySelection selection, String who) {
        return rows.toReplay(database, selection).chain(ids -> replayInTurn(ids, 0, new ArrayList<>(), who));
    }

    private Uni<List<DeadLetterEntry>> replayInTurn(List<Long> ids, int next, List<DeadLetterEntry> replayed,
            String who) {
        if (next == ids.size()) {
            return Uni.createFrom().item(replayed);
        }
        long id = ids.get(next);
        return rows.load(database, id)
                // replayed by another request in between, or gone: nothing to do for it
                .chain(letter -> letter == null || letter.entry().replayedAt() != null ? Uni.createFrom().voidItem()
                        : replay(letter, who).invoke(replayed::add).replaceWithVoid())
                .onFailure().transform(failure -> new ReplayFailedException(replayed, ids.size(), id, failure))
                .chain(() -> replayInTurn(ids, next + 1, replayed, who));
    }

    private Uni<DeadLetterEntry> replay(DeadLetter letter, String who) {
        DeadLetterEntry entry = letter.entry();
        return publisher.publish(letter.replay()).ifNoItem().after(config.publishTimeout()).fail()
                .chain(() -> database.withTransaction(connection -> rows.markReplayed(connection, entry.id())
                        .call(marked -> noteOnTimeline(connection, marked, who))))
                .invoke(marked -> LOG.infof("replayed dead letter %d (%s %s of %s) from %s to %s, asked by %s", entry.id(),
                        entry.ceType(), entry.ceId(), entry.hubOrderId(), entry.position(), entry.sourceTopic(), who));
    }

    /** On the order's timeline, when the dead letter names a stored order (a webhook's may not). */
    private Uni<Void> noteOnTimeline(SqlConnection connection, DeadLetterEntry entry, String who) {
        if (entry.hubOrderId() == null) {
            return Uni.createFrom().voidItem();
        }
        return orders.status(connection, entry.hubOrderId()).chain(status -> {
            if (status == null) {
                return Uni.createFrom().voidItem();
            }
            String type = entry.ceType() == null ? "(no ce_type)" : entry.ceType();
            String id = entry.ceId() == null ? entry.position() : entry.ceId();
            var cause = new Cause(type, id, Instant.now());
            // a note: the order's status does not move
            return orders.appendTimeline(connection, entry.hubOrderId(), List.of(TimelineEntry.of(cause, null, status,
                    status, "replayed " + type + " " + id + " from " + entry.dlqTopic() + " for " + entry.group() + " by " + who)));
        });
    }

    /** A replay of several dead letters stopped at one that could not be published or marked. */
    public static final class ReplayFailedException extends RuntimeException {

        private final transient List<DeadLetterEntry> replayed;

        ReplayFailedException(List<DeadLetterEntry> replayed, int selected, long failedId, Throwable cause) {
            super("replayed " + replayed.size() + " of " + selected + " dead letters; dead letter " + failedId
                    + " failed (" + cause.getMessage() + ") and the rest were not tried", cause);
            this.replayed = List.copyOf(replayed);
        }

        public List<DeadLetterEntry> replayed() {
            return replayed;
        }
    }
}
