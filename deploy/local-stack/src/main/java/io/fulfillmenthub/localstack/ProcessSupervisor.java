package io.fulfillmenthub.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the services' replicas as child processes, each logging to its own file; knows when each is
 * ready (and how long it took from its start), keeps them up and stops one or all of them, first
 * politely (SIGTERM, so Quarkus shuts down gracefully), then by force.
 * <p><b>Keeping them up.</b> A replica whose process ends without being asked to is started again as
 * its {@link RestartPolicy} says (a failure after a back-off that doubles up to a cap, for as long as it
 * keeps failing), each time logged with its exit status and restart count. Only a replica that has
 * been ready once is restarted: one that cannot start at all is a mistake to show at once, with its
 * log. A stop, of one replica or of all, restarts nothing: it cancels a restart that is waiting, and
 * after {@link #stopAll} nothing is started again.
 * <p>Process ids are kept in a file, so a launcher that was killed outright leaves nothing running
 * after the next start.
 */
final class ProcessSupervisor {

    private static final String RUNNER = "quarkus-run.jar";
    /**
     * A service's class-data archive (AppCDS), trained by a run of the service itself: the classes a real
     * start loads, already parsed and verified, so a start takes 0.3–0.5 s less CPU (10–20%). Quarkus's
     * own archive from the package step ({@code app-cds.jsa}) holds only what static init loads and saves
     * about half as much; the image uses that one, as it cannot train.
     * <p>A start with no archive newer than the runner (the first after a build) trains: the JVM writes
     * the archive when the service exits ({@code -XX:ArchiveClassesAtExit}), to a file of its own that
     * takes the archive's name only after a graceful exit, so a kill, a crash or another launcher never
     * leaves a half archive behind. One replica of a service trains at a time; the others start without
     * an archive. Later starts map it ({@code -XX:SharedArchiveFile}). The JVM accepts it only for the
     * class path it was written with, {@code quarkus-run.jar} relative to the application's directory,
     * so a service runs from there; an archive it refuses (another JDK) only makes the start slower.
     */
    static final String TRAINED_ARCHIVE = "app-cds-trained.jsa";
    /**
     * The exit statuses of a JVM that ended as a stop asks it to: normally, or after its shutdown hooks on
     * SIGTERM or SIGINT (128 + the signal). Only such an exit has written its whole archive; SIGKILL
     * (137), a crash (134, 139) or an exit on running out of memory may have cut it short.
     */
    /** What a training run may take beyond the grace to write its archive when the stack stops. */
    static final Duration ARCHIVE_DUMP_ALLOWANCE = Duration.ofSeconds(40);
    private static final Set<Integer> GRACEFUL_EXITS = Set.of(0, 128 + 15, 128 + 2);
    /** Often, to time a start closely; a check is cheap (a refused connection or one small answer). */
    private static final Duration READY_POLL = Duration.ofMillis(50);
    /** A run not ready after a minute is waiting for something (its database, say): ask less often. */
    private static final Duration SLOW_READY_POLL = Duration.ofSeconds(1);
    private static final Duration SLOW_AFTER = Duration.ofMinutes(1);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
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
    private final RestartPolicy policy;
    private final PrintStream out;
    /** Every replica started so far, in start order; guarded by this. */
    private final Map<Replica, Supervised> replicas = new LinkedHashMap<>();
    /** Restarts after their back-off, readiness checks and exit handling; none runs after {@link #stopAll}. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private boolean closed;

    ProcessSupervisor(Path home, Path logs, Path pidFile, RestartPolicy policy, PrintStream out) {
        this.home = home;
        this.logs = logs;
        this.pidFile = pidFile;
        this.policy = policy;
        this.out = out;
    }

    /** One replica across its runs. */
    private static final class Supervised {
        final Replica replica;
        /** Where it answers /q/health/ready: a hub service's management port, the sandbox's one port. */
        int readinessPort;
        Map<String, String> properties;
        Map<String, String> environment;
        /** The latest run; its process may have ended. */
        Run run;
        /** False once the stack stopped it: then it is not restarted. */
        boolean wanted;
        /** Ready at least once since it was last started on request: only then is a death restarted. */
        boolean readyOnce;
        int restarts;
        int failuresInARow;
        ScheduledFuture<?> pendingRestart;

        Supervised(Replica replica) {
            this.replica = replica;
        }
    }

    /** One process of a replica. */
    private static final class Run {
        final Process process;
        final long startedAt = System.nanoTime();
        /** Where this run's JVM writes a class-data archive at exit, or null when it does not train. */
        final Path training;
        final boolean restart;
        Duration timeToReady;
        boolean exitHandled;
        boolean archiveSettled;

        Run(Process process, Path training, boolean restart) {
            this.process = process;
            this.training = training;
            this.restart = restart;
        }
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
                        out.println("  stopping a service left running by an earlier start, pid " + handle.pid());
                        stop(handle, Duration.ofSeconds(10));
                    });
        }
        Files.delete(pidFile);
    }

    /**
     * Starts a replica unless it runs; one waiting for its restart starts now. Does not wait for it to be
     * ready (see {@link #awaitReady}), which it asks on {@code readinessPort}: a hub service's management port.
     */
    synchronized void start(Replica replica, int readinessPort, Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        if (closed) {
            throw new IllegalStateException("the stack is stopped");
        }
        Supervised supervised = replicas.computeIfAbsent(replica, Supervised::new);
        supervised.readinessPort = readinessPort;
        supervised.properties = Map.copyOf(properties);
        supervised.environment = Map.copyOf(environment);
        supervised.wanted = true;
        if (supervised.run != null && supervised.run.process.isAlive()) {
            return;
        }
        cancelPendingRestart(supervised);
        supervised.readyOnce = false; // whoever asked waits for this start and hears if it fails
        launch(supervised, false);
    }

    private void launch(Supervised supervised, boolean restart) throws IOException {
        HubService service = supervised.replica.service();
        Path application = home.resolve(service.module).resolve("target/quarkus-app");
        Path runner = application.resolve(RUNNER);
        if (!Files.exists(runner)) {
            throw new IllegalStateException(service.serviceName + " is not built: " + runner
                    + " is missing; build with ./mvnw -DskipTests package (./run-local does it for you)");
        }
        if (supervised.run != null) {
            settleArchive(supervised.run); // its exit may not be handled yet; its archive must not be lost
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (service != HubService.SANDBOX) {
            command.addAll(SERVICE_JVM_OPTIONS);
        }
        Path training = null;
        if (hasFreshArchive(application)) {
            command.add("-XX:SharedArchiveFile=" + TRAINED_ARCHIVE);
        } else if (!anotherReplicaTrains(supervised)) {
            training = newTrainingFile(application);
            // the dump lists every class it leaves out as a warning: hundreds of lines in the service's log
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + training, "-Xlog:cds*=error"));
        }
        supervised.properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(RUNNER);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(application.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(supervised.replica).toFile()));
        if (service != HubService.SANDBOX) {
            builder.environment().putAll(SERVICE_ENVIRONMENT);
        }
        builder.environment().putAll(supervised.environment);
        Run run = new Run(builder.start(), training, restart);
        supervised.run = run;
        writePidFile();
        run.process.onExit().thenRunAsync(() -> exited(supervised, run), scheduler);
        submit(() -> checkReadiness(supervised, run), Duration.ZERO);
    }

    private static boolean hasFreshArchive(Path application) throws IOException {
        Path trained = application.resolve(TRAINED_ARCHIVE);
        return Files.exists(trained) && Files.getLastModifiedTime(trained)
                .compareTo(Files.getLastModifiedTime(application.resolve(RUNNER))) > 0;
    }

    private boolean anotherReplicaTrains(Supervised supervised) {
        return replicas.values().stream().anyMatch(other -> other != supervised
                && other.replica.service() == supervised.replica.service()
                && other.run != null && other.run.training != null && !other.run.archiveSettled);
    }

    /** A file of this run's own to write the archive to; what a killed launcher left behind goes first. */
    private static Path newTrainingFile(Path application) throws IOException {
        try (var leftovers = Files.newDirectoryStream(application, TRAINED_ARCHIVE + ".*")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        return application.resolve(TRAINED_ARCHIVE + "." + ProcessHandle.current().pid() + "-" + System.nanoTime());
    }

    /** Once a training run has exited gracefully, its archive becomes the service's, in one rename. */
    private synchronized void settleArchive(Run run) {
        if (run.training == null || run.archiveSettled || run.process.isAlive()) {
            return;
        }
        run.archiveSettled = true;
        try {
            if (GRACEFUL_EXITS.contains(run.process.exitValue()) && Files.exists(run.training) && Files.size(run.training) > 0) {
                Files.move(run.training, run.training.resolveSibling(TRAINED_ARCHIVE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(run.training);
            }
        } catch (IOException e) {
            // the next start trains again
        }
    }

    /** A run's process ended: settle its archive, then restart it if the policy says so. */
    private synchronized void exited(Supervised supervised, Run run) {
        settleArchive(run);
        run.exitHandled = true;
        notifyAll();
        if (closed || supervised.run != run || !supervised.wanted) {
            return; // stopped on purpose, or already started again
        }
        writePidFileQuietly();
        int status = run.process.exitValue();
        Duration ran = Duration.ofNanos(System.nanoTime() - run.startedAt);
        String ended = supervised.replica.name() + " (pid " + run.process.pid() + ") exited with code " + status
                + signal(status) + " after " + seconds(ran);
        if (!supervised.readyOnce) {
            event(ended + " and was never ready: not restarted; see " + log(supervised.replica));
        } else if (!policy.restarts(status)) {
            event(ended + ": not restarted (" + policy + ")");
        } else {
            supervised.failuresInARow = policy.failuresInARow(supervised.failuresInARow, ran);
            scheduleRestart(supervised, ended);
        }
    }

    private void scheduleRestart(Supervised supervised, String why) {
        Duration delay = policy.delay(supervised.failuresInARow);
        event(why + "; restart " + (supervised.restarts + 1) + " in " + RestartPolicy.format(delay)
                + (supervised.failuresInARow > 1 ? " (" + supervised.failuresInARow + " failures in a row)" : ""));
        supervised.pendingRestart = submit(() -> restart(supervised), delay);
    }

    private synchronized void restart(Supervised supervised) {
        supervised.pendingRestart = null;
        if (closed || !supervised.wanted || supervised.run.process.isAlive()) {
            return;
        }
        supervised.restarts++;
        try {
            launch(supervised, true);
            event(supervised.replica.name() + " restarted (restart " + supervised.restarts + ", pid "
                    + supervised.run.process.pid() + ")");
        } catch (IOException | RuntimeException e) {
            // e.g. its runner is missing while a build replaces it: a failure like any other
            supervised.failuresInARow++;
            scheduleRestart(supervised, supervised.replica.name() + " could not be started: " + e.getMessage());
        }
    }

    private void checkReadiness(Supervised supervised, Run run) {
        if (!run.process.isAlive()) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + supervised.readinessPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (response != null && response.statusCode() == 200) {
                ready(supervised, run);
            } else {
                boolean slow = System.nanoTime() - run.startedAt > SLOW_AFTER.toNanos();
                submit(() -> checkReadiness(supervised, run), slow ? SLOW_READY_POLL : READY_POLL);
            }
        });
    }

    private synchronized void ready(Supervised supervised, Run run) {
        if (run.timeToReady != null || !run.process.isAlive()) {
            return;
        }
        run.timeToReady = Duration.ofNanos(System.nanoTime() - run.startedAt);
        supervised.readyOnce = true;
        if (run.restart && supervised.run == run) {
            event(supervised.replica.name() + " ready again after restart " + supervised.restarts + ", "
                    + seconds(run.timeToReady) + " after its start");
        }
        notifyAll();
    }

    long pid(Replica replica) {
        return latestRun(replica).process.pid();
    }

    /** How often the replica was restarted after its process died. */
    synchronized int restarts(Replica replica) {
        return supervised(replica).restarts;
    }

    /** From the replica's latest start to its first ready answer. */
    synchronized Duration timeToReady(Replica replica) {
        Duration duration = latestRun(replica).timeToReady;
        if (duration == null) {
            throw new IllegalStateException(replica.name() + " has not been ready since its latest start");
        }
        return duration;
    }

    /** Stops one replica, first politely; it is not restarted. */
    void stop(Replica replica, Duration grace) {
        Run run;
        synchronized (this) {
            Supervised supervised = supervised(replica);
            if (!supervised.wanted) {
                throw new IllegalStateException(replica.name() + " is not running");
            }
            supervised.wanted = false;
            cancelPendingRestart(supervised);
            run = supervised.run;
        }
        if (stop(run.process, grace)) {
            reportForced(replica, run, grace);
        }
        synchronized (this) {
            settleArchive(run);
            writePidFileQuietly();
        }
    }

    /** Ends a replica at once (SIGKILL), as a crash would; the restart policy then applies. */
    void kill(Replica replica) {
        Process process = latestRun(replica).process;
        process.destroyForcibly();
        process.onExit().join();
    }

    /**
     * Waits until each of these replicas has answered 200 on /q/health/ready since its latest start,
     * waiting out a restart; fails fast when one exited and will not be restarted.
     */
    synchronized void awaitReady(Collection<Replica> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Replica> waiting = new ArrayList<>();
            for (Replica replica : which) {
                Supervised supervised = supervised(replica);
                Run run = supervised.run;
                if (run.timeToReady != null) {
                    continue;
                }
                if (run.exitHandled && supervised.pendingRestart == null) {
                    throw new IllegalStateException(replica.name() + " exited with code " + run.process.exitValue()
                            + signal(run.process.exitValue()) + " before it was ready; its log ends with:\n"
                            + tail(replica, 30));
                }
                waiting.add(replica);
            }
            if (waiting.isEmpty()) {
                return;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new IllegalStateException("not ready after " + timeout.toSeconds() + " s: " + waiting
                        + "; see their logs in " + logs);
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        }
    }

    /** Stops every replica (SIGTERM, then by force after the grace) and starts nothing again, ever. */
    void stopAll(Duration grace) {
        Map<Replica, Run> runs = new LinkedHashMap<>();
        synchronized (this) {
            closed = true;
            for (Supervised supervised : replicas.values()) {
                supervised.wanted = false;
                cancelPendingRestart(supervised);
                runs.put(supervised.replica, supervised.run);
            }
        }
        scheduler.shutdownNow();
        runs.values().forEach(run -> run.process.destroy());
        long start = System.nanoTime();
        runs.forEach((replica, run) -> {
            // a training run writes its class-data archive after Quarkus stopped: on a busy machine
            // that takes longer than the shutdown, and a kill would throw the archive away
            Duration allowed = run.training != null ? grace.plus(ARCHIVE_DUMP_ALLOWANCE) : grace;
            if (stop(run.process, Duration.ofNanos(Math.max(0, start + allowed.toNanos() - System.nanoTime())))) {
                reportForced(replica, run, allowed);
            }
            settleArchive(run);
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a restart is waiting out its back-off (for tests and the launcher's status). */
    synchronized boolean restartPending(Replica replica) {
        return supervised(replica).pendingRestart != null;
    }

    Path log(Replica replica) {
        return logs.resolve(replica.name() + ".log");
    }

    private synchronized Run latestRun(Replica replica) {
        return supervised(replica).run;
    }

    private Supervised supervised(Replica replica) {
        Supervised supervised = replicas.get(replica);
        if (supervised == null) {
            throw new IllegalStateException(replica.name() + " was never started");
        }
        return supervised;
    }

    private static void cancelPendingRestart(Supervised supervised) {
        if (supervised.pendingRestart != null) {
            supervised.pendingRestart.cancel(false);
            supervised.pendingRestart = null;
        }
    }

    /** Runs a task on the scheduler after a delay; after {@link #stopAll} nothing runs. */
    private ScheduledFuture<?> submit(Runnable task, Duration delay) {
        try {
            return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            return null;
        }
    }

    private void event(String text) {
        out.println("  " + LocalTime.now().format(CLOCK) + " " + text);
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String signal(int status) {
        return switch (status) {
            case 128 + 2 -> " (SIGINT)";
            case 128 + 6 -> " (SIGABRT: the JVM crashed)";
            case 128 + 9 -> " (SIGKILL)";
            case 128 + 11 -> " (SIGSEGV)";
            case 128 + 15 -> " (SIGTERM)";
            case 3 -> " (out of memory: -XX:+ExitOnOutOfMemoryError)";
            default -> "";
        };
    }

    private void writePidFileQuietly() {
        try {
            writePidFile();
        } catch (IOException e) {
            // only a launcher killed outright needs the file, and the next write tries again
        }
    }

    private void writePidFile() throws IOException {
        List<Process> running = replicas.values().stream().map(supervised -> supervised.run.process)
                .filter(Process::isAlive).toList();
        if (running.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Files.writeString(pidFile, running.stream().map(p -> String.valueOf(p.pid()))
                .collect(Collectors.joining("\n", "", "\n")));
    }

    /**
     * Stops a child and returns once its {@link Process} knows it ended, so its exit status can be read;
     * true when it took SIGKILL.
     */
    private static boolean stop(Process process, Duration grace) {
        boolean forced = stop(process.toHandle(), grace);
        process.onExit().join();
        return forced;
    }

    /** SIGTERM, then SIGKILL once the grace is over; true when it took SIGKILL. */
    private static boolean stop(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(Math.max(1, grace.toMillis()), TimeUnit.MILLISECONDS);
            return false;
        } catch (Exception e) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            handle.onExit().join();
            return true;
        }
    }

    /** Says when a stop had to kill: a graceful stop is what keeps a training run's archive. */
    private void reportForced(Replica replica, Run run, Duration grace) {
        event(replica.name() + " did not stop within " + seconds(grace) + " of SIGTERM: killed"
                + (run.training != null ? "; its class-data archive is dropped and its next start trains again" : ""));
    }

    private String tail(Replica replica, int lines) {
        try {
            List<String> all = Files.readAllLines(log(replica));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
