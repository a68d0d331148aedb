package io.fulfillmenthub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the services as child processes, each logging to its own file; knows when they are ready (and
 * how long each took from its start) and stops one or all of them, first politely (SIGTERM, so Quarkus shuts down gracefully), then by force. Their
 * process ids are kept in a file, so a launcher that was killed outright leaves nothing running after
 * the next start.
 */
final class ProcessSupervisor {

    private static final String RUNNER = "quarkus-run.jar";
    /**
     * A service's class-data archive (AppCDS), trained by a run of the service itself: the classes a real
     * start loads, already parsed and verified, so a start takes 0.3–0.5 s less CPU (10–20%). Quarkus's
     * own archive from the package step ({@code app-cds.jsa}) holds only what static init loads and saves
     * about half as much; the image uses that one, as it cannot train.
     * <p>A start with no archive newer than the runner (the first after a build) trains: the JVM writes
     * the archive when the service exits gracefully ({@code -XX:ArchiveClassesAtExit}), to a file of its
     * own that takes the archive's name only then, so a crash or another launcher never leaves a half
     * archive behind. Later starts map it ({@code -XX:SharedArchiveFile}). The JVM accepts it only for the
     * class path it was written with, {@code quarkus-run.jar} relative to the application's directory,
     * so a service runs from there; an archive it refuses (another JDK) only makes the start slower.
     */
    static final String TRAINED_ARCHIVE = "app-cds-trained.jsa";
    /** The exit status of a JVM ended by SIGKILL, which may leave its archive half written. */
    private static final int KILLED = 128 + 9;
    /**
     * The services' JVM settings, as the Dockerfile sets them: a heap bounded to what a service needs
     * rather than a quarter of the machine, the serial collector (less memory of its own, and short
     * young-generation pauses on a heap this small), and an exit rather than limping on after running
     * out of memory. The sandbox, which keeps every simulated order in memory, gets the JVM's defaults.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx192m",
            "-XX:+ExitOnOutOfMemoryError");
    /**
     * The services' environment, as the Dockerfile sets it: glibc's malloc keeps at most two arenas
     * instead of up to eight per core, so the JVM's native allocations (Netty's among them) spread
     * over fewer arenas that each hold resident memory.
     */
    static final Map<String, String> SERVICE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final Path home;
    private final Path logs;
    private final Path pidFile;
    private final Map<HubService, Process> processes = new EnumMap<>(HubService.class);
    private final Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
    private final Map<HubService, Long> startedAt = new EnumMap<>(HubService.class);
    private final Map<HubService, Duration> timeToReady = new EnumMap<>(HubService.class);
    /** The services whose current run trains their archive, with the file the JVM writes it to. */
    private final Map<HubService, Path> training = new EnumMap<>(HubService.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ProcessSupervisor(Path home, Path logs, Path pidFile) {
        this.home = home;
        this.logs = logs;
        this.pidFile = pidFile;
    }

    /** Stops services a previous launcher left running (it was killed before it could stop them). */
    void stopLeftovers() throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        for (String line : Files.readAllLines(pidFile)) {
            ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(handle -> handle.info().commandLine().orElse("").contains(RUNNER))
                    .ifPresent(handle -> {
                        System.out.println("  stopping a service left running by an earlier start, pid " + handle.pid());
                        stop(handle, Duration.ofSeconds(10));
                    });
        }
        Files.delete(pidFile);
    }

