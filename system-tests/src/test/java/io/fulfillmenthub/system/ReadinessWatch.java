package io.fulfillmenthub.system;

import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.fulfillmenthub.localstack.Replica;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Asks every hub replica's {@code /q/health/ready} (on its management port) twice a second, as an orchestrator's probe would, and
 * keeps each change of answer: UP (200), DOWN (503), or NO_ANSWER (refused, or nothing within 15 s).
 */
final class ReadinessWatch implements AutoCloseable {

    enum State { UP, DOWN, NO_ANSWER }

    record Change(Instant at, State state) {
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration EVERY = Duration.ofMillis(500);

    private final Map<Replica, List<Change>> changes = new LinkedHashMap<>();
    private final ScheduledExecutorService probes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    ReadinessWatch(HubStack hub) {
        List<Replica> replicas = hub.replicas().stream().filter(replica -> replica.service() != HubService.SANDBOX).toList();
        probes = Executors.newScheduledThreadPool(replicas.size(), task -> {
            Thread thread = new Thread(task, "readiness-watch");
            thread.setDaemon(true);
            return thread;
        });
        for (Replica replica : replicas) {
            List<Change> seen = new CopyOnWriteArrayList<>();
            changes.put(replica, seen);
            URI ready = URI.create(hub.managementUrl(replica) + "/q/health/ready");
            // with a fixed delay a probe that hangs is not joined by the next
            probes.scheduleWithFixedDelay(() -> probe(ready, seen), 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void probe(URI ready, List<Change> seen) {
        State state;
        try {
            int status = http.send(HttpRequest.newBuilder(ready).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            state = status == 200 ? State.UP : status == 503 ? State.DOWN : State.NO_ANSWER;
        } catch (IOException e) {
            state = State.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (seen.isEmpty() || seen.get(seen.size() - 1).state() != state) {
            seen.add(new Change(Instant.now(), state));
        }
    }

    List<Replica> replicas() {
        return List.copyOf(changes.keySet());
    }

    /** The first time since {@code since} the replica answered other than UP, or null. */
    Change firstNotUpSince(Replica replica, Instant since) {
        return changes.get(replica).stream().filter(c -> !c.at().isBefore(since) && c.state() != State.UP)
                .findFirst().orElse(null);
    }

    /** Whether the replica answered {@code state} at some moment since {@code since}. */
    boolean answeredSince(Replica replica, State state, Instant since) {
        List<Change> seen = changes.get(replica);
        State before = State.UP;
        for (Change change : seen) {
            if (change.at().isBefore(since)) {
                before = change.state();
            } else if (change.state() == state) {
                return true;
            }
        }
        return before == state && !seen.isEmpty();
    }

    /** UP now and since {@code since}: the last change is UP, and it happened after {@code since}. */
    Instant upAgainAfter(Replica replica, Instant since) {
        List<Change> seen = changes.get(replica);
        if (seen.isEmpty()) {
            return null;
        }
        Change last = seen.get(seen.size() - 1);
        return last.state() == State.UP && !last.at().isBefore(since) ? last.at() : null;
    }

    boolean allUp() {
        return changes.values().stream().allMatch(seen -> !seen.isEmpty() && seen.get(seen.size() - 1).state() == State.UP);
    }

    /** Each replica's changes since {@code since}, in seconds from it: "orchestrator-service: +3.1 s DOWN, +52.0 s UP". */
    String describeSince(Instant since) {
        List<String> lines = new ArrayList<>();
        changes.forEach((replica, seen) -> lines.add(replica.name() + ": " + seen.stream()
                .filter(change -> !change.at().isBefore(since))
                .map(change -> String.format(java.util.Locale.ROOT, "+%.1f s %s",
                        Duration.between(since, change.at()).toMillis() / 1000.0, change.state()))
                .collect(Collectors.joining(", "))));
        return String.join("; ", lines);
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
