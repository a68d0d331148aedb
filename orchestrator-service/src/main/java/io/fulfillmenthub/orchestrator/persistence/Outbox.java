package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Writes the messages a transition causes into the outbox, in the caller's transaction, in the order given. */
@ApplicationScoped
public class Outbox {

    public static final String SOURCE = "/orchestrator";

    private static final List<String> COLUMNS = List.of("topic", "message_key", "ce_id", "ce_type", "ce_source", "payload",
            "created_at");

    /** @return how many rows were written */
    public Uni<Integer> write(Cause cause, List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = Instant.now();
        List<Object[]> rows = messages.stream().map(outgoing -> {
            MessageType<?> type = MessageTypes.of(outgoing.message());
            return new Object[] {type.topic(), outgoing.message().hubOrderId(), outgoing.messageId(cause), type.ceType(),
                    SOURCE, new String(HubJson.write(outgoing.message()), StandardCharsets.UTF_8), now};
        }).toList();
        // one statement; the identity ids follow the list's order
        return MultiRowInsert.into("outbox", COLUMNS, rows).replaceWith(rows.size());
    }
}
