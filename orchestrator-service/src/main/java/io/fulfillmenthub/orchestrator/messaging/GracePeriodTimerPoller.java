package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.fulfillmenthub.orchestrator.persistence.GracePeriodTimerRows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Fires due grace-period timers, in batches of {@code hub.orchestrator.timers.batch-size}, one transaction per
 * batch: the due timers are claimed with their orders ({@code FOR UPDATE SKIP LOCKED}, so replicas polling at
 * the same time each take other timers, and a timer is never fired twice), each order moved through
 * {@link FactApplier#fireGracePeriodTimers} with its timeline and outbox rows, and the timers deleted, all in
 * that transaction. A batch that fails for want of the database fires nothing and is tried again at the next
 * poll; one that fails otherwise is fired again one transaction per timer, so a timer whose transition fails
 * holds back no other. The timers stay in PostgreSQL, so a restart loses none and fires each once.
 */
@ApplicationScoped
public class GracePeriodTimerPoller {

    private static final Logger LOG = Logger.getLogger(GracePeriodTimerPoller.class);

    @Inject
    Pool database;

    @Inject
    GracePeriodTimerRows timers;

    @Inject
    FactApplier applier;

    @Inject
    OutboxRelay relay;

    @Inject
    GracePeriodTimerConfig config;

    @Scheduled(every = "${hub.orchestrator.timers.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return fireDue().onFailure().recoverWithItem(failure -> {
            // the database away is reported by readiness; a poll each second need not say it again
            LOG.logf(Failures.classify(failure) == FailureClass.TRANSIENT ? Logger.Level.DEBUG : Logger.Level.WARN,
                    "grace-period timers not fired this round, tried again at the next: %s", failure.getMessage());
            return 0;
        }).replaceWithVoid();
    }

    /** Fires every timer due now, batch after batch. @return how many fired */
    public Uni<Integer> fireDue() {
        return fireBatch().chain(fired -> fired < config.batchSize() ? Uni.createFrom().item(fired)
                : fireDue().map(more -> fired + more));
    }

    /**
     * One batch in one transaction. When it fails other than transiently (an order whose transition fails every
     * time), its timers are fired again one transaction each, so the one that fails fails alone: it stays and is
     * tried at every poll (logged), and the others go on.
     */
    private Uni<Integer> fireBatch() {
        Instant now = Instant.now();
        return inOneTransaction(connection -> timers.claimDue(connection, now, config.batchSize()), now)
                .onFailure(failure -> Failures.classify(failure) != FailureClass.TRANSIENT).recoverWithUni(failure -> {
                    LOG.warnf("a batch of grace-period timers failed (%s); firing them one transaction each",
                            failure.getMessage());
                    return oneTransactionEach(now);
                });
    }

    private Uni<Integer> oneTransactionEach(Instant now) {
        return timers.due(database, now, config.batchSize()).chain(ids -> Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> inOneTransaction(connection -> timers.claimDue(connection, now,
                        id), now).onFailure().recoverWithItem(failure -> {
                            LOG.warnf("the grace-period timer of %s failed, tried again at the next poll: %s", id,
                                    failure.getMessage());
                            return 0;
                        }))
                .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private Uni<Integer> inOneTransaction(Function<SqlConnection, Uni<Map<String, Instant>>> claim, Instant now) {
        return database.withTransaction(connection -> claim.apply(connection)
                .chain(due -> due.isEmpty() ? Uni.createFrom().item(new Fired(0, 0))
                        : applier.fireGracePeriodTimers(connection, due, now).map(written -> new Fired(due.size(), written))))
                .invoke(fired -> {
                    if (fired.outboxRows() > 0) {
                        relay.wake();
                    }
                    if (fired.timers() > 0) {
                        LOG.debugf("%d grace-period timer(s) fired", fired.timers());
                    }
                })
                .map(Fired::timers);
    }

    private record Fired(int timers, int outboxRows) {
    }
}
