package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.kit.failure.FailureClass;
import io.fulfillmenthub.kit.failure.Failures;
import io.fulfillmenthub.kit.failure.TransientFailure;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The transaction boundary: all facts of one poll are applied in order in ONE transaction, because a
 * durable commit costs far more than the work of one fact. A conflict with a concurrent writer (a
 * version conflict, a deadlock) runs the whole transaction again, a few times. The database being away
 * fails every fact with that cause, for the consumer to wait out. Any other failure of the batch applies
 * its facts again one transaction each, so the one fact that cannot be applied fails alone and the others
 * commit; an order's facts after its failed one are not applied (they fail as waiting behind it), so an
 * order's facts never apply out of order. After a commit that wrote outbox rows the relay is woken, once.
 *
 * <p>The transaction is the reactive SQL client's, on one pooled connection ({@link FactApplier} works
 * set-based on it); the other shares of a poll run theirs on other connections at the same time.
 */
@ApplicationScoped
public class FactProcessing {

    private static final Logger LOG = Logger.getLogger(FactProcessing.class);

    @Inject
    FactApplier applier;

    @Inject
    Pool database;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "hub.facts.transient-retries", defaultValue = "3")
    int transientRetries;

    /** @return the records whose fact could not be applied, each with why; every other fact is committed */
    public Uni<Map<Message<byte[]>, Throwable>> process(List<ConsumedFact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return inOneTransaction(facts)
                .invoke(() -> LOG.debugf("%d facts applied in one transaction", facts.size()))
                .map(written -> new Applied(written, Map.<Message<byte[]>, Throwable>of()))
                .onFailure().recoverWithUni(failure -> {
                    if (facts.size() == 1 || Failures.classify(failure) == FailureClass.TRANSIENT) {
                        Map<Message<byte[]>, Throwable> all = new IdentityHashMap<>();
                        facts.forEach(fact -> all.put(fact.record(), failure));
                        return Uni.createFrom().item(new Applied(0, all));
                    }
                    LOG.infof("a batch of %d facts failed (%s); applying them one transaction each", facts.size(),
                            failure.getMessage());
                    return oneTransactionEach(facts);
                })
                .map(applied -> {
                    if (applied.written() > 0) {
                        relay.wake();
                    }
                    return applied.failed();
                });
    }

    private Uni<Applied> oneTransactionEach(List<ConsumedFact> facts) {
        Map<Message<byte[]>, Throwable> failed = new IdentityHashMap<>();
        Map<String, Throwable> failedOrders = new HashMap<>();
        return Multi.createFrom().iterable(facts)
                .onItem().transformToUniAndConcatenate(fact -> {
                    Throwable before = failedOrders.get(fact.fact().hubOrderId());
                    if (before != null) {
                        failed.put(fact.record(), new WaitsBehindAnEarlierFact(fact, before));
                        return Uni.createFrom().item(0);
                    }
                    return inOneTransaction(List.of(fact)).onFailure().recoverWithItem(failure -> {
                        failed.put(fact.record(), failure);
                        failedOrders.put(fact.fact().hubOrderId(), failure);
                        return 0;
                    });
                })
                .collect().with(Collectors.summingInt(Integer::intValue))
                .map(written -> new Applied(written, failed));
    }

    /** @return how many outbox rows the transaction wrote */
    private Uni<Integer> inOneTransaction(List<ConsumedFact> facts) {
        // a retry subscribes again: a new transaction that loads the orders afresh
        return database.withTransaction(connection -> applier.apply(connection, facts))
                .onFailure(WriteConflicts::isConflict).retry().atMost(transientRetries);
    }

    private record Applied(int written, Map<Message<byte[]>, Throwable> failed) {
    }

    /** Not applied because an earlier fact of its order failed: tried again with it, or held behind its dead letter. */
    static final class WaitsBehindAnEarlierFact extends RuntimeException implements TransientFailure {
        WaitsBehindAnEarlierFact(ConsumedFact fact, Throwable before) {
            super(fact.cause().factType() + " " + fact.cause().factId() + " waits behind an earlier fact of " + fact.fact().hubOrderId()
                    + " that failed: " + before.getMessage(), null, false, false);
        }
    }
}
