package io.fulfillmenthub.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.Replica;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each hub service killed outright ({@code kill -9}) in turn while a stream of orders flows, and
 * restarted by the launcher as it would be in production: nothing is lost and nothing is done twice,
 * as the vendors' records show.
 */
@Tag("reliability") // runs with -Preliability: see the module README
class ServiceKillSystemTest {

    private static final List<HubService> IN_TURN = List.of(HubService.INGEST, HubService.ORCHESTRATOR,
            HubService.SPOD_CONNECTOR, HubService.STOREFRONT_CONNECTOR, HubService.POS_CONNECTOR);
    private static final int ORDERS = 200;
    private static final Duration PACE = Duration.ofMillis(400);
    private static final Duration BACK_LIMIT = Duration.ofMinutes(3);

    private static ChaosHub hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheHub() throws Exception {
        hub = ChaosHub.shared();
    }

    @Test
    void everyOrderReachesSpodAndSpressoOnceWhileEachServiceIsKilledInTurn() throws Exception {
        try (OrderFlow flow = new OrderFlow(hub)) {
            flow.place(ORDERS, PACE, i -> false);
            Instant firstKill = null;
            Instant allBack = null;
            List<String> kills = new ArrayList<>();
            for (int i = 0; i < IN_TURN.size(); i++) {
                HubService service = IN_TURN.get(i);
                Replica replica = Replica.first(service);
                // spread over the stream, so each dies with work in flight
                int after = 20 + 35 * i;
                await().atMost(BACK_LIMIT).until(() -> flow.placedSoFar() >= after);
                int restarts = hub.stack.restarts(replica);
                Instant killed = Instant.now();
                firstKill = firstKill == null ? killed : firstKill;
                hub.stack.kill(service);
                await().atMost(BACK_LIMIT).pollInterval(Duration.ofMillis(200))
                        .until(() -> hub.stack.restarts(replica) > restarts && ready(replica));
                allBack = Instant.now();
                kills.add(service.serviceName + " " + ReliabilityFigures.seconds(Duration.between(killed, allBack)));
            }

            FaultRun.Drained drained = FaultRun.drain(hub, flow, allBack);
            VendorLedger.Tally tally = drained.tally();
            ReliabilityFigures.record("ServiceKillSystemTest", "kill -9 of each of the 5 services in turn, launcher restarts",
                    Duration.between(firstKill, allBack), tally, drained.drain(), "down until ready again: " + kills);

            assertThat(flow.failures()).as("orders the sandbox could not place").isEmpty();
            assertThat(tally.violations).as(tally.summary()).isEmpty();
            assertThat(drained.drain()).as("drained within %s: %s", FaultRun.DRAIN_LIMIT, tally.summary()).isNotNull();
            assertThat(tally.atSpodOnce).as(tally.summary()).isEqualTo(ORDERS);
            assertThat(tally.shippedOnceAtSpresso).as(tally.summary()).isEqualTo(ORDERS);
            assertThat(tally.deadLetters).as("dead letters: a crash is transient").isZero();
        }
    }

    private boolean ready(Replica replica) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(hub.stack.managementUrl(replica) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
