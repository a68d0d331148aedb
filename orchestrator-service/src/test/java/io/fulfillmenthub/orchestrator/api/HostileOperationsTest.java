package io.fulfillmenthub.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.orchestrator.OperationsTokens;
import io.fulfillmenthub.testing.ManagementInterface;
import io.fulfillmenthub.testing.TopicReader;
import io.fulfillmenthub.testing.hostile.HostileCorpus;
import io.fulfillmenthub.testing.hostile.HostileInput;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The hostile corpus's entries for the operations API (test-infrastructure {@code hostile-corpus/operations.jsonl}),
 * each sent for real: missing, refused and viewer tokens, injection-shaped ids, parameters and bodies, nesting
 * 10,000 deep. Each gets its expected status and the API's JSON error naming the problem; nothing reaches a
 * topic the orchestrator publishes; the service is still ready afterwards. Prints the figures
 * docs/reliability.md gives.
 */
@QuarkusTest
class HostileOperationsTest {

    /** What the orchestrator publishes: an input that made it publish would show here. */
    private static final List<String> PUBLISHED = List.of(Topics.COMMANDS_SPOD, Topics.COMMANDS_STOREFRONT,
            Topics.COMMANDS_POS, Topics.ORDERS, Topics.FACTS);

    @TestHTTPResource("/")
    URL api;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void everyHostileOperationsInputIsRefusedAsExpectedNothingIsPublishedAndTheServiceStaysReady() throws Exception {
        List<HostileInput> corpus = HostileCorpus.load("ops:");
        assertThat(corpus).as("the corpus's operations entries").hasSizeGreaterThanOrEqualTo(30);
        Map<String, Integer> before = published();
        String otherKeysToken = tokenOfAnotherKey();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (HostileInput input : corpus) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + input.pathAndQuery()))
                    .timeout(Duration.ofSeconds(30))
                    .method(input.method(), input.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(input.body()));
            input.headers().forEach(request::header);
            switch (input.token()) {
                case "operator" -> request.header("Authorization", "Bearer " + OperationsTokens.operator());
                case "viewer" -> request.header("Authorization", "Bearer "
                        + OperationsTokens.token("test-viewer", OperationsRoles.VIEWER).sign());
                case "bad" -> request.header("Authorization", "Bearer " + otherKeysToken);
                case "missing" -> { }
                default -> throw new IllegalArgumentException(input.id() + ": token " + input.token());
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String problem = check(input, answer);
            if (problem == null) {
                refused += input.expect().refusal() ? 1 : 0;
            } else {
                wrong.add(input.id() + ": " + problem);
            }
        }

        ManagementInterface.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // other tests of this JVM may still be publishing: what counts is a record about an order the corpus named
        Set<String> named = corpus.stream().map(HostileOperationsTest::orderNamed).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> publishedAboutThem = publishedSince(before).stream().filter(named::contains).toList();
        long expectedRefusals = corpus.stream().filter(input -> input.expect().refusal()).count();
        System.out.printf("hostile corpus, operations API: %d inputs tried, %d of %d refusals answered with the expected "
                + "status and error, %d answered otherwise, %d records published about the orders they name, "
                + "readiness UP, 0 restarts%n", corpus.size(), refused, expectedRefusals, wrong.size(),
                publishedAboutThem.size());
        assertThat(wrong).as("inputs answered otherwise than the corpus expects").isEmpty();
        assertThat(named).as("orders the corpus names").isNotEmpty();
        assertThat(publishedAboutThem).as("records published about an order the corpus named").isEmpty();
    }

    /** The order an input names: its path's {@code /orders/<id>} or its body's {@code order}, null when none. */
    private static String orderNamed(HostileInput input) {
        String[] segments = input.path().split("/");
        if (segments.length > 2 && segments[1].equals("orders")) {
            return URLDecoder.decode(segments[2].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        try {
            JsonNode body = HubJson.mapper().readTree(input.body());
            return body != null && body.path("order").isTextual() ? body.path("order").asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    /** Null when the answer is the one expected: its status, and for a refusal a JSON body whose error is expected. */
    private static String check(HostileInput input, HttpResponse<String> answer) {
        HostileInput.Expect expect = input.expect();
        if (answer.statusCode() != expect.status()) {
            return "answered " + answer.statusCode() + " (" + answer.body() + "), expected " + expect.status();
        }
        if (!expect.refusal()) {
            return null;
        }
        JsonNode body;
        try {
            body = HubJson.mapper().readTree(answer.body());
        } catch (Exception notJson) {
            return "answered a body that is not JSON: " + answer.body();
        }
        if (body == null || !body.path("message").isTextual() || body.path("message").asText().isBlank()) {
            return "answered no message naming the problem: " + answer.body();
        }
        String error = body.path("error").asText();
        return expect.error().filter(expected -> !expected.equals(error))
                .map(expected -> "answered error '" + error + "' (" + answer.body() + "), expected '" + expected + "'")
                .orElse(null);
    }

    private String base() {
        String url = api.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A token with the right issuer and roles, signed by a key the service does not know. */
    private static String tokenOfAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return OperationsTokens.token("intruder", OperationsRoles.VIEWER, OperationsRoles.OPERATOR)
                .sign(generator.generateKeyPair().getPrivate());
    }

    /** How many records each topic the orchestrator publishes holds. */
    private Map<String, Integer> published() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String topic : PUBLISHED) {
            counts.put(topic, TopicReader.readToEnd(kafka, topic).size());
        }
        return counts;
    }

    /** The keys (hub order ids) of the records published since those counts. */
    private List<String> publishedSince(Map<String, Integer> before) {
        List<String> keys = new ArrayList<>();
        for (String topic : PUBLISHED) {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readToEnd(kafka, topic);
            records.subList(Math.min(before.get(topic), records.size()), records.size()).forEach(record -> keys.add(record.key()));
        }
        return keys;
    }
}
