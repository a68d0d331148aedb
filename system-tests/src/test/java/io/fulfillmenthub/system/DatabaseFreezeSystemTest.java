package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL frozen for 45 s while orders flow (every process of the server stopped, as a hung host: open
 * connections stay open and answer nothing, new ones are not served), then let go: nothing is lost or
 * done twice. The embedded server holds every service's database, so the orchestrator's and every
 * connector's freeze together. Readiness is watched throughout: a service with a database should say it
 * is not ready while it is frozen, and be ready again by itself.
 */
@Tag("reliability") // runs with -Preliability: see the module README
class DatabaseFreezeSystemTest {

    private static final int ORDERS = 60;
    private static final Duration PACE = Duration.ofMillis(500);
    private static final Duration FREEZE = Duration.ofSeconds(45);

    private static ChaosHub hub;

    @BeforeAll
    static void startTheHub() throws Exception {
        hub = ChaosHub.shared();
    }

    @Test
    void theDatabasesFrozenFor45SecondsLoseAndDuplicateNothing() {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try (OrderFlow flow = new OrderFlow(hub); ReadinessWatch readiness = new ReadinessWatch(hub.stack)) {
            await().atMost(Duration.ofMinutes(1)).until(readiness::allUp);
            flow.place(ORDERS, PACE, i -> false);
            await().atMost(Duration.ofMinutes(2)).until(() -> flow.placedSoFar() >= 15);

            Instant frozen = Instant.now();
            hub.stack.freezePostgres();
            // the fault's own length, as the sandbox's freeze has one: not a wait for the hub
            ScheduledFuture<Instant> thaw = clock.schedule(() -> {
                hub.stack.thawPostgres();
                return Instant.now();
            }, FREEZE.toMillis(), TimeUnit.MILLISECONDS);
            Instant thawed;
            try {
                await().atMost(FREEZE.plusSeconds(30)).until(thaw::isDone);
                thawed = thaw.get();
            } catch (Exception e) {
                hub.stack.thawPostgres();
                throw new IllegalStateException("PostgreSQL was not thawed on time", e);
            }
            boolean upAgain = FaultRun.awaitQuietly(Duration.ofMinutes(3), readiness::allUp);

            FaultRun.Drained drained = FaultRun.drain(hub, flow, thawed);
            VendorLedger.Tally tally = drained.tally();
            ReliabilityFigures.record("DatabaseFreezeSystemTest", "PostgreSQL frozen (SIGSTOP), every service's database",
                    Duration.between(frozen, thawed), tally, drained.drain(), "readiness: " + readiness.describeSince(frozen));

            assertThat(flow.failures()).as("orders the sandbox could not place").isEmpty();
            assertThat(tally.violations).as(tally.summary()).isEmpty();
            assertThat(drained.drain()).as("drained within %s: %s", FaultRun.DRAIN_LIMIT, tally.summary()).isNotNull();
            assertThat(tally.atSpodOnce).as(tally.summary()).isEqualTo(ORDERS);
            assertThat(tally.shippedOnceAtSpresso).as(tally.summary()).isEqualTo(ORDERS);
            assertThat(tally.deadLetters).as("dead letters: a database away is transient").isZero();

            for (var replica : readiness.replicas()) {
                if (replica.service() == HubService.INGEST) {
                    continue; // it keeps no state
                }
                ReadinessWatch.Change notReady = readiness.firstNotUpSince(replica, frozen);
                assertThat(notReady).as("%s not ready while its database was frozen: %s", replica,
                        readiness.describeSince(frozen)).isNotNull();
                assertThat(notReady.at()).as("%s not ready while its database was frozen: %s", replica,
                        readiness.describeSince(frozen)).isBefore(thawed);
                // a probe gets an answer, DOWN, rather than none: the database check has a bound of its own
                assertThat(notReady.state()).as("%s answered readiness while its database was frozen: %s", replica,
                        readiness.describeSince(frozen)).isEqualTo(ReadinessWatch.State.DOWN);
            }
            assertThat(upAgain).as("every service ready again by itself: %s", readiness.describeSince(frozen)).isTrue();
        } finally {
            clock.shutdownNow();
        }
    }
}
