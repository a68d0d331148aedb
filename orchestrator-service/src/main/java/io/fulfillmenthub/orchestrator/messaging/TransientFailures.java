package io.fulfillmenthub.orchestrator.messaging;

import io.fulfillmenthub.orchestrator.persistence.Unnest;
import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Failures that a new attempt of the same transaction can get past: a concurrent writer changed a
 * versioned row, a deadlock or serialization failure, or a concurrent insert of the same order.
 */
final class TransientFailures {

    /** serialization_failure, deadlock_detected, unique_violation (two first deliveries of one order at once) */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "23505");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Unnest.StaleRowsException) {
                return true;
            }
            if (cause instanceof PgException pg && TRANSIENT_STATES.contains(pg.getSqlState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
