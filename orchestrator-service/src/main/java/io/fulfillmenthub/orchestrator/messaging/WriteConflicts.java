package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.orchestrator.persistence.Unnest;
import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Failures of a transaction that the same transaction, run again at once, gets past: a concurrent writer
 * changed a versioned row, a deadlock or a serialization failure. Not a constraint violation (a variant
 * listed twice fails the same way every time; two first deliveries of one order at once are sorted out
 * when the facts are applied again one by one), and not the database being away, which
 * {@link io.fulfillmenthub.kit.failure.Failures} classes as transient for the consumer to wait out.
 */
final class WriteConflicts {

    /** serialization_failure, deadlock_detected */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");

    private WriteConflicts() {
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Unnest.StaleRowsException) {
                return true;
            }
            if (cause instanceof PgException pg) {
                return CONFLICT_STATES.contains(pg.getSqlState());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
