package io.fulfillmenthub.system;

import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How a fault test ends: wait until every order is where it belongs (the drain), then keep counting
 * through a quiet period, so a duplicate that arrives late still shows.
 */
final class FaultRun {

    /** Long enough for a redelivery after a rebalance or a poll to show, short enough for 2 cores. */
    static final Duration QUIET = Duration.ofSeconds(15);
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    /** What the drain found: the ledger at its end, and how long it took from the end of the fault (null: never drained). */
    record Drained(VendorLedger.Tally tally, Duration drain) {
    }

    private FaultRun() {
    }

    /**
     * Waits until every order was placed and every webhook accepted, then until the ledger is complete,
     * then through {@link #QUIET} in which nothing that must not change changes; returns the ledger as it
     * is after the quiet period. When it does not drain in {@link #DRAIN_LIMIT}, returns the last ledger
     * with a null drain, for the figures; the test's assertions then fail on it.
     */
    static Drained drain(ChaosHub hub, OrderFlow flow, Instant faultOver) {
        VendorLedger ledger = new VendorLedger(hub.sandboxUrl, hub.url(HubService.ORCHESTRATOR),
                hub.stack.operations().operatorToken());
        AtomicReference<VendorLedger.Tally> last = new AtomicReference<>();
        try {
            await().atMost(DRAIN_LIMIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> flow.allPlaced() && hub.webhooks.waiting() == 0);
            await().atMost(DRAIN_LIMIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
                last.set(ledger.tally(flow.orders()));
                return last.get().complete();
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("not drained: " + (last.get() == null ? "orders or webhooks still waiting" : last.get().summary()));
            return new Drained(last.get() != null ? last.get() : ledger.tally(flow.orders()), null);
        }
        Duration drain = Duration.between(faultOver, Instant.now());
        VendorLedger.Tally complete = last.get();
        try {
            await().during(QUIET).atMost(QUIET.plusSeconds(30)).pollInterval(Duration.ofSeconds(3))
                    .until(() -> {
                        last.set(ledger.tally(flow.orders()));
                        return last.get().settled().equals(complete.settled());
                    });
        } catch (ConditionTimeoutException e) {
            System.out.println("changed after it had drained: before " + complete.summary() + "; after " + last.get().summary());
        }
        return new Drained(last.get(), drain);
    }

    /** Waits for a condition, at most {@code limit}; false when it did not come (the test asserts on what it saw). */
    static boolean awaitQuietly(Duration limit, Callable<Boolean> condition) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
