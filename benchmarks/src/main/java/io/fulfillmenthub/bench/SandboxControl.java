package io.fulfillmenthub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The sandbox's control API as the end-to-end benchmark uses it: reset, advance SPOD orders, timings. */
final class SandboxControl {

    static final String WEBHOOK_ACCEPTED = "webhook-accepted";
    static final String SPOD_ORDER_RECEIVED = "spod-order-received";
    static final String SPOD_ORDER_SENT = "spod-order-sent";
    static final String SPRESSO_IN_TRANSIT = "spresso-in-transit";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SandboxControl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String placeOrderUrl() {
        return baseUrl + "/_sandbox/spresso/orders";
    }

    /** Forgets every order, call and timing. */
    void reset() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sandbox/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 204);
    }

    /** Production ships the SPOD order: it becomes {@code sent} with one generated UPS parcel. */
    CompletableFuture<HttpResponse<Void>> advanceToSent(String externalOrderId) {
        String path = URLEncoder.encode(externalOrderId, StandardCharsets.UTF_8);
        return http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/_sandbox/spod/orders/" + path + "/advance"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\": \"sent\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The times of one mark, id to microseconds since the epoch, by the sandbox's clock. */
    Map<String, Long> timings(String mark) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/_sandbox/timings?mark=" + mark)).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        return parseTimings(response.body());
    }

    /** {@code mark,id,at_us} lines after a header; the benchmark's ids hold no comma, so none is quoted. */
    static Map<String, Long> parseTimings(String csv) {
        Map<String, Long> times = new HashMap<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int first = line.indexOf(',');
            int last = line.lastIndexOf(',');
            if (first > 0 && last > first) {
                times.put(line.substring(first + 1, last), Long.parseLong(line.substring(last + 1).trim()));
            }
        }
        return times;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
