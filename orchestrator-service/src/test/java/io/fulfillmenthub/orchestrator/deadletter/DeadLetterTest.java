package io.fulfillmenthub.orchestrator.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aDeadLetterWrittenByTheKitSaysWhoseItIsWhatItWasAndWhyItDied() {
        List<Header> headers = List.of(
                header("dead-letter-exception-class-name", "java.lang.IllegalStateException"),
                header("dead-letter-reason", "SPOD refused the order: unknown SKU"),
                header("dead-letter-cause-class-name", "java.io.IOException"),
                header("dead-letter-cause", "HTTP 422"),
                header("dead-letter-topic", "fulfillment.commands.spod.v1"),
                header("dead-letter-partition", "2"),
                header("dead-letter-offset", "41"),
                header("ce_id", "c-1"),
                header("ce_type", "hub.command.submit-print-order.v1"),
                header("ce_subject", "spresso:1"),
                header("hub-dead-letter-kind", "held"),
                header("hub-dead-letter-group", "spod-connector"),
                header("hub-held-by", "c-0"));

        DeadLetterEntry entry = DeadLetter.read("fulfillment.commands.spod.v1.dlq.spod-connector", 0, 7, AT, "spresso:1",
                new byte[] {1}, headers).entry();

        assertThat(entry).isEqualTo(new DeadLetterEntry(null, "fulfillment.commands.spod.v1.dlq.spod-connector", 0, 7,
                "fulfillment.commands.spod.v1", 2, 41L, "spod-connector", "c-1", "hub.command.submit-print-order.v1",
                "spresso:1", "held", "SPOD refused the order: unknown SKU", "HTTP 422", "c-0", AT, null, 0));
    }

    @Test
    void withoutTheKitsHeadersTheGroupAndSourceComeFromTheTopicNameAndTheOrderFromTheSubject() {
        DeadLetterEntry entry = DeadLetter.read("fulfillment.inbound.v1.dlq.storefront-connector", 0, 3, AT, null, null,
                List.of(header("ce_subject", "spresso:9"), header("dead-letter-reason", "bad\u0000 JSON"))).entry();

        assertThat(entry.sourceTopic()).isEqualTo("fulfillment.inbound.v1");
        assertThat(entry.group()).isEqualTo("storefront-connector");
        assertThat(entry.hubOrderId()).isEqualTo("spresso:9");
        assertThat(entry.kind()).isNull();
        assertThat(entry.sourcePartition()).isNull();
        // PostgreSQL text cannot hold NUL
        assertThat(entry.reason()).isEqualTo("bad JSON");
    }

    @Test
    void theDeadLetteringHeadersCountOverStaleOnesAnOriginalRecordCarried() {
        List<Header> headers = new ArrayList<>(List.of(
                header("dead-letter-reason", "now"),
                header("dead-letter-topic", "fulfillment.facts.v1"),
                header("dead-letter-reason", "stale"),
                header("hub-dead-letter-kind", "poison"),
                header("hub-dead-letter-kind", "contract")));

        DeadLetterEntry entry = DeadLetter.read("fulfillment.facts.v1.dlq.orchestrator", 0, 1, AT, "spresso:2", null,
                headers).entry();

        assertThat(entry.reason()).isEqualTo("now");
        assertThat(entry.kind()).isEqualTo("contract");
        assertThat(entry.hubOrderId()).isEqualTo("spresso:2");
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