    void start(HubService service, int port, Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        Path application = home.resolve(service.module).resolve("target/quarkus-app");
        Path runner = application.resolve(RUNNER);
        if (!Files.exists(runner)) {
            throw new IllegalStateException(service.serviceName + " is not built: " + runner
                    + " is missing; build with ./mvnw -DskipTests package (./run-local does it for you)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (service != HubService.SANDBOX) {
            command.addAll(SERVICE_JVM_OPTIONS);
        }
        command.addAll(classData(service, application));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(RUNNER);
        Path log = logs.resolve(service.serviceName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(application.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (service != HubService.SANDBOX) {
            builder.environment().putAll(SERVICE_ENVIRONMENT);
        }
        builder.environment().putAll(environment);
        timeToReady.remove(service);
        startedAt.put(service, System.nanoTime());
        Process process = builder.start();
        processes.put(service, process);
        ports.put(service, port);
        writePidFile();
    }

    /** Maps the service's trained archive when it is newer than the runner; otherwise trains one. */
    private List<String> classData(HubService service, Path application) throws IOException {
        Path trained = application.resolve(TRAINED_ARCHIVE);
        if (Files.exists(trained) && Files.getLastModifiedTime(trained)
                .compareTo(Files.getLastModifiedTime(application.resolve(RUNNER))) > 0) {
            training.remove(service);
            return List.of("-XX:SharedArchiveFile=" + TRAINED_ARCHIVE);
        }
        try (var leftovers = Files.newDirectoryStream(application, TRAINED_ARCHIVE + ".*")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        Path writing = application.resolve(TRAINED_ARCHIVE + "." + ProcessHandle.current().pid() + "-" + System.nanoTime());
        training.put(service, writing);
        // the dump lists every class it leaves out as a warning: hundreds of lines in the service's log
        return List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds*=error");
    }

    /** Once a training run has exited gracefully, its archive becomes the service's, in one rename. */
    private void keepTrainedArchive(HubService service, Process process) {
        Path writing = training.remove(service);
        if (writing == null || process.isAlive()) {
            return;
        }
        try {
            if (process.exitValue() != KILLED && Files.exists(writing) && Files.size(writing) > 0) {
                Files.move(writing, writing.resolveSibling(TRAINED_ARCHIVE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(writing);
            }
        } catch (IOException e) {
            // the next start trains again
        }
    }

    long pid(HubService service) {
        return running(service).pid();
    }

    /** From the service's latest start to its first ready answer. */
    Duration timeToReady(HubService service) {
        Duration duration = timeToReady.get(service);
        if (duration == null) {
            throw new IllegalStateException(service.serviceName + " has not been ready since its latest start");
        }
        return duration;
    }

    /** Stops one service, first politely, and forgets it. */
    void stop(HubService service, Duration grace) {
        Process process = running(service);
        stop(process.toHandle(), grace);
        keepTrainedArchive(service, process);
        processes.remove(service);
        try {
            writePidFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends a service at once (SIGKILL), as a crash would. */
    void kill(HubService service) {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.onExit().join();
        keepTrainedArchive(service, process);
    }

    /** Waits until every service answers 200 on /q/health/ready; fails fast if one of them exits. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<HubService> waiting = new ArrayList<>(processes.keySet());
        while (!waiting.isEmpty()) {
            for (HubService service : List.copyOf(waiting)) {
                Process process = processes.get(service);
                if (!process.isAlive()) {
                    throw new IllegalStateException(service.serviceName + " exited with code " + process.exitValue()
                            + " before it was ready; its log ends with:\n" + tail(service, 30));
                }
                if (isReady(ports.get(service))) {
                    timeToReady.putIfAbsent(service, Duration.ofNanos(System.nanoTime() - startedAt.get(service)));
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + timeout.toSeconds() + " s: " + waiting
                        + "; see their logs in " + logs);
            }
            Thread.sleep(50); // a plain poll loop: the services are other processes; often, to time their start
        }
    }

    /** Blocks until any service exits. */
    void awaitAnyExit() {
        CompletableFuture.anyOf(processes.values().stream().map(Process::onExit).toArray(CompletableFuture[]::new)).join();
    }

    void stopAll(Duration grace) {
        processes.values().forEach(Process::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Map.Entry<HubService, Process> service : processes.entrySet()) {
            stop(service.getValue().toHandle(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            keepTrainedArchive(service.getKey(), service.getValue());
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process running(HubService service) {
        Process process = processes.get(service);
        if (process == null) {
            throw new IllegalStateException(service.serviceName + " is not running");
        }
        return process;
    }

    private void writePidFile() throws IOException {
        if (processes.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Files.writeString(pidFile, processes.values().stream().map(p -> String.valueOf(p.pid()))
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private static void stop(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
    }

    private boolean isReady(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String tail(HubService service, int lines) {
        try {
            List<String> all = Files.readAllLines(logs.resolve(service.serviceName + ".log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
