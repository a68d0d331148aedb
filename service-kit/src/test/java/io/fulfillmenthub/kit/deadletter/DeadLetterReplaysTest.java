package io.fulfillmenthub.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterReplaysTest {

    @Test
    void aReplayIsTheOriginalRecordWithoutWhatDeadLetteringAddedAndNamesTheDeadLetter() {
        byte[] value = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        List<Header> deadLetter = List.of(
                header("dead-letter-exception-class-name", "java.lang.IllegalStateException"),
                header("dead-letter-reason", "no SKU"),
                header("dead-letter-topic", "fulfillment.commands.spod.v1"),
                header("dead-letter-partition", "2"),
                header("dead-letter-offset", "41"),
                header("ce_id", "c-1"),
                header("ce_type", "hub.command.submit-print-order.v1"),
                header("traceparent", "00-abc"),
                header("hub-replay-of", "fulfillment.commands.spod.v1.dlq.spod-connector/0/3"),
                header("hub-dead-letter-kind", "held"),
                header("hub-dead-letter-group", "spod-connector"),
                header("hub-held-by", "c-0"));

        ProducerRecord<String, byte[]> replay = DeadLetterReplays.record("fulfillment.commands.spod.v1", "spresso:1",
                value, deadLetter, "fulfillment.commands.spod.v1.dlq.spod-connector", 0, 7);

        assertThat(replay.topic()).isEqualTo("fulfillment.commands.spod.v1");
        assertThat(replay.partition()).isNull();
        assertThat(replay.key()).isEqualTo("spresso:1");
        assertThat(replay.value()).isSameAs(value);
        assertThat(replay.headers().toArray()).extracting(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8))
                .containsExactly(
                        tuple("ce_id", "c-1"),
                        tuple("ce_type", "hub.command.submit-print-order.v1"),
                        tuple("traceparent", "00-abc"),
                        tuple("hub-replay-of",
                                "fulfillment.commands.spod.v1.dlq.spod-connector/0/7"));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
