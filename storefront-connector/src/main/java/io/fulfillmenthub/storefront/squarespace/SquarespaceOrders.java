package io.fulfillmenthub.storefront.squarespace;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.kit.failure.ContractViolation;
import io.fulfillmenthub.kit.failure.TransientFailure;
import io.fulfillmenthub.kit.messaging.HubPublisher;
import io.fulfillmenthub.kit.messaging.IncomingCloudEvent;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceClient;
import io.fulfillmenthub.storefront.squarespace.client.SquarespaceRefusedException;
import io.fulfillmenthub.storefront.squarespace.translate.SquarespaceNotification;
import io.fulfillmenthub.storefront.squarespace.translate.SquarespaceOrderMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Squarespace order notifications become facts. {@code order.update} {@code CANCELED} is cancelled-at-source at
 * once; {@code order.create} and any other update read the whole order ({@code GET /1.0/commerce/orders/{id}})
 * and publish what it is now ({@link SquarespaceOrderMapper}: placed, and cancelled if it is). The facts' ids
 * derive from the order, so repeats, reorderings and the poller's readings converge in the orchestrator's inbox.
 * The returned Uni completes only when the broker has every fact.
 */
@ApplicationScoped
public class SquarespaceOrders {

    private static final Logger LOG = Logger.getLogger(SquarespaceOrders.class);

    private final SquarespaceClient squarespace;
    private final HubPublisher publisher;
    private final SquarespaceConfig config;

    public SquarespaceOrders(SquarespaceClient squarespace, HubPublisher publisher, SquarespaceConfig config) {
        this.squarespace = squarespace;
        this.publisher = publisher;
        this.config = config;
    }

    public Uni<Void> notified(IncomingCloudEvent webhook) {
        SquarespaceNotification notification = SquarespaceNotification.read(webhook.data());
        if (!notification.aboutAnOrder()) {
            LOG.infof("Squarespace notification %s has topic '%s', not an order's: skipped", notification.id(), notification.topic());
            return Uni.createFrom().voidItem();
        }
        if (notification.cancels()) {
            Instant cancelledAt = notification.createdOn() != null ? notification.createdOn() : webhook.time();
            return publisher.publish(SquarespaceOrderMapper.cancelled(notification.orderId(), cancelledAt, SquarespaceStorefront.SOURCE));
        }
        return squarespace.order(notification.orderId())
                .onFailure(SquarespaceRefusedException.class)
                .transform(refused -> unreadable(webhook, notification, (SquarespaceRefusedException) refused))
                .chain(order -> publish(SquarespaceOrderMapper.facts(order, SquarespaceStorefront.SOURCE)));
    }

    /** The facts of an order read by the poller. */
    public Uni<Integer> reconciled(JsonNode order) {
        List<Envelope<? extends Fact>> facts = SquarespaceOrderMapper.facts(order, SquarespaceStorefront.SOURCE);
        return publish(facts).replaceWith(facts.size());
    }

    /** One after the other, each acknowledged before the next, so an order's facts keep their order. */
    private Uni<Void> publish(List<Envelope<? extends Fact>> facts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Envelope<? extends Fact> fact : facts) {
            chain = chain.chain(() -> publisher.publish(fact));
        }
        return chain;
    }

    /**
     * A 404 for a just-notified order is waited for ({@code hub.squarespace.order-not-found-grace} from when the hub
     * received the notification); after that, and for any other refusal, the notification is a dead letter.
     */
    private RuntimeException unreadable(IncomingCloudEvent webhook, SquarespaceNotification notification,
            SquarespaceRefusedException refused) {
        Instant waitUntil = webhook.time().plus(config.orderNotFoundGrace());
        if (refused.status() == 404 && Instant.now().isBefore(waitUntil)) {
            return new OrderNotReadableYet("Squarespace order " + notification.orderId() + " of notification "
                    + notification.id() + " is not found (yet): waited for until " + waitUntil, refused);
        }
        return new OrderNotReadable("Squarespace order " + notification.orderId() + " of notification " + notification.id()
                + " cannot be read: " + refused.getMessage()
                + (refused.status() == 404 ? " (still after hub.squarespace.order-not-found-grace " + config.orderNotFoundGrace() + ")" : ""),
                refused);
    }

    static final class OrderNotReadableYet extends RuntimeException implements TransientFailure {
        OrderNotReadableYet(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class OrderNotReadable extends RuntimeException implements ContractViolation {
        OrderNotReadable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
