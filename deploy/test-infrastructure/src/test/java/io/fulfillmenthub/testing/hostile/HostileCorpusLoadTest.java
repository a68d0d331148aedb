package io.fulfillmenthub.testing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus loads, and covers what issue 15 lists for every webhook source and the operations API. */
class HostileCorpusLoadTest {

    private static final List<String> SOURCES = List.of("spresso", "squarespace", "lightspeed");
    private final List<HostileInput> corpus = HostileCorpus.load();

    @Test
    void atLeastAHundredEntriesEachWithAStatusAndForEveryRefusalAnErrorCode() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        assertThat(corpus).allSatisfy(entry -> {
            if (entry.expect().refusal()) {
                assertThat(entry.expect().error()).as(entry.id()).isPresent();
            }
        });
    }

    @Test
    void everyWebhookSourceGetsWhatTheIssueLists() {
        for (String source : SOURCES) {
            List<HostileInput> entries = corpus.stream().filter(entry -> entry.target().equals("webhook:" + source)).toList();
            assertThat(entries).as(source).hasSizeGreaterThanOrEqualTo(30);
            assertThat(entries).as(source + ": nesting 10,000 deep")
                    .anyMatch(entry -> entry.id().contains("nesting-10000") && entry.body().length >= 10_000);
            assertThat(entries).as(source + ": 1 MiB + 1 declared").anyMatch(entry -> entry.body().length == 1_048_577 && !entry.chunked());
            assertThat(entries).as(source + ": 1 MiB + 1 chunked").anyMatch(entry -> entry.body().length == 1_048_577 && entry.chunked());
            for (String signature : List.of("missing", "bad", "rotated-out", "replay")) {
                assertThat(entries).as(source + ": signature " + signature).anyMatch(entry -> entry.signature().equals(signature));
            }
            assertThat(entries).as(source + ": malformed JSON").anyMatch(entry -> entry.expect().error().orElse("").equals("invalid_json"));
            assertThat(entries).as(source + ": wrong types").anyMatch(entry -> entry.expect().error().orElse("").equals("invalid_field"));
            assertThat(entries).as(source + ": odd Unicode").anyMatch(entry -> entry.id().contains("rtl-override") || entry.id().contains("unicode"));
            assertThat(entries).as(source + ": injection-shaped ids").anyMatch(entry -> entry.id().contains("sql"));
            assertThat(entries).as(source + ": query parameters").anyMatch(entry -> !entry.query().isEmpty());
            assertThat(entries).as(source + ": concurrent slowloris").anyMatch(entry -> entry.slowloris() && entry.concurrent() > 1);
        }
    }

    @Test
    void theOperationsApiGetsMissingBadAndWrongRoleTokensAndHostileParameters() {
        List<HostileInput> ops = HostileCorpus.load("ops:");
        assertThat(ops).extracting(HostileInput::token).contains("missing", "bad", "viewer", "operator");
        assertThat(ops).extracting(HostileInput::target).contains("ops:GET /orders/{orderId}", "ops:GET /orders",
                "ops:GET /dead-letters", "ops:POST /dead-letters/replay", "ops:POST /orders/{orderId}/fulfillments/{fulfillmentId}/resubmit",
                "ops:POST /orders/{orderId}/fulfillments/{fulfillmentId}/handover");
        assertThat(ops).allSatisfy(entry -> assertThat(entry.path()).as(entry.id()).startsWith("/"));
    }

    @Test
    void generatorsBuildTheBodiesTheySay() throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] deep = HostileCorpus.generate(json.readTree("{\"repeat\":\"[\",\"times\":3,\"closeWith\":\"]\",\"prefix\":\"{\\\"a\\\":\",\"suffix\":\"}\"}"));
        assertThat(new String(deep, StandardCharsets.UTF_8)).isEqualTo("{\"a\":[[[]]]}");
        byte[] big = HostileCorpus.generate(json.readTree("{\"bytes\":10,\"prefix\":\"{\\\"\",\"suffix\":\"\\\"}\"}"));
        assertThat(new String(big, StandardCharsets.UTF_8)).isEqualTo("{\"xxxxxx\"}");
    }

    @Test
    void aMalformedEntryIsRefusedNamingTheField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> HostileCorpus.parse(json.readTree("{\"id\":\"x\",\"target\":\"webhook:spresso\"}")))
                .hasMessageContaining("expect.status");
        assertThatThrownBy(() -> HostileCorpus.parse(json.readTree(
                "{\"id\":\"x\",\"target\":\"webhook:spresso\",\"signature\":\"maybe\",\"expect\":{\"status\":400}}")))
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> HostileCorpus.parse(json.readTree(
                "{\"id\":\"x\",\"target\":\"webhook:spresso\",\"bogus\":1,\"expect\":{\"status\":400}}")))
                .hasMessageContaining("unknown field 'bogus'");
    }
}
