package io.fulfillmenthub.orchestrator.deadletter;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.kit.deadletter.DeadLetterHeaders;
import io.fulfillmenthub.kit.deadletter.DeadLetterReplays;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * A dead letter with the record it holds: read from a {@code <topic>.dlq.<group>} topic, or loaded from
 * the index to be replayed.
 *
 * @param headers every header of the dead letter, in order
 */
public record DeadLetter(DeadLetterEntry entry, @Nullable String key, byte @Nullable [] value, List<Header> headers) {

    /** How a dead-letter topic is named: {@code <topic>.dlq.<group>} (issue 11 agreements). */
    private static final String DLQ = ".dlq.";

    public DeadLetter {
        headers = List.copyOf(headers);
    }

    /**
     * Reads what a dead letter says about itself. SmallRye writes its {@code dead-letter-*} headers before
     * the original headers, and the kit's {@code hub-*} ones after them, so the first and the last of each
     * are the ones dead-lettering wrote, whatever an original record carried. Text goes to PostgreSQL,
     * which refuses the NUL character: it is left out, so no record can stop the index.
     */
    public static DeadLetter read(String topic, int partition, long offset, Instant timestamp, @Nullable String key,
            byte @Nullable [] value, Iterable<Header> headers) {
        List<Header> all = new ArrayList<>();
        headers.forEach(all::add);
        int dlq = topic.lastIndexOf(DLQ);
        String topicOfName = dlq < 0 ? topic : topic.substring(0, dlq);
        String groupOfName = dlq < 0 ? "" : topic.substring(dlq + DLQ.length());
        String source = first(all, DeadLetterHeaders.TOPIC);
        String group = last(all, DeadLetterHeaders.GROUP);
        String subject = last(all, CloudEventHeaders.SUBJECT);
        String order = key != null && !key.isBlank() ? text(key) : subject;
        var entry = new DeadLetterEntry(null, topic, partition, offset,
                source == null || source.isBlank() ? topicOfName : source,
                integer(first(all, DeadLetterHeaders.PARTITION)), number(first(all, DeadLetterHeaders.OFFSET)),
                group == null || group.isBlank() ? groupOfName : group,
                last(all, CloudEventHeaders.ID), last(all, CloudEventHeaders.TYPE), order,
                last(all, DeadLetterHeaders.KIND), first(all, DeadLetterHeaders.REASON),
                first(all, DeadLetterHeaders.CAUSE), last(all, DeadLetterHeaders.HELD_BY), timestamp, null, 0);
        return new DeadLetter(entry, key, value, all);
    }

    /** The record that puts it back on its source topic (service-kit {@link DeadLetterReplays}). */
    public ProducerRecord<String, byte[]> replay() {
        return DeadLetterReplays.record(entry.sourceTopic(), key, value, headers, entry.dlqTopic(),
                entry.dlqPartition(), entry.dlqOffset());
    }

    private static @Nullable String first(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.key().equals(name)) {
                return text(header.value());
            }
        }
        return null;
    }

    private static @Nullable String last(List<Header> headers, String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(name)) {
                return text(headers.get(i).value());
            }
        }
        return null;
    }

    private static @Nullable String text(byte @Nullable [] bytes) {
        return bytes == null ? null : text(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String text(String text) {
        return text.replace("\u0000", "");
    }

    private static @Nullable Integer integer(@Nullable String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Long number(@Nullable String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
