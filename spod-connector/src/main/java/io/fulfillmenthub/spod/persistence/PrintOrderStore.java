package io.fulfillmenthub.spod.persistence;

import io.fulfillmenthub.spod.translate.PrintLine;
import io.fulfillmenthub.spod.translate.ReportedState;
import io.fulfillmenthub.spod.translate.SpodProgress;
import io.fulfillmenthub.spod.translate.TrackedOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The connector's state: the print orders it submitted, the commands it handled (the inbox of V1) and
 * the poll cursor. Each method is one unit of work in one transaction.
 */
@ApplicationScoped
public class PrintOrderStore {

    /** The consumer name in processed_message. */
    public static final String CONSUMER = "spod-connector";
    static final String ORDERS_CURSOR = "spod-orders";

    /**
     * Before a submit: records the print order (unless an earlier submit did) so the poller can map its
     * lines. False when this command was handled before, and nothing is to be done.
     */
    @WithTransaction
    public Uni<Boolean> beginSubmit(String commandId, String fulfillmentId, String hubOrderId, List<PrintLine> lines) {
        return handled(commandId).flatMap(handled -> handled
                ? Uni.createFrom().item(false)
                : PrintOrder.<PrintOrder>findById(fulfillmentId).flatMap(existing -> {
                    if (existing == null) {
                        return PrintOrder.submitted(fulfillmentId, hubOrderId, lines, ReportedState.SUBMITTED, Instant.now())
                                .persist().replaceWith(true);
                    }
                    if (ReportedState.REJECTED.equals(existing.reportedState)) {
                        // submitted again after SPOD refused it: track the new attempt
                        existing.resubmitted(lines, Instant.now());
                    }
                    return Uni.createFrom().item(true);
                }));
    }

    /** Whether this command was handled before. */
    @WithSession
    public Uni<Boolean> alreadyHandled(String commandId) {
        return handled(commandId);
    }

    /**
     * After a command's fact was published: marks the command handled and, when the command settled the
     * print order's state (rejected, cancelled), records it so the poller does not report it again.
     */
    @WithTransaction
    public Uni<Void> commandHandled(String commandId, String fulfillmentId, String settledState) {
        Uni<Integer> inbox = Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO processed_message (consumer, message_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, CONSUMER)
                .setParameter(2, commandId)
                .executeUpdate());
        if (settledState == null) {
            return inbox.replaceWithVoid();
        }
        return inbox.flatMap(ignored -> PrintOrder.<PrintOrder>findById(fulfillmentId)).invoke(order -> {
            if (order != null) {
                order.reported(settledState, order.tracked().reportedShipments(), Instant.now());
            }
        }).replaceWithVoid();
    }

    /** The hub's print orders among these fulfillment ids; SPOD orders the hub did not submit are absent. */
    @WithSession
    public Uni<Map<String, TrackedOrder>> tracked(Collection<String> fulfillmentIds) {
        if (fulfillmentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return PrintOrder.<PrintOrder>list("fulfillmentId in ?1", fulfillmentIds).map(orders -> orders.stream()
                .map(PrintOrder::tracked)
                .collect(Collectors.toMap(TrackedOrder::fulfillmentId, Function.identity())));
    }

    /** SPOD's {@code updated-since} for the next poll; the epoch before the first. */
    @WithSession
    public Uni<Instant> cursor() {
        return PollCursor.<PollCursor>findById(ORDERS_CURSOR)
                .map(cursor -> cursor == null ? Instant.EPOCH : cursor.updatedSince);
    }

    /**
     * After a page's facts were published: stores what they reported and the cursor, in one transaction.
     *
     * @param cursor the newest {@code updated} read so far; the stored cursor only moves forward
     */
    @WithTransaction
    public Uni<Void> reported(Map<String, SpodProgress.Report> reports, Instant cursor) {
        Instant now = Instant.now();
        Uni<Void> orders = reports.isEmpty()
                ? Uni.createFrom().voidItem()
                : PrintOrder.<PrintOrder>list("fulfillmentId in ?1", reports.keySet()).invoke(found -> found.forEach(order -> {
                    SpodProgress.Report report = reports.get(order.fulfillmentId);
                    order.reported(report.reportedState(), report.reportedShipments(), now);
                })).replaceWithVoid();
        return orders.flatMap(ignored -> PollCursor.<PollCursor>findById(ORDERS_CURSOR)).flatMap(existing -> {
            if (existing != null) {
                if (cursor.isAfter(existing.updatedSince)) {
                    existing.updatedSince = cursor;
                    existing.updatedAt = now;
                }
                return Uni.createFrom().voidItem();
            }
            PollCursor created = new PollCursor();
            created.name = ORDERS_CURSOR;
            created.updatedSince = cursor;
            created.updatedAt = now;
            return created.persist().replaceWithVoid();
        });
    }

    private static Uni<Boolean> handled(String commandId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "SELECT count(*) FROM processed_message WHERE consumer = ?1 AND message_id = ?2", Long.class)
                .setParameter(1, CONSUMER)
                .setParameter(2, commandId)
                .getSingleResult())
                .map(count -> count > 0);
    }
}
