package io.fulfillmenthub.kit.deadletter;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * At start, makes sure every dead-letter topic of the service's channels
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}) exists with {@code retention.ms} =
 * {@code hub.dead-letter.retention} and {@code max.message.bytes} = {@code hub.dead-letter.max-message-bytes},
 * and sets them on a topic that has other values. Without this a dead-letter topic is created on first
 * use with the broker's defaults: kept 7 days and refusing a dead letter of a record near 1 MiB.
 *
 * <p>It works in the background: a broker that is away does not stop the service from starting; it tries
 * again with back-off (1 s doubling to 1 min) until it succeeds, and logs each failure. A refusal for lack
 * of rights is logged once as an error and not retried: whoever manages the topics must set them.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);
    private static final Pattern CHANNEL_DEAD_LETTER_TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.dead-letter-queue\\.topic");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    /** Dead letters are few; one partition keeps them in the order they were written, as Topics.DEAD_LETTERS does. */
    private static final int PARTITIONS = 1;

    @Inject
    DeadLetterConfig config;

    @Inject
    org.eclipse.microprofile.config.Config mpConfig;

    /** Quarkus's {@code kafka.*} configuration: the bootstrap servers and any security settings. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private volatile ScheduledExecutorService retries;

    void ensureAtStart(@Observes StartupEvent event) {
        Set<String> topics = channelDeadLetterTopics();
        if (topics.isEmpty()) {
            return;
        }
        retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dead-letter-topics");
            thread.setDaemon(true);
            return thread;
        });
        retries.execute(() -> attempt(topics, FIRST_RETRY));
    }

    void stop(@Observes ShutdownEvent event) {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    private void attempt(Set<String> topics, Duration nextRetry) {
        Admin admin = null;
        try {
            admin = Admin.create(adminConfig());
            Outcome outcome = ensure(admin, topics, config.retention(), config.maxMessageBytes());
            LOG.infof("dead-letter topics %s: retention.ms %d, max.message.bytes %d (created %s, corrected %s)", topics,
                    config.retention().toMillis(), config.maxMessageBytes(), outcome.created(), outcome.corrected());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            Throwable reason = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
            if (reason instanceof TopicAuthorizationException || reason instanceof ClusterAuthorizationException) {
                LOG.errorf("dead-letter topics %s: not allowed to create or configure them (%s); set retention.ms=%d "
                        + "and max.message.bytes=%d on them by other means", topics, reason.getMessage(),
                        config.retention().toMillis(), config.maxMessageBytes());
                return;
            }
            LOG.warnf("dead-letter topics %s could not be checked yet (%s); trying again in %d s", topics, reason,
                    nextRetry.toSeconds());
            Duration after = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
            if (!retries.isShutdown()) {
                retries.schedule(() -> attempt(topics, after), nextRetry.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            if (admin != null) {
                // a broker that is away must not hold up the service's shutdown
                admin.close(CLOSE_TIMEOUT);
            }
        }
    }

    private Map<String, Object> adminConfig() {
        Map<String, Object> admin = new HashMap<>();
        // only what an admin client knows: the map also holds consumer and producer settings
        kafka.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                admin.put(name, value);
            }
        });
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "dead-letter-topics");
        admin.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ADMIN_TIMEOUT_SECONDS));
        return admin;
    }

    /** The dead-letter topic of every incoming channel that names one. */
    private Set<String> channelDeadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (String name : mpConfig.getPropertyNames()) {
            if (CHANNEL_DEAD_LETTER_TOPIC.matcher(name).matches()) {
                mpConfig.getOptionalValue(name, String.class).filter(topic -> !topic.isBlank()).ifPresent(topics::add);
            }
        }
        return topics;
    }

    /**
     * Creates the topics that are missing with the retention and size limit, and sets both on those that
     * have other values.
     */
    public static Outcome ensure(Admin admin, Collection<String> topics, Duration retention, int maxMessageBytes)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, String> wanted = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes));
        Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> created = new ArrayList<>();
        List<String> toCheck = new ArrayList<>();
        for (String topic : topics) {
            if (existing.contains(topic)) {
                toCheck.add(topic);
                continue;
            }
            try {
                // the broker's default replication factor
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty()).configs(wanted)))
                        .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // another replica, or a first dead letter, created it in between
                toCheck.add(topic);
            }
        }
        List<String> corrected = new ArrayList<>();
        if (!toCheck.isEmpty()) {
            List<ConfigResource> resources = toCheck.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> current = admin.describeConfigs(resources).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            current.forEach((resource, topicConfig) -> {
                List<AlterConfigOp> ops = new ArrayList<>();
                wanted.forEach((name, value) -> {
                    ConfigEntry entry = topicConfig.get(name);
                    if (entry == null || !value.equals(entry.value())) {
                        ops.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
                    }
                });
                if (!ops.isEmpty()) {
                    changes.put(resource, ops);
                    corrected.add(resource.name());
                }
            });
            if (!changes.isEmpty()) {
                admin.incrementalAlterConfigs(changes).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        return new Outcome(created, corrected);
    }

    /** What {@link #ensure} did: the topics it created, and those whose configuration it set. */
    public record Outcome(List<String> created, List<String> corrected) {
    }
}
