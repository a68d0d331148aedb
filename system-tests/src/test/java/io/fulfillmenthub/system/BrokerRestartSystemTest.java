package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped while orders flow, then started again on the same port with the same data, as a
 * broker restart in production: nothing is lost or done twice; meanwhile ingest asks the vendor to send
 * again later (503 with {@code Retry-After}), and only then (until it publishes again after the restart);
 * every service says it is not ready while the broker is away and is ready again by itself.
 */
@Tag("reliability") // runs with -Preliability: see the module README
class BrokerRestartSystemTest {

    private static final int ORDERS = 60;
    private static final Duration PACE = Duration.ofMillis(500);
    /** The outage lasts until it is seen where a user sees it; if it never is, this long, and the test says so. */
    private static final Duration OUTAGE_LIMIT = Duration.ofSeconds(90);
    /** Orders whose webhook comes while the broker is away (each waits ingest's 8 s for the broker's ack). */
    private static final int REFUSED_DURING_OUTAGE = 5;

    private static ChaosHub hub;

    @BeforeAll
    static void startTheHub() throws Exception {
        hub = ChaosHub.shared();
    }

    @Test
    void aBrokerRestartLosesAndDuplicatesNothingAndIngestAsksToRetryOnlyWhileItIsAway() {
        try (OrderFlow flow = new OrderFlow(hub); ReadinessWatch readiness = new ReadinessWatch(hub.stack)) {
            await().atMost(Duration.ofMinutes(1)).until(readiness::allUp);
            flow.place(ORDERS, PACE, i -> false);
            await().atMost(Duration.ofMinutes(2)).until(() -> flow.placedSoFar() >= 15);

            Instant away = Instant.now();
            hub.stack.stopBroker();
            Instant stopped = Instant.now();
            boolean seen;
            try {
                // the broker stays away until every service is not ready and ingest has refused a few webhooks
                seen = FaultRun.awaitQuietly(OUTAGE_LIMIT, () -> readiness.replicas().stream()
                        .allMatch(replica -> readiness.firstNotUpSince(replica, away) != null)
                        && hub.webhooks.attempts().stream().filter(a -> !a.accepted()).map(WebhookRetries.Attempt::eventId)
                                .distinct().count() >= REFUSED_DURING_OUTAGE);
            } finally {
                hub.stack.startBroker();
            }
            Instant back = Instant.now();
            boolean upAgain = FaultRun.awaitQuietly(Duration.ofMinutes(3), readiness::allUp);

            FaultRun.Drained drained = FaultRun.drain(hub, flow, back);
            VendorLedger.Tally tally = drained.tally();
            List<WebhookRetries.Attempt> attempts = hub.webhooks.attempts();
            List<WebhookRetries.Attempt> refused = attempts.stream().filter(a -> !a.accepted()).toList();
            long refusedWebhooks = refused.stream().map(WebhookRetries.Attempt::eventId).distinct().count();
            ReliabilityFigures.record("BrokerRestartSystemTest", "broker stopped, started again on its port and data",
                    Duration.between(away, back), tally, drained.drain(),
                    "broker stop took " + ReliabilityFigures.seconds(Duration.between(away, stopped)) + "; "
                            + refusedWebhooks + " webhooks answered " + refused.stream().map(a -> String.valueOf(a.status()))
                                    .distinct().toList() + " " + refused.size() + " times, then accepted on a retry; readiness: "
                            + readiness.describeSince(away));

            assertThat(flow.failures()).as("orders the sandbox could not place").isEmpty();
            assertThat(tally.violations).as(tally.summary()).isEmpty();
            assertThat(drained.drain()).as("drained within %s: %s", FaultRun.DRAIN_LIMIT, tally.summary()).isNotNull();
            assertThat(tally.atSpodOnce).as(tally.summary()).isEqualTo(ORDERS);
            assertThat(tally.shippedOnceAtSpresso).as(tally.summary()).isEqualTo(ORDERS);
            assertThat(tally.deadLetters).as("dead letters: the broker away is transient").isZero();

            assertThat(seen).as("every service not ready and %d webhooks refused while the broker was away: %s", REFUSED_DURING_OUTAGE,
                    readiness.describeSince(away)).isTrue();
            for (var replica : readiness.replicas()) {
                assertThat(readiness.answeredSince(replica, ReadinessWatch.State.DOWN, away))
                        .as("%s DOWN while the broker was away: %s", replica, readiness.describeSince(away)).isTrue();
            }
            assertThat(upAgain).as("every service ready again by itself: %s", readiness.describeSince(away)).isTrue();
            // The broker's process is back when startBroker returns; it takes its partitions' leadership again some
            // seconds later. Ingest can publish again from the first webhook it accepts after that: no refusal after it.
            Instant servingAgain = attempts.stream().filter(a -> a.accepted() && a.answeredAt().isAfter(back))
                    .map(WebhookRetries.Attempt::answeredAt).min(Instant::compareTo).orElse(back);
            assertThat(refused).as("what ingest refused").isNotEmpty().allSatisfy(attempt -> {
                assertThat(attempt.status()).as("%s", attempt).isEqualTo(503);
                assertThat(attempt.retryAfter()).as("Retry-After of %s", attempt).isNotBlank();
                assertThat(attempt.overlaps(away, servingAgain)).as("%s refused only while the broker was away or not yet"
                        + " serving again (%s to %s, process back at %s)", attempt, away, servingAgain, back).isTrue();
            });
            assertThat(attempts).as("webhooks accepted while the broker was stopped: accepted means on the broker")
                    .noneMatch(attempt -> attempt.accepted() && attempt.answeredAt().isAfter(stopped)
                            && attempt.answeredAt().isBefore(back));
        }
    }
}
