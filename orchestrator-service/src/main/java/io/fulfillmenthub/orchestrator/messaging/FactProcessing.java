package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transaction boundary: one transaction per fact, committed before the message is acked; a
 * transient failure (a version conflict, a deadlock) runs the whole transaction again, a few times,
 * before the failure goes back to the dispatcher, which dead-letters the fact. After a commit that wrote
 * outbox rows the relay is woken. A batch of facts will wrap several {@link FactApplier#apply} calls in
 * one {@code Panache.withTransaction} here, and ack them after its commit.
 */
@ApplicationScoped
public class FactProcessing {

    @Inject
    FactApplier applier;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "hub.facts.transient-retries", defaultValue = "3")
    int transientRetries;

    public Uni<Void> process(IncomingCloudEvent event, Fact fact) {
        Cause cause = new Cause(event.type(), event.id(), event.time() == null ? Instant.now() : event.time());
        // retried without a delay: a re-subscription stays on this Vert.x context, which Hibernate Reactive needs
        return Panache.withTransaction(() -> applier.apply(cause, fact))
                .onFailure(TransientFailures::isTransient).retry().atMost(transientRetries)
                .invoke(written -> {
                    if (written > 0) {
                        relay.wake();
                    }
                })
                .replaceWithVoid();
    }
}
