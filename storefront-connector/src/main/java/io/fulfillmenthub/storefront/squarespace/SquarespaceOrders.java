package io.fulfillmenthub.storefront.squarespace;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillmenthub.contracts.Envelope;
import io.fulfillmenthub.contracts.Fact;
import io.fulfillmenthub.contracts.facts.OrderCancelledAtSource;
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
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Squarespace order notifications become facts: each reads the whole order ({@code GET /1.0/commerce/orders/{id}})
 * and publishes what it is now ({@link SquarespaceOrderMapper}: placed, and cancelled if it is); an
 * {@code order.update} {@code CANCELED} is cancelled-at-source even when the order read does not show it yet. The facts' ids
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
        return squarespace.order(notification.orderId())
                .onFailure(SquarespaceRefusedException.class)
                .transform(refused -> unreadable(webhook, notification, (SquarespaceRefusedException) refused))
                .chain(order -> publish(facts(webhook, notification, order)));
    }

    /**
     * What the order is now; a cancellation also when the order read does not show it yet. The order is placed first
     * even then, so a cancellation that overtook its order's creation still reaches the orchestrator after it.
     */
    private static List<Envelope<? extends Fact>> facts(IncomingCloudEvent webhook, SquarespaceNotification notification,
            JsonNode order) {
        List<Envelope<? extends Fact>> facts = SquarespaceOrderMapper.facts(order, SquarespaceStorefront.SOURCE);
        if (notification.cancels() && !facts.isEmpty()
                && facts.stream().noneMatch(fact -> fact.data() instanceof OrderCancelledAtSource)) {
            Instant cancelledAt = notification.createdOn() != null ? notification.createdOn() : webhook.time();
            List<Envelope<? extends Fact>> withCancel = new ArrayList<>(facts);
            withCancel.add(SquarespaceOrderMapper.cancelled(notification.orderId(), cancelledAt, SquarespaceStorefront.SOURCE));
            return withCancel;
        }
        return facts;
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
