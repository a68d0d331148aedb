package io.fulfillmenthub.kit.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.fulfillmenthub.contracts.HubJson;
import io.vertx.core.impl.NoStackTraceThrowable;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void anOutageIsTransientEvenWhenWrapped() {
        assertThat(Failures.classify(new ConnectException("Connection refused"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new CompletionException(new TimeoutException("no answer")))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new org.apache.kafka.common.errors.TimeoutException("broker away")))
                .isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new NotEnoughReplicasException("isr"))).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void theVertxSqlClientsBareConnectionStatesAreTransient() {
        // as the reactive client reports them (orchestrator FailureClassificationTest provokes them for real)
        assertThat(Failures.classify(new NoStackTraceThrowable("Timeout"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")))
                .isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new NoStackTraceThrowable("something else"))).isEqualTo(FailureClass.UNKNOWN);
    }

    @Test
    void thePostgresSqlStateDecides() {
        assertThat(Failures.classify(new PgLikeException("08006"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new PgLikeException("57P01"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new PgLikeException("40001"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new PgLikeException("40P01"))).isEqualTo(FailureClass.TRANSIENT);
        assertThat(Failures.classify(new SQLException("too many clients", "53300"))).isEqualTo(FailureClass.TRANSIENT);
    }

    @Test
    void aConstraintViolationIsNotTransient() {
        assertThat(Failures.classify(new PgLikeException("23505"))).isEqualTo(FailureClass.UNKNOWN);
        // the database's verdict stands even under a wrapper that looks like an outage
        assertThat(Failures.classify(new java.io.UncheckedIOException(new java.io.IOException("batch", new PgLikeException("23505")))))
                .isEqualTo(FailureClass.UNKNOWN);
        assertThat(Failures.classify(new SQLException("duplicate key", "23505"))).isEqualTo(FailureClass.UNKNOWN);
    }

    @Test
    void aRecordThatBreaksTheContractCanNeverSucceed() {
        assertThat(Failures.classify(new HubJson.InvalidMessageException("$.hubOrderId: missing", null)))
                .isEqualTo(FailureClass.CONTRACT);
    }

    @Test
    void unreadableJsonAndARecordTheBrokerRefusesAreNotTransient() {
        assertThat(Failures.classify(new JsonParseException(null, "Unexpected character"))).isEqualTo(FailureClass.UNKNOWN);
        assertThat(Failures.classify(new RecordTooLargeException("too large"))).isEqualTo(FailureClass.UNKNOWN);
        assertThat(Failures.classify(new IllegalStateException("a bug"))).isEqualTo(FailureClass.UNKNOWN);
    }

    /** Stands for io.vertx.pgclient.PgException, which is read through its getSqlState(). */
    public static final class PgLikeException extends RuntimeException {
        private final String sqlState;

        PgLikeException(String sqlState) {
            super("SQLSTATE " + sqlState);
            this.sqlState = sqlState;
        }

        public String getSqlState() {
            return sqlState;
        }
    }
}
