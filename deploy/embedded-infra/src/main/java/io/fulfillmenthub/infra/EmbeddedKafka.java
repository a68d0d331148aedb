package io.fulfillmenthub.infra;

import io.fulfillmenthub.contracts.Topics.TopicSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), started in
 * this JVM from the Kafka server artifacts. Its log directory survives a restart, so the local stack
 * keeps its data; single-node replication factors are 1.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final int port;
    private final int controllerPort;

    private EmbeddedKafka(KafkaRaftServer server, int port, int controllerPort) {
        this.server = server;
        this.bootstrapServers = "localhost:" + port;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats the log directory on first use and starts the broker.
     *
     * @param port the client port, 0 for any free one
     * @param controllerPort the KRaft controller port, 0 for any free one
     */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
        int clientPort = FreePort.orFree(port);
        int quorumPort = FreePort.orFree(controllerPort);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + logDir, e);
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(logDir, clientPort, quorumPort), false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, clientPort, quorumPort);
        kafka.awaitReady();
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client port; a broker started again on it and {@link #controllerPort()} with the same log directory is the same broker. */
    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<TopicSpec> topics) {
        createTopics(bootstrapServers, topics);
    }

    /** Creates the topics that do not exist yet on any broker. */
    public static void createTopics(String bootstrapServers, Collection<TopicSpec> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.config()))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka at " + bootstrapServers + " not ready after "
                                + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    private static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // a single node: every internal topic has one replica
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("num.partitions", "3");
        // dead-letter topics are created on first use
        props.put("auto.create.topics.enable", "true");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private static void format(Path logDir) {
        String dir = logDir.toAbsolutePath().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir)
                    .setDirectories(List.of(dir))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + dir, e);
        }
    }
}
