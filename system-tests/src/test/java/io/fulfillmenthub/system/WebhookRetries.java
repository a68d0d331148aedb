package io.fulfillmenthub.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fulfillmenthub.infra.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a vendor does that the sandbox does not: the sandbox delivers each Spresso webhook once, and this
 * relay, standing between it and the ingest service, sends it again until the hub accepts it, as a
 * vendor's delivery queue would: the same bytes and signature, after the {@code Retry-After} the hub
 * asked for, or with a back-off (1 s doubling to 8 s) when there was no answer at all (ingest down). A
 * permanent refusal (4xx other than 408 and 429) is not retried. The first answer goes back to the
 * sandbox, so its delivery record says what the hub answered. Deliveries go to the ingest replicas in
 * turn. Every attempt is recorded with when it was sent and answered, its status and its
 * {@code Retry-After}.
 */
final class WebhookRetries implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "User-Agent", "X-Spresso-Hmac-SHA256");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One attempt to deliver a webhook to ingest; {@code status} null when ingest did not answer. */
    record Attempt(String eventId, int attempt, URI target, Instant sentAt, Instant answeredAt, Integer status,
            String retryAfter, String error) {

        boolean accepted() {
            return status != null && status / 100 == 2;
        }

        boolean retryable() {
            return status == null || status == 408 || status == 429 || status >= 500;
        }

        /** Whether this attempt was under way at some moment of [from, to]. */
        boolean overlaps(Instant from, Instant to) {
            return !sentAt.isAfter(to) && !answeredAt.isBefore(from);
        }
    }

    private record Delivery(byte[] body, Map<String, String> headers, String eventId) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8, daemon("webhook-relay"));
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(4, daemon("webhook-retry"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile List<URI> targets = List.of();

    private WebhookRetries(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port; deliveries fail (and are retried) until {@link #deliverTo} names ingest. */
    static WebhookRetries start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", FreePort.find()), 50);
        WebhookRetries relay = new WebhookRetries(server);
        server.createContext("/", relay::relay);
        server.setExecutor(relay.handlers);
        server.start();
        return relay;
    }

    /** Where the sandbox should send Spresso webhooks. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks/spresso";
    }

    /** The ingest replicas' webhook URLs, taken in turn. */
    void deliverTo(List<String> ingestBaseUrls) {
        targets = ingestBaseUrls.stream().map(base -> URI.create(base + "/webhooks/spresso")).toList();
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Webhooks not yet accepted by the hub, waiting for their next attempt or under way. */
    int waiting() {
        return waiting.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (String name : FORWARDED_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            Delivery delivery = new Delivery(body, headers, eventId(body));
            waiting.incrementAndGet();
            Attempt first = attempt(delivery, 1);
            afterAttempt(delivery, first);
            int status = first.status() == null ? 502 : first.status();
            if (first.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", first.retryAfter());
            }
            exchange.sendResponseHeaders(status, -1);
            try (OutputStream ignored = exchange.getResponseBody()) {
                // no body: the sandbox records the status
            }
        }
    }

    private void afterAttempt(Delivery delivery, Attempt attempt) {
        if (attempt.accepted() || !attempt.retryable()) {
            waiting.decrementAndGet();
            return;
        }
        retries.schedule(() -> afterAttempt(delivery, attempt(delivery, attempt.attempt() + 1)),
                delay(attempt).toMillis(), TimeUnit.MILLISECONDS);
    }

    private Attempt attempt(Delivery delivery, int number) {
        List<URI> to = targets;
        Instant sentAt = Instant.now();
        if (to.isEmpty()) {
            return record(new Attempt(delivery.eventId(), number, null, sentAt, sentAt, null, null, "no ingest yet"));
        }
        URI target = to.get(Math.floorMod(next.getAndIncrement(), to.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(request::header);
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return record(new Attempt(delivery.eventId(), number, target, sentAt, Instant.now(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), null));
        } catch (IOException e) {
            return record(new Attempt(delivery.eventId(), number, target, sentAt, Instant.now(), null, null, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(new Attempt(delivery.eventId(), number, target, sentAt, Instant.now(), null, null, "interrupted"));
        }
    }

    private Attempt record(Attempt attempt) {
        attempts.add(attempt);
        return attempt;
    }

    /** The hub's Retry-After when it gave one, else 1 s doubling to 8 s. */
    private static Duration delay(Attempt attempt) {
        if (attempt.retryAfter() != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(attempt.retryAfter().trim()));
            } catch (NumberFormatException httpDate) {
                // the hub sends seconds; a date is waited out as the longest back-off
                return Duration.ofSeconds(8);
            }
        }
        return Duration.ofSeconds(Math.min(8, 1L << Math.min(attempt.attempt() - 1, 3)));
    }

    private static String eventId(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).get("eventId");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        retries.shutdownNow();
        handlers.shutdownNow();
    }
}
