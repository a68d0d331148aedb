package io.fulfillmenthub.orchestrator.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The inbox (eventuate style): (consumer, message id) inserted first inside the business transaction.
 * {@code ON CONFLICT DO NOTHING} rather than a failing insert, so a duplicate does not abort the
 * transaction that a batch of facts shares.
 */
@ApplicationScoped
public class Inbox {

    /** True the first time; false when this consumer already handled the message. */
    public Uni<Boolean> firstDelivery(String consumer, String messageId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO processed_message (consumer, message_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", messageId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
