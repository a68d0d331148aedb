package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.fulfillmenthub.orchestrator.persistence.GracePeriodTimerRows;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Fires due grace-period timers, in batches of {@code hub.orchestrator.timers.batch-size}, one transaction per
 * batch: the due timers are claimed with their orders ({@code FOR UPDATE SKIP LOCKED}, so replicas polling at
 * the same time each take other timers, and a timer is never fired twice), each order moved through
 * {@link FactApplier#fireGracePeriodTimers} with its timeline and outbox rows, and the timers deleted, all in
 * that transaction. A failed batch fires nothing and is tried again at the next poll; the timers stay in
 * PostgreSQL, so a restart loses none and fires each once.
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

    private Uni<Integer> fireBatch() {
        Instant now = Instant.now();
        return database.withTransaction(connection -> timers.claimDue(connection, now, config.batchSize())
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
