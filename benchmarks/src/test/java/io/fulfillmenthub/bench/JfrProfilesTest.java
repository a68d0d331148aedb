package io.fulfillmenthub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

class JfrProfilesTest {

    private static final Path RECORDINGS = Path.of("target", "jfr-profiles-test");

    @Test
    void packagesAreCutToAReadableGroup() {
        assertThat(JfrProfiles.group("org.apache.kafka.clients.consumer.KafkaConsumer")).isEqualTo("org.apache.kafka");
        assertThat(JfrProfiles.group("io.vertx.core.net.impl.ConnectionBase")).isEqualTo("io.vertx");
        assertThat(JfrProfiles.group("io.vertx.pgclient.impl.PgSocketConnection")).isEqualTo("io.vertx.pgclient");
        assertThat(JfrProfiles.group("io.netty.channel.epoll.EpollEventLoop")).isEqualTo("io.netty");
        assertThat(JfrProfiles.group("com.fasterxml.jackson.databind.ObjectMapper")).isEqualTo("com.fasterxml.jackson");
        assertThat(JfrProfiles.group("io.fulfillmenthub.orchestrator.saga.Step")).isEqualTo("io.fulfillmenthub.orchestrator");
        assertThat(JfrProfiles.group("io.fulfillmenthub.Main")).isEqualTo("io.fulfillmenthub");
        assertThat(JfrProfiles.group("java.util.concurrent.ForkJoinPool")).isEqualTo("java.util");
        assertThat(JfrProfiles.group("jdk.internal.misc.Unsafe")).isEqualTo("jdk.internal");
        assertThat(JfrProfiles.group("sun.nio.ch.EPoll")).isEqualTo("sun.nio");
        assertThat(JfrProfiles.group("io.smallrye.mutiny.operators.uni.UniOnItemTransform")).isEqualTo("io.smallrye.mutiny");
        assertThat(JfrProfiles.group("io.smallrye.reactive.messaging.providers.ProcessingMethod"))
                .isEqualTo("io.smallrye.reactive.messaging");
        assertThat(JfrProfiles.group("org.jboss.resteasy.reactive.server.handlers.InvocationHandler"))
                .isEqualTo("org.jboss.resteasy.reactive");
        assertThat(JfrProfiles.group("io.quarkus.vertx.core.runtime.VertxCoreRecorder")).isEqualTo("io.quarkus.vertx");
        assertThat(JfrProfiles.group("org.postgresql.core.v3.QueryExecutorImpl")).isEqualTo("org.postgresql");
        assertThat(JfrProfiles.group("io.vertx.core.impl.ContextBase$$Lambda$412/0x0000000800f1c440")).isEqualTo("io.vertx");
        assertThat(JfrProfiles.group("org.apacheish.Tool")).isEqualTo("org.apacheish");
        assertThat(JfrProfiles.group("Main")).isEqualTo("(default package)");
    }

    @Test
    void theBusyCodeIsTheTopSelfGroupAndItsCallersCountInclusive() throws IOException {
        Files.createDirectories(RECORDINGS);
        Path file = RECORDINGS.resolve("this-jvm.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            BusyChild.sink = BusyChild.spin(1_500_000_000L);
            recording.stop();
            recording.dump(file);
        }

        JfrProfiles.Summary summary = JfrProfiles.summarize("this JVM", file, 3, List.of("io.fulfillmenthub", "org.junit"));

        assertThat(summary.samples()).isGreaterThan(20);
        assertThat(summary.topSelf().get(0).group()).isEqualTo("io.fulfillmenthub.bench");
        assertThat(summary.topSelf().get(0).percent()).isGreaterThan(50);
        assertThat(summary.inclusive().get("io.fulfillmenthub")).isGreaterThan(50);
        // JUnit called the busy loop: inclusive, though hardly ever the top frame
        assertThat(summary.inclusive().get("org.junit")).isGreaterThan(50);
        assertThat(summary.topSelf()).noneMatch(share -> share.group().startsWith("org.junit") && share.percent() > 10);

        String markdown = rendered(List.of(summary));
        System.out.println(markdown);
        assertThat(markdown).contains("| this JVM | " + String.format(Locale.ROOT, "%,d", summary.samples())
                + " | io.fulfillmenthub.bench ");
        assertThat(markdown).contains("| service | samples | self time by package (top frame) | io.fulfillmenthub (inclusive) "
                + "| org.junit (inclusive) |");
    }

    @Test
    void aChildJvmIsProfiledThroughJcmdAndProcessesThatAreNoJvmAreSkippedWithANote() throws Exception {
        Path testClasses = Path.of(JfrProfilesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx32m",
                "-cp", testClasses.toString(), BusyChild.class.getName()).redirectErrorStream(true).start();
        Process notJava = new ProcessBuilder("sleep", "60").start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            // jcmd's attach signal would kill a JVM that has not yet set up its signal handlers
            assertThat(output.readLine()).isEqualTo(BusyChild.SPINNING);
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("busy child", child.pid());
            pids.put("gone", Long.MAX_VALUE);
            pids.put("not java", notJava.pid());

            JfrProfiles profiles = JfrProfiles.start(pids, RECORDINGS);
            Thread.sleep(1_500);
            List<JfrProfiles.Summary> summaries = profiles.stop(3, List.of("io.fulfillmenthub"));

            assertThat(summaries).extracting(JfrProfiles.Summary::service).containsExactly("busy child", "gone", "not java");
            JfrProfiles.Summary busy = summaries.get(0);
            assertThat(busy.note()).isEmpty();
            assertThat(busy.samples()).isGreaterThan(0);
            assertThat(busy.topSelf().get(0).group()).isEqualTo("io.fulfillmenthub.bench");
            assertThat(busy.inclusive().get("io.fulfillmenthub")).isGreaterThan(50);
            assertThat(RECORDINGS.resolve("busy-child.jfr")).exists();
            assertThat(summaries.get(1).note()).isEqualTo("not profiled: process " + Long.MAX_VALUE + " is gone");
            assertThat(summaries.get(2).note()).startsWith("not profiled: process " + notJava.pid() + " is not java (");
            // never sent jcmd's attach signal, which would have ended it
            assertThat(notJava.isAlive()).isTrue();

            String markdown = rendered(summaries);
            System.out.println(markdown);
            assertThat(markdown).contains("| gone | — | not profiled: process " + Long.MAX_VALUE + " is gone | — |");
        } finally {
            child.destroyForcibly().waitFor();
            notJava.destroyForcibly().waitFor();
        }
    }

    private static String rendered(List<JfrProfiles.Summary> summaries) {
        Report report = new Report("# test");
        JfrProfiles.report(report.section("Where the CPU goes"), summaries);
        return report.markdown();
    }

    /**
     * A JVM that keeps a core busy until its standard input closes, i.e. until the test (or its JVM)
     * ends; apart from the test class, so that it runs with only itself on the class path.
     */
    static final class BusyChild {

        static final String SPINNING = "spinning";

        /** Keeps the busy loop's result alive, so the JIT cannot drop the loop. */
        static volatile long sink;

        /** An LCG step chain: each step needs the last, so the JIT can neither vectorize nor skip it. */
        static long spin(long steps) {
            long x = steps;
            for (long i = 0; i < steps; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            return x;
        }

        public static void main(String[] args) throws IOException {
            Thread spinner = new Thread(() -> {
                while (true) {
                    sink = spin(10_000_000L);
                }
            });
            spinner.setDaemon(true);
            spinner.start();
            System.out.println(SPINNING);
            System.out.flush();
            while (System.in.read() >= 0) {
                // until end of input
            }
        }
    }
}
