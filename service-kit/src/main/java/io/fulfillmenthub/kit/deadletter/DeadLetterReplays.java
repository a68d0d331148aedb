package io.fulfillmenthub.kit.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the record that replays a dead letter (issue 11 agreements): to the topic it was consumed from,
 * with the same key, the same value and its original headers ({@code ce_id} included, so inboxes
 * dedupe), without the headers dead-lettering added, plus {@link DeadLetterHeaders#REPLAY_OF} naming the
 * dead letter. A consumer lets a record with that header through its order's hold.
 */
public final class DeadLetterReplays {

    private DeadLetterReplays() {
    }

    /**
     * @param sourceTopic the {@code dead-letter-topic} header: where the record was consumed from
     * @param headers every header of the dead letter, in order
     */
    public static ProducerRecord<String, byte[]> record(String sourceTopic, String key, byte[] value,
            Iterable<Header> headers, String deadLetterTopic, int partition, long offset) {
        var replayed = new RecordHeaders();
        for (Header header : headers) {
            // an earlier replay's hub-replay-of goes too: a dead letter replayed, dead-lettered again and
            // replayed again names only the dead letter it now replays
            if (!DeadLetterHeaders.isAddedByDeadLettering(header.key())) {
                replayed.add(header);
            }
        }
        replayed.add(DeadLetterHeaders.REPLAY_OF,
                replayOf(deadLetterTopic, partition, offset).getBytes(StandardCharsets.UTF_8));
        // no partition: the key places it, as it placed the original
        return new ProducerRecord<>(sourceTopic, null, null, key, value, replayed);
    }

    /** The value of {@link DeadLetterHeaders#REPLAY_OF}: {@code <dead-letter topic>/<partition>/<offset>}. */
    public static String replayOf(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "/" + partition + "/" + offset;
    }
}
