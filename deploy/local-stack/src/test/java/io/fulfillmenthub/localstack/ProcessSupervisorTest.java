package io.fulfillmenthub.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fulfillmenthub.infra.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor keeps services up as an operator sees it: a process killed or crashing comes back and
 * answers ready again, a stop brings nothing back, and each replica has its own port. The service is
 * {@link TinyService}, packaged as a service's {@code quarkus-run.jar}, so each start takes a fraction
 * of a second.
 */
class ProcessSupervisorTest {

    private static final HubService SERVICE = HubService.INGEST;
    /** Short delays, so a series of restarts takes a second or two; the cap is reached at the third. */
    private static final RestartPolicy FAST = new RestartPolicy(true, Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofMinutes(1));
    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    Path home;
    private Path application;
    private final List<String> events = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ProcessSupervisor supervisor;

    @BeforeEach
    void packageTinyService() throws IOException {
        application = Files.createDirectories(home.resolve(SERVICE.module).resolve("target/quarkus-app"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TinyService.class.getName());
        String entry = TinyService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(application.resolve("quarkus-run.jar")), manifest);
                InputStream in = TinyService.class.getResourceAsStream("/" + entry)) {
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
        Files.createDirectories(home.resolve("logs"));
    }

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.stopAll(Duration.ofSeconds(10));
        }
    }

    @Test
    void aServiceKilledWithSigkillIsRestartedAndAnswersReadyAgain() throws Exception {
        supervisor = supervisor(FAST);
        Replica replica = Replica.first(SERVICE);
        int port = start(replica);
        supervisor.awaitReady(List.of(replica), READY);
        long killed = supervisor.pid(replica);

        assertThat(ProcessHandle.of(killed).orElseThrow().destroyForcibly()).isTrue(); // kill -9 from outside

        await().atMost(READY).until(() -> supervisor.pid(replica) != killed && isReady(port));
        assertThat(supervisor.restarts(replica)).isEqualTo(1);
        assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive)).isIn(java.util.Optional.empty(),
                java.util.Optional.of(false));
        await().atMost(READY).until(() -> events().stream().anyMatch(line -> line.contains("ready again after restart 1")));
        assertThat(events()).anyMatch(line -> line.contains("ingest-service (pid " + killed + ") exited with code 137 (SIGKILL)")
                && line.contains("restart 1 in 100 ms"));
        // the killed run was training: what it left of an archive is thrown away, never mapped by a later start
        assertThat(application.resolve(ProcessSupervisor.TRAINED_ARCHIVE)).doesNotExist();

        supervisor.stopAll(Duration.ofSeconds(10));
        // the restarted run trained too, and stopped gracefully: its whole archive is the service's now
        assertThat(application.resolve(ProcessSupervisor.TRAINED_ARCHIVE)).isNotEmptyFile();
        assertThat(Files.readAllBytes(application.resolve(ProcessSupervisor.TRAINED_ARCHIVE)))
                .isNotEqualTo(TinyService.HALF_ARCHIVE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aServiceThatKeepsDyingRightAfterStartIsRetriedLessAndLessOftenUntilItStaysUp() throws Exception {
        supervisor = supervisor(FAST);
        Replica replica = Replica.first(SERVICE);
        int port = start(replica);
        supervisor.awaitReady(List.of(replica), READY);

        Files.createFile(application.resolve(TinyService.CRASH));
        supervisor.kill(replica);
        await().atMost(READY).until(() -> events().stream().anyMatch(line -> line.contains("restart 5 in")));
        Files.delete(application.resolve(TinyService.CRASH));

        await().atMost(READY).until(() -> isReady(port));
        List<String> delays = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        Pattern restart = Pattern.compile("exited with code (\\d+).*; restart (\\d+) in (\\d+ ms)");
        for (String line : events()) {
            Matcher matcher = restart.matcher(line);
            if (matcher.find() && Integer.parseInt(matcher.group(2)) <= 5) {
                codes.add(matcher.group(1));
                delays.add(matcher.group(3));
            }
        }
        assertThat(codes).containsExactly("137", "1", "1", "1", "1");
        assertThat(delays).containsExactly("100 ms", "200 ms", "400 ms", "400 ms", "400 ms");
        assertThat(supervisor.restarts(replica)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aServiceThatCannotStartAtAllFailsItsStartWithItsLogAndIsNotRestarted() throws Exception {
        supervisor = supervisor(FAST);
        Replica replica = Replica.first(SERVICE);
        Files.createFile(application.resolve(TinyService.CRASH));
        start(replica);

        assertThatThrownBy(() -> supervisor.awaitReady(List.of(replica), READY))
                .hasMessageContaining("ingest-service exited with code 1 before it was ready")
                .hasMessageContaining("found " + TinyService.CRASH);
        assertThat(supervisor.restartPending(replica)).isFalse();
        assertThat(supervisor.restarts(replica)).isZero();
    }

    @Test
    void aStoppedReplicaIsNotRestarted() throws Exception {
        supervisor = supervisor(FAST);
        Replica stopped = new Replica(SERVICE, 1);
        Replica canary = new Replica(SERVICE, 2);
        start(stopped);
        int canaryPort = start(canary);
        supervisor.awaitReady(List.of(stopped, canary), READY);
        long stoppedPid = supervisor.pid(stopped);

        supervisor.stop(stopped, Duration.ofSeconds(10));
        long killed = supervisor.pid(canary);
        supervisor.kill(canary);
        // exits are handled in order and restarts wait the same first delay: once the canary, which died
        // after the stop, is back, a restart of the stopped replica would have come first
        await().atMost(READY).until(() -> supervisor.pid(canary) != killed && isReady(canaryPort));

        assertThat(ProcessHandle.of(stoppedPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(supervisor.pid(stopped)).isEqualTo(stoppedPid);
        assertThat(supervisor.restarts(stopped)).isZero();
        assertThat(supervisor.restartPending(stopped)).isFalse();
        assertThat(events()).noneMatch(line -> line.startsWith("ingest-service ") || line.contains(" ingest-service (pid"));
    }

    @Test
    void stoppingTheStackRestartsNothingEvenWhileARestartIsWaiting() throws Exception {
        // a first delay far longer than the test, so the killed replica is still waiting when the stack stops
        supervisor = supervisor(new RestartPolicy(true, Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(1)));
        Replica running = new Replica(SERVICE, 1);
        Replica waiting = new Replica(SERVICE, 2);
        int port = start(running);
        start(waiting);
        supervisor.awaitReady(List.of(running, waiting), READY);
        List<Long> pids = List.of(supervisor.pid(running), supervisor.pid(waiting));
        supervisor.kill(waiting);
        await().atMost(READY).until(() -> supervisor.restartPending(waiting));

        supervisor.stopAll(Duration.ofSeconds(10));

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("pid %d", pid).isFalse());
        assertThat(supervisor.restartPending(running)).isFalse();
        assertThat(supervisor.restartPending(waiting)).isFalse();
        assertThat(supervisor.restarts(waiting)).isZero();
        assertThat(isReady(port)).isFalse();
        assertThat(runningTinyServices()).isEmpty();
        assertThatThrownBy(() -> start(running)).hasMessageContaining("stopped");
    }

    @Test
    void replicasRunSideBySideOnTheirOwnPortsAndOnlyOneTrainsTheArchive() throws Exception {
        supervisor = supervisor(FAST);
        Replica first = new Replica(SERVICE, 1);
        Replica second = new Replica(SERVICE, 2);
        int firstPort = start(first);
        int secondPort = start(second);
        supervisor.awaitReady(List.of(first, second), READY);

        assertThat(firstPort).isNotEqualTo(secondPort);
        assertThat(isReady(firstPort)).isTrue();
        assertThat(isReady(secondPort)).isTrue();
        assertThat(supervisor.pid(first)).isNotEqualTo(supervisor.pid(second));
        assertThat(supervisor.log(second)).hasFileName("ingest-service-2.log").exists();
        // two JVMs training at once would each write the archive; the second starts without one instead
        List<String> commandLines = Stream.of(first, second).map(replica -> ProcessHandle.of(supervisor.pid(replica))
                .orElseThrow().info().commandLine().orElse("")).toList();
        assertThat(commandLines).filteredOn(line -> line.contains("-XX:ArchiveClassesAtExit=")).hasSize(1);
        assertThat(commandLines).noneMatch(line -> line.contains("-XX:SharedArchiveFile="));
    }

    private ProcessSupervisor supervisor(RestartPolicy policy) {
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    synchronized (events) {
                        events.add(line.toString(StandardCharsets.UTF_8).strip().replaceFirst("^\\d\\d:\\d\\d:\\d\\d ", ""));
                    }
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        };
        return new ProcessSupervisor(home, home.resolve("logs"), home.resolve("pids"), policy,
                new PrintStream(lines, true, StandardCharsets.UTF_8));
    }

    private int start(Replica replica) throws IOException {
        int port = FreePort.find();
        supervisor.start(replica, port, Map.of("quarkus.http.port", String.valueOf(port)), Map.of());
        return port;
    }

    private List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private boolean isReady(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<ProcessHandle> runningTinyServices() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("quarkus-run.jar")).toList();
    }
}
