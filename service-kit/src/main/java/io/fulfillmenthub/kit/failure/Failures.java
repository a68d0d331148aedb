package io.fulfillmenthub.kit.failure;

import io.fulfillmenthub.contracts.HubJson;
import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one rule every consumer applies to a failure: transient, a contract violation, or unknown. The
 * failure and its causes are read, so a wrapped connection error is still transient. A PostgreSQL error
 * is read by its SQLSTATE (through {@code getSqlState()}, so that services without the reactive
 * PostgreSQL client can use this class too).
 */
public final class Failures {

    private static final String JSON_ERROR = "com.fasterxml.jackson.core.JacksonException";

    /**
     * Vert.x 4's SQL client fails two connection states with this bare Throwable (not a VertxException),
     * told apart only by its message: no pooled connection in time ("Timeout"), and a statement on a
     * connection that closed meanwhile ("Connection is not active now, current status: CLOSED").
     */
    private static final String VERTX_BARE_THROWABLE = "io.vertx.core.impl.NoStackTraceThrowable";

    /** Types known by name, so this class needs none of their libraries. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "jakarta.ws.rs.ProcessingException",
            "org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException",
            "org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException",
            "io.quarkus.oidc.client.OidcClientException",
            "io.vertx.core.VertxException",
            "io.vertx.core.http.HttpClosedException",
            "io.vertx.sqlclient.ClosedConnectionException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.InterruptException",
            "org.apache.kafka.common.errors.DisconnectException");

    private Failures() {
    }

    public static FailureClass classify(Throwable failure) {
        // what the record or the database said outweighs any wrapper that looks like an outage
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ContractViolation || cause instanceof HubJson.InvalidMessageException) {
                return FailureClass.CONTRACT;
            }
            Optional<String> sqlState = sqlState(cause);
            if (sqlState.isPresent()) {
                return transientSqlState(sqlState.get()) ? FailureClass.TRANSIENT : FailureClass.UNKNOWN;
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (isA(cause, Set.of(JSON_ERROR))) {
                // Jackson's errors are IOExceptions, but unreadable JSON stays unreadable
                return FailureClass.UNKNOWN;
            }
            if (cause instanceof TransientFailure || cause instanceof IOException || cause instanceof TimeoutException
                    || isA(cause, TRANSIENT_TYPES) || isVertxConnectionState(cause)) {
                return FailureClass.TRANSIENT;
            }
        }
        return FailureClass.UNKNOWN;
    }

    /** The wait the failure or one of its causes asked for. */
    public static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof TransientFailure asked && asked.retryAfter().isPresent()) {
                return asked.retryAfter();
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the failure asked for a longer wait than {@code limit}: a vendor client stops its own short
     * retries then and leaves the wait to the consumer, which waits it out in full.
     */
    public static boolean asksToWaitLongerThan(Throwable failure, Duration limit) {
        return retryAfter(failure).filter(asked -> asked.compareTo(limit) > 0).isPresent();
    }

    /**
     * Connection failures (08), serialization failures and deadlocks (40001, 40P01), insufficient
     * resources (53), the server shutting down or restarting (57P01-57P03) and a lock not available
     * (55P03). A constraint violation (23) or bad data (22) fails the same way every time.
     */
    static boolean transientSqlState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.equals("40001") || state.equals("40P01")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("55P03");
    }

    private static Optional<String> sqlState(Throwable failure) {
        if (failure instanceof SQLException jdbc) {
            return Optional.ofNullable(jdbc.getSQLState());
        }
        try {
            Method getter = failure.getClass().getMethod("getSqlState");
            return getter.getReturnType() == String.class ? Optional.ofNullable((String) getter.invoke(failure)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException notADatabaseError) {
            return Optional.empty();
        }
    }

    private static boolean isVertxConnectionState(Throwable failure) {
        String message = failure.getMessage();
        return isA(failure, Set.of(VERTX_BARE_THROWABLE)) && message != null
                && (message.equals("Timeout") || message.startsWith("Connection is not active now"));
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static boolean isA(Throwable failure, Set<String> typeNames) {
        for (Class<?> type = failure.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
