package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.HubRules;
import io.fulfillmenthub.orchestrator.domain.IllegalTransitionException;
import io.fulfillmenthub.orchestrator.domain.Order;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.fulfillmenthub.orchestrator.domain.TimelineEntry;
import io.fulfillmenthub.orchestrator.persistence.GracePeriodTimerRows;
import io.fulfillmenthub.orchestrator.persistence.OrderRows;
import io.fulfillmenthub.orchestrator.persistence.TrackedOrder;
import io.fulfillmenthub.orchestrator.persistence.UnitOfWork;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies a batch of facts inside the caller's transaction, set-based: one inbox statement tells which
 * facts are new (a duplicate means already done), one statement per table locks and loads every order
 * they are about, each fact then moves its order in memory, in the order the facts came (so several
 * facts of one order in a batch build on each other), and one statement per table and kind of change
 * stores the result with the outbox rows it causes ({@link OrderRows}). It opens no transaction itself
 * ({@link FactProcessing} does).
 *
 * <p>What each fact does is registered once, in {@link FactTransitions}. A fact the order's state does not
 * allow is recorded on its timeline as refused and changes nothing else. A fact about an order never
 * received fails the batch ({@link UnknownOrderException}), as any other failure does, unless it may come
 * before its order (an {@code OrderCancelledAtSource} is kept for it); {@link FactProcessing} then applies
 * the facts one transaction each.
 */
@ApplicationScoped
public class FactApplier {

    private static final Logger LOG = Logger.getLogger(FactApplier.class);

    /** The cause a grace-period timer's firing is recorded under (no fact: the hub's own timer). */
    public static final String GRACE_PERIOD_ENDED = "hub.timer.grace-period-ended";

    @Inject
    OrderRows rows;

    @Inject
    GracePeriodTimerRows timers;

    @Inject
    HubRules rules;

    /** @return how many outbox rows it wrote (none for duplicates and refused facts) */
    public Uni<Integer> apply(SqlConnection connection, List<ConsumedFact> facts) {
        List<String> ids = facts.stream().map(fact -> fact.cause().factId()).toList();
        return rows.firstDeliveries(connection, FactConsumer.CONSUMER, ids).chain(first -> {
            List<ConsumedFact> fresh = new ArrayList<>();
            for (ConsumedFact fact : facts) {
                // a repeat inside the batch: only its first occurrence is new
                if (first.remove(fact.cause().factId())) {
                    fresh.add(fact);
                } else {
                    LOG.debugf("%s %s already handled", fact.cause().factType(), fact.cause().factId());
                }
            }
            if (fresh.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Set<String> orders = new LinkedHashSet<>();
            Set<String> mayHaveComeEarly = new LinkedHashSet<>();
            for (ConsumedFact fact : fresh) {
                orders.add(fact.fact().hubOrderId());
                if (fact.registered().mayComeBeforeItsOrder()) {
                    mayHaveComeEarly.add(fact.fact().hubOrderId());
                }
            }
            return rows.lockAndLoad(connection, orders, mayHaveComeEarly).chain(work -> {
                // the hub's fulfillable rule compares grace periods with the time the batch is applied
                FactTransitions.Applying applying = new FactTransitions.Applying(rules, Instant.now());
                int written = 0;
                for (ConsumedFact fact : fresh) {
                    written += apply(work, fact, applying);
                }
                return rows.write(connection, work).replaceWith(written);
            });
        });
    }

    /**
     * Applies an operator's action to one stored order in the caller's transaction, the way a fact is
     * applied: the order locked and loaded, moved in memory, and written with its timeline and outbox rows.
     * An action that throws (e.g. IllegalTransitionException) writes nothing.
     *
     * @param cause what the timeline and the outbox's message ids name, e.g. a fact the API made
     * @return whether the order is stored (false: nothing was done)
     */
    public Uni<Boolean> applyToOrder(SqlConnection connection, String hubOrderId, Cause cause,
            Function<Order, List<Outgoing>> action) {
        return rows.lockAndLoad(connection, List.of(hubOrderId)).chain(work -> {
            TrackedOrder tracked = work.order(hubOrderId);
            if (tracked == null) {
                return Uni.createFrom().item(false);
            }
            Order order = tracked.order();
            List<Outgoing> messages = action.apply(order);
            work.timeline(hubOrderId, order.newTimelineEntries());
            work.outbox(cause, messages);
            return rows.write(connection, work).replaceWith(true);
        });
    }

    /**
     * Fires grace-period timers the caller claimed in its transaction ({@link GracePeriodTimerRows#claimDue}),
     * the way a fact is applied: their orders loaded (locked already), each moved by
     * {@link Order#gracePeriodEnded} in memory, and written with their timeline and outbox rows, the timers
     * deleted in the same transaction. The cause is {@value #GRACE_PERIOD_ENDED} with id
     * {@code grace-period/<hub order id>/<due time>}, so the messages a firing causes have ids of their own.
     *
     * @param due due time by hub order id
     * @return how many outbox rows it wrote
     */
    public Uni<Integer> fireGracePeriodTimers(SqlConnection connection, Map<String, Instant> due, Instant now) {
        List<String> ids = List.copyOf(due.keySet());
        return rows.lockAndLoad(connection, ids).chain(work -> {
            int written = 0;
            for (Map.Entry<String, Instant> timer : due.entrySet()) {
                String hubOrderId = timer.getKey();
                TrackedOrder tracked = work.order(hubOrderId);
                work.timerFired(hubOrderId);
                Cause cause = new Cause(GRACE_PERIOD_ENDED, "grace-period/" + hubOrderId + "/" + timer.getValue(),
                        timer.getValue());
                Order order = tracked.order();
                int recorded = order.newTimelineEntries().size();
                List<Outgoing> messages = order.gracePeriodEnded(rules, now, cause);
                List<TimelineEntry> entries = order.newTimelineEntries();
                work.timeline(hubOrderId, entries.subList(recorded, entries.size()));
                written += work.outbox(cause, messages);
            }
            int outboxRows = written;
            return timers.delete(connection, ids).chain(() -> rows.write(connection, work)).replaceWith(outboxRows);
        });
    }

    /** @return how many outbox rows the fact causes */
    private int apply(UnitOfWork work, ConsumedFact consumed, FactTransitions.Applying applying) {
        Cause cause = consumed.cause();
        Fact fact = consumed.fact();
        TrackedOrder tracked = work.order(fact.hubOrderId());
        if (tracked == null) {
            return consumed.registered().applyBeforeItsOrder(work, applying, fact, cause);
        }
        Order order = tracked.order();
        int recorded = order.newTimelineEntries().size();
        List<Outgoing> messages;
        try {
            messages = consumed.registered().apply(order, fact, applying, cause);
        } catch (IllegalTransitionException refused) {
            LOG.infof("%s %s refused for %s: %s", cause.factType(), cause.factId(), fact.hubOrderId(), refused.getMessage());
            work.timeline(fact.hubOrderId(), List.of(new TimelineEntry(cause.at(), cause.factType(), cause.factId(), null,
                    null, null, "refused: " + refused.getMessage())));
            return 0;
        }
        List<TimelineEntry> entries = order.newTimelineEntries();
        work.timeline(fact.hubOrderId(), entries.subList(recorded, entries.size()));
        return work.outbox(cause, messages);
    }
}
