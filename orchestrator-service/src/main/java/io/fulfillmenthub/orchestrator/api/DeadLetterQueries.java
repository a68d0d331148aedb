package io.fulfillmenthub.orchestrator.api;

import io.fulfillmenthub.orchestrator.deadletter.DeadLetterEntry;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterFilter;
import io.fulfillmenthub.orchestrator.deadletter.DeadLetterRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Reads of the dead-letter index for the operations API. */
@ApplicationScoped
public class DeadLetterQueries {

    @Inject
    Pool database;

    @Inject
    DeadLetterRows rows;

    /** Keyset page by id: dead letters with an id after {@code after} that match the filter. */
    public Uni<DeadLetterPage> page(DeadLetterFilter filter, long after, int limit) {
        // one more than the page: whether there is a next one
        return rows.page(database, filter, after, limit + 1).map(found -> {
            boolean more = found.size() > limit;
            List<DeadLetterEntry> page = more ? found.subList(0, limit) : found;
            Instant now = Instant.now();
            return new DeadLetterPage(page.stream().map(entry -> DeadLetterView.of(entry, now)).toList(),
                    more ? page.get(page.size() - 1).id() : null);
        });
    }

    /** How many dead letters of the order are not replayed yet. */
    public Uni<Integer> notReplayedCount(String hubOrderId) {
        return rows.notReplayedOf(database, hubOrderId).map(List::size);
    }
}
