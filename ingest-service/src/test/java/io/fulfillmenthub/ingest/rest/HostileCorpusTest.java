package io.fulfillmenthub.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.ingest.ApplicationStarts;
import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.signature.DigestEncoding;
import io.fulfillmenthub.ingest.signature.HmacSha256;
import io.fulfillmenthub.ingest.signature.LightspeedSignature;
import io.fulfillmenthub.testing.ManagementInterface;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.hostile.HostileCorpus;
import io.fulfillmenthub.testing.hostile.HostileInput;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Sends every webhook entry of the hostile corpus ({@code deploy/test-infrastructure}, {@code hostile-corpus/}) to the
 * running service for real, signed as each entry says with the test profile's secrets, and checks each answer's
 * status and error code, that nothing refused reached {@code fulfillment.inbound.v1}, and that the service is
 * still ready and never restarted. Prints the figures docs/reliability.md quotes.
 */
@QuarkusTest
class HostileCorpusTest {

    /** Secrets no longer configured: what a signature made before a rotation was made with. */
    private static final Map<String, byte[]> RETIRED = Map.of(
            "spresso", "test-spresso-secret-retired".getBytes(StandardCharsets.UTF_8),
            "squarespace", HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
            "lightspeed", "test-lightspeed-secret-retired".getBytes(StandardCharsets.UTF_8));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IngestConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyHostileWebhookIsAnsweredAsTheCorpusSaysAndNothingRefusedIsPublished() throws Exception {
        List<HostileInput> corpus = HostileCorpus.load("webhook:");
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        List<byte[]> refused = new ArrayList<>();
        List<byte[]> published = new ArrayList<>();
        int sent = 0;
        int answeredAsExpected = 0;
        int refusedAsExpected = 0;
        SoftAssertions softly = new SoftAssertions();

        for (HostileInput entry : corpus.stream().filter(entry -> !entry.slowloris()).toList()) {
            if (entry.first().isPresent() || entry.signature().equals("replay")) {
                byte[] first = entry.first().map(text -> text.getBytes(StandardCharsets.UTF_8)).orElse(entry.body());
                Answer accepted = send(entry, first, "valid");
                sent++;
                softly.assertThat(accepted.status()).as(entry.id() + ": its first delivery, " + accepted.body()).isEqualTo(200);
                published.add(first);
            }
            Answer answer = send(entry, entry.body(), entry.signature().equals("replay") ? "valid" : entry.signature());
            sent++;
            boolean right = checks(softly, entry, answer);
            if (right) {
                answeredAsExpected++;
            }
            if (entry.expect().refusal()) {
                refused.add(entry.body());
                if (right) {
                    refusedAsExpected++;
                }
            } else if (entry.expect().outcome().orElse("").equals("accepted")) {
                published.add(entry.body());
            }
        }
        for (HostileInput entry : corpus.stream().filter(HostileInput::slowloris).toList()) {
            List<Answer> answers = slowloris(entry);
            sent += answers.size();
            boolean right = true;
            for (Answer answer : answers) {
                right &= checks(softly, entry, answer);
            }
            if (right) {
                answeredAsExpected++;
                refusedAsExpected++;
            }
            refused.add(entry.body());
        }

        List<ConsumerRecord<String, byte[]>> topic = TopicReader.readToEnd(bootstrapServers, Topics.INBOUND);
        for (byte[] body : refused) {
            softly.assertThat(topic).as("a refused body on the topic").noneMatch(record -> Arrays.equals(record.value(), body));
        }
        long publishedFound = published.stream().distinct()
                .filter(body -> topic.stream().filter(record -> Arrays.equals(record.value(), body)).count() == 1).count();
        softly.assertThat(publishedFound).as("accepted bodies each published exactly once").isEqualTo(published.size());
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ManagementInterface.port() + "/q/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        softly.assertThat(ready.statusCode()).as("readiness after the corpus: " + ready.body()).isEqualTo(200);
        softly.assertThat(ApplicationStarts.count()).as("the application started once: no restart").isEqualTo(1);

        System.out.printf("hostile corpus (webhooks): %d entries, %d requests sent; answered as expected %d; refused with the "
                + "right status and error %d of %d refusals expected; published %d (each expected to be accepted, none refused); "
                + "readiness %s; restarts %d%n", corpus.size(), sent, answeredAsExpected, refusedAsExpected,
                corpus.stream().filter(entry -> entry.expect().refusal()).count(), publishedFound,
                ready.statusCode() == 200 ? "UP" : "DOWN (" + ready.statusCode() + ")", ApplicationStarts.count() - 1);
        softly.assertAll();
    }

