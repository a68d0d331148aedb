package io.fulfillmenthub.orchestrator.persistence;

import io.fulfillmenthub.contracts.HubJson;
import io.fulfillmenthub.contracts.MessageType;
import io.fulfillmenthub.contracts.MessageTypes;
import io.fulfillmenthub.orchestrator.domain.Cause;
import io.fulfillmenthub.orchestrator.domain.Outgoing;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Writes the messages a transition causes into the outbox, in the caller's transaction, in the order given. */
@ApplicationScoped
public class Outbox {

    public static final String SOURCE = "/orchestrator";

    /** @return how many rows were written */
    public Uni<Integer> write(Cause cause, List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = Instant.now();
        Object[] rows = messages.stream().map(outgoing -> {
            MessageType<?> type = MessageTypes.of(outgoing.message());
            OutboxEntity row = new OutboxEntity();
            row.topic = type.topic();
            row.messageKey = outgoing.message().hubOrderId();
            row.ceId = outgoing.messageId(cause);
            row.ceType = type.ceType();
            row.ceSource = SOURCE;
            row.payload = new String(HubJson.write(outgoing.message()), StandardCharsets.UTF_8);
            row.createdAt = now;
            return row;
        }).toArray();
        // identity ids are taken at persist, one row after the other: ids follow the list's order
        return Panache.getSession().chain(session -> session.persistAll(rows)).replaceWith(rows.length);
    }
}
