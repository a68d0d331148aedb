package io.fulfillmenthub.sandbox.squarespace;

import io.fulfillmenthub.sandbox.config.HubEndpoints;
import io.fulfillmenthub.sandbox.config.SandboxConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The store's webhook subscriptions. At start (and after a reset) there is one for the hub: its endpoint is
 * {@code sandbox.hub.squarespace-webhook-url}, read at each delivery, its secret
 * {@code sandbox.squarespace.webhook-secret}. More can be created through the API; a secret is 64 hex digits,
 * shown only on create and on {@code rotateSecret}, which makes the previous one invalid at once (documented).
 */
@ApplicationScoped
public class SquarespaceSubscriptions {

    static final Set<String> TOPICS = Set.of("extension.uninstall", "order.create", "order.update");
    private static final Logger LOG = Logger.getLogger(SquarespaceSubscriptions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HEX_SECRET = Pattern.compile("[0-9a-fA-F]{64}");

    /** A subscription; {@code endpointUrl} null means the hub's configured URL. */
    record Subscription(String id, String endpointUrl, List<String> topics, String secret) {

        URI endpoint(HubEndpoints hub) {
            return endpointUrl == null ? hub.squarespaceWebhookUrl() : URI.create(endpointUrl);
        }
    }

    /** As the API shows it: never the secret. */
    public record SubscriptionView(String id, String endpointUrl, List<String> topics) {}

    private final SandboxConfig config;
    private final HubEndpoints hub;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final String hubSubscriptionId = UUID.randomUUID().toString();

    SquarespaceSubscriptions(SandboxConfig config, HubEndpoints hub) {
        this.config = config;
        this.hub = hub;
        reset();
    }

    /** Made at start, so a configured secret that is not 64 hex digits stops the start, naming its key. */
    void onStart(@Observes StartupEvent started) {
        LOG.debugf("Squarespace webhook subscriptions: %d", views().size());
    }

    /** Back to the hub's subscription alone, with the configured secret. */
    public synchronized void reset() {
        String secret = config.squarespace().webhookSecret().map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (secret != null && !HEX_SECRET.matcher(secret).matches()) {
            // the message names the key, never the value
            throw new IllegalStateException("sandbox.squarespace.webhook-secret: must be 64 hex digits, as Squarespace issues them");
        }
        subscriptions.clear();
        subscriptions.add(new Subscription(hubSubscriptionId, null, List.of("order.create", "order.update"), secret));
    }

    synchronized Subscription create(String endpointUrl, List<String> topics) {
        Subscription created = new Subscription(UUID.randomUUID().toString(), endpointUrl, List.copyOf(topics), newSecret());
        subscriptions.add(created);
        return created;
    }

    synchronized Optional<Subscription> rotate(String id) {
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription old = subscriptions.get(i);
            if (old.id().equals(id)) {
                Subscription rotated = new Subscription(old.id(), old.endpointUrl(), old.topics(), newSecret());
                subscriptions.set(i, rotated);
                return Optional.of(rotated);
            }
        }
        return Optional.empty();
    }

    synchronized List<SubscriptionView> views() {
        return subscriptions.stream().map(s -> new SubscriptionView(s.id(), s.endpoint(hub).toString(), s.topics())).toList();
    }

    /** The subscriptions to this topic that can sign (a subscription without a secret sends nothing). */
    synchronized List<Subscription> to(String topic) {
        return subscriptions.stream().filter(s -> s.topics().contains(topic) && s.secret() != null).toList();
    }

    /** Squarespace's documented example is upper-case hex. */
    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().withUpperCase().formatHex(secret);
    }
}