    private boolean checks(SoftAssertions softly, HostileInput entry, Answer answer) {
        String what = entry.id() + " (" + entry.target() + ", " + answer.body().substring(0, Math.min(300, answer.body().length())) + ")";
        int before = softly.errorsCollected().size();
        softly.assertThat(answer.status()).as(what + ": status").isEqualTo(entry.expect().status());
        JsonNode body = parse(answer.body());
        softly.assertThat(body).as(what + ": a JSON body").isNotNull();
        if (body != null) {
            entry.expect().error().ifPresent(error -> {
                softly.assertThat(body.path("error").asText()).as(what + ": error").isEqualTo(error);
                softly.assertThat(body.path("message").asText()).as(what + ": a message naming the problem").isNotBlank();
            });
            entry.expect().outcome().ifPresent(outcome -> softly.assertThat(body.path("status").asText()).as(what + ": outcome").isEqualTo(outcome));
        }
        return softly.errorsCollected().size() == before;
    }

    private Answer send(HostileInput entry, byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + entry.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(entry.method(), entry.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers(entry, body, signature).forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** The entry's headers, its source's content type unless it gives one, and the signature it asks for. */
    private Map<String, String> headers(HostileInput entry, byte[] body, String signature) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", entry.source().equals("lightspeed") ? "application/x-www-form-urlencoded" : "application/json");
        String header = signatureHeader(entry.source());
        switch (signature) {
            case "valid" -> headers.put(header, sign(entry.source(), body, key(entry.source())));
            case "rotated-out" -> headers.put(header, sign(entry.source(), body, RETIRED.get(entry.source())));
            case "bad" -> headers.put(header, sign(entry.source(), "not this body".getBytes(StandardCharsets.UTF_8), key(entry.source())));
            default -> { } // missing
        }
        headers.putAll(entry.headers());
        return headers;
    }

    /** Each copy: the headers and the first half of the body, then nothing; the answer read as it comes. */
    private List<Answer> slowloris(HostileInput entry) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(entry.concurrent());
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < entry.concurrent(); i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                        socket.setSoTimeout((int) config.bodyTimeout().toMillis() + 20_000);
                        StringBuilder head = new StringBuilder(entry.method() + " " + entry.pathAndQuery() + " HTTP/1.1\r\nHost: localhost\r\n");
                        headers(entry, entry.body(), entry.signature()).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                        head.append("Content-Length: ").append(entry.body().length).append("\r\n\r\n");
                        OutputStream out = socket.getOutputStream();
                        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                        out.write(entry.body(), 0, entry.body().length / 2);
                        out.flush();
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        socket.getInputStream().transferTo(raw);
                        String response = raw.toString(StandardCharsets.UTF_8);
                        int status = Integer.parseInt(response.substring(9, 12));
                        return new Answer(status, response.substring(response.indexOf("\r\n\r\n") + 4));
                    } catch (IOException e) {
                        return new Answer(-1, e.toString());
                    }
                }, threads));
            }
            List<Answer> all = new ArrayList<>();
            for (CompletableFuture<Answer> answer : answers) {
                all.add(answer.get());
            }
            return all;
        } finally {
            threads.shutdownNow();
        }
    }

    private byte[] key(String source) {
        String secret = config.sources().get(source).signature().secrets().orElseThrow().get(0);
        return source.equals("squarespace") ? HexFormat.of().parseHex(secret) : secret.getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(String source, byte[] body, byte[] key) {
        return switch (source) {
            case "spresso" -> HmacSha256.sign(body, key, DigestEncoding.BASE64);
            case "squarespace" -> HmacSha256.sign(body, key, DigestEncoding.HEX);
            case "lightspeed" -> LightspeedSignature.header(body, key);
            default -> throw new IllegalArgumentException("no signing for " + source);
        };
    }

    private String signatureHeader(String source) {
        return config.sources().get(source).signature().header().orElseThrow();
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private record Answer(int status, String body) {
    }
}
