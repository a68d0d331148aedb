package io.fulfillmenthub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each service's CPU goes inside its JVM: a Java Flight Recorder recording started and stopped
 * with the JDK's {@code jcmd} in each service's JVM around a load run, summarized as the share of
 * execution samples by the package group of the top frame (self) and by a few package prefixes
 * anywhere on the stack (inclusive). A JVM that cannot be profiled is reported as such; it never
 * fails the benchmark.
 */
final class JfrProfiles {

    /** Deeper than JFR's default of 64, so that inclusive shares see the callers of deep reactive stacks. */
    static final int STACK_DEPTH = 256;

    private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    private static final Duration JCMD_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger RECORDINGS = new AtomicInteger();

    /**
     * How many segments of a package make its group: the longest prefix listed here decides, any other
     * package keeps two ({@code java.util}, {@code jdk.internal}, {@code sun.nio}, {@code io.netty},
     * {@code io.vertx}, {@code org.postgresql}). Listed are the namespaces whose second segment is only
     * a vendor, so the third names the library ({@code org.apache.kafka}, {@code io.quarkus.vertx},
     * {@code io.fulfillmenthub.orchestrator}), a few libraries named by their fourth, and Vert.x's
     * database client kept apart from the rest of Vert.x.
     */
    private static final Map<String, Integer> GROUP_SEGMENTS = Map.ofEntries(
            Map.entry("io.fulfillmenthub", 3),
            Map.entry("io.quarkus", 3),
            Map.entry("io.smallrye", 3),
            Map.entry("io.smallrye.reactive", 4),
            Map.entry("org.apache", 3),
            Map.entry("org.jboss", 3),
            Map.entry("org.jboss.resteasy", 4),
            Map.entry("com.fasterxml", 3),
            Map.entry("io.vertx.pgclient", 3),
            Map.entry("io.vertx.sqlclient", 3));

    /** A package group and its share of the samples, 0–100. */
    record Share(String group, double percent) {}

    /**
     * One JVM's recording: its execution samples, the largest self shares by package group, the
     * inclusive share of each prefix asked for, in the order asked; note is empty, or says why the
     * JVM is not profiled.
     */
    record Summary(String service, long samples, List<Share> topSelf, Map<String, Double> inclusive, String note) {

        static Summary notProfiled(String service, String why) {
            return new Summary(service, 0, List.of(), Map.of(), "not profiled: " + why);
        }
    }

    private final Path jcmd;
    private final Path directory;
    private final String recording;
    private final Map<String, Long> recorded = new LinkedHashMap<>();
    /** Every service asked for, in order, with why it is not profiled, or null while it is. */
    private final Map<String, String> whyNot = new LinkedHashMap<>();

    private JfrProfiles(Path jcmd, Path directory) {
        this.jcmd = jcmd;
        this.directory = directory;
        this.recording = "bench-" + ProcessHandle.current().pid() + "-" + RECORDINGS.incrementAndGet();
    }

    /** How many self groups, and which prefixes' inclusive shares, the report shows for a profiled run. */
    static final int TOP = 6;
    static final List<String> INCLUSIVE = List.of("io.fulfillmenthub", "org.apache.kafka", "com.fasterxml.jackson");

    /**
     * As {@link #start}, but on a JDK without {@code jcmd} every service's row says so instead of the
     * benchmark failing; {@link #stop} then returns those rows.
     */
    static JfrProfiles startOrExplain(Map<String, Long> pids, Path directory) throws IOException, InterruptedException {
        try {
            return start(pids, directory);
        } catch (IllegalStateException noJcmd) {
            JfrProfiles none = new JfrProfiles(null, directory);
            pids.keySet().forEach(service -> none.whyNot.put(service, noJcmd.getMessage()));
            return none;
        }
    }

    /** {@link #stop} with the report's {@link #TOP} and {@link #INCLUSIVE}. */
    List<Summary> stop() throws InterruptedException {
        return stop(TOP, INCLUSIVE);
    }

    /**
     * Starts a recording in each JVM (service name → pid); {@link #stop} writes them as
     * {@code <directory>/<service>.jfr}.
     *
     * @throws IllegalStateException when the JDK running this has no {@code jcmd}
     */
    static JfrProfiles start(Map<String, Long> pids, Path directory) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the benchmark, so where jcmd is")));
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException("no jcmd next to " + java + ": profiling the services needs a JDK, not a JRE");
        }
        Files.createDirectories(directory);
        JfrProfiles profiles = new JfrProfiles(jcmd, directory);
        Map<String, Long> candidates = new LinkedHashMap<>();
        pids.forEach((service, pid) -> {
            String notJava = notARunningJava(pid);
            profiles.whyNot.put(service, notJava);
            if (notJava == null) {
                candidates.put(service, pid);
            }
        });
        // Before the recording starts: the stack depth is fixed once JFR runs in that JVM.
        Map<String, Long> configured = profiles.each(candidates, "Stack depth: " + STACK_DEPTH,
                service -> List.of("JFR.configure", "stackdepth=" + STACK_DEPTH));
        profiles.recorded.putAll(profiles.each(configured, "Started recording",
                service -> List.of("JFR.start", "name=" + profiles.recording, "settings=profile")));
        return profiles;
    }

    /**
     * Stops the recordings and summarizes them: one summary per service given to {@link #start}, in
     * that order, those not profiled with why. Once per start.
     */
    List<Summary> stop(int top, List<String> inclusivePrefixes) throws InterruptedException {
        for (String service : recorded.keySet()) {
            try {
                Files.deleteIfExists(file(service));
            } catch (IOException stale) {
                // JFR.stop overwrites it, or fails and says so
            }
        }
        each(recorded, "Stopped recording",
                service -> List.of("JFR.stop", "name=" + recording, "filename=" + file(service).toAbsolutePath()));
        recorded.clear();
        List<Summary> summaries = new ArrayList<>();
        for (Map.Entry<String, String> service : whyNot.entrySet()) {
            summaries.add(service.getValue() == null
                    ? read(service.getKey(), file(service.getKey()), top, inclusivePrefixes)
                    : Summary.notProfiled(service.getKey(), service.getValue()));
        }
        return summaries;
    }

    /** Summarizes the execution samples of a recording; see {@link #group} for the self groups. */
    static Summary summarize(String service, Path jfrFile, int top, List<String> inclusivePrefixes) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new LinkedHashMap<>();
        inclusivePrefixes.forEach(prefix -> inclusive.put(prefix, 0L));
        long samples = 0;
        try (RecordingFile recordingFile = new RecordingFile(jfrFile)) {
            while (recordingFile.hasMoreEvents()) {
                RecordedEvent event = recordingFile.readEvent();
                if (!event.getEventType().getName().equals(EXECUTION_SAMPLE)) {
                    continue;
                }
                samples++;
                RecordedStackTrace stack = event.getStackTrace();
                List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
                self.merge(frames.isEmpty() ? "(no stack)" : group(className(frames.get(0))), 1L, Long::sum);
                for (String prefix : inclusivePrefixes) {
                    if (frames.stream().anyMatch(frame -> className(frame).startsWith(prefix + "."))) {
                        inclusive.merge(prefix, 1L, Long::sum);
                    }
                }
            }
        }
        long all = samples;
        List<Share> topSelf = self.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(entry -> new Share(entry.getKey(), percent(entry.getValue(), all)))
                .toList();
        Map<String, Double> inclusiveShares = new LinkedHashMap<>();
        inclusive.forEach((prefix, count) -> inclusiveShares.put(prefix, percent(count, all)));
        return new Summary(service, samples, topSelf, Collections.unmodifiableMap(inclusiveShares), "");
    }

    /**
     * The package group of a class: its package cut to the segments {@link #GROUP_SEGMENTS} gives, e.g.
     * {@code org.apache.kafka.clients.consumer.KafkaConsumer} → {@code org.apache.kafka}, {@code
     * io.vertx.core.net.impl.ConnectionBase} → {@code io.vertx}.
     */
    static String group(String className) {
        String name = className.contains("/") ? className.substring(0, className.indexOf('/')) : className;
        int lastDot = name.lastIndexOf('.');
        if (lastDot < 0) {
            return "(default package)";
        }
        String[] segments = name.substring(0, lastDot).split("\\.");
        int keep = 2;
        int longest = 0;
        for (Map.Entry<String, Integer> rule : GROUP_SEGMENTS.entrySet()) {
            String prefix = rule.getKey();
            if (name.startsWith(prefix + ".") && prefix.length() > longest) {
                keep = rule.getValue();
                longest = prefix.length();
            }
        }
        return String.join(".", List.of(segments).subList(0, Math.min(keep, segments.length)));
    }

    /**
     * One row per service: its samples, its largest self groups and the rest as "other", and a column
     * per inclusive prefix; then how to read them.
     */
    static void report(Report.Section section, List<Summary> summaries) {
        Set<String> prefixes = new LinkedHashSet<>();
        summaries.forEach(summary -> prefixes.addAll(summary.inclusive().keySet()));
        List<String> columns = new ArrayList<>(List.of("service", "samples", "self time by package (top frame)"));
        prefixes.forEach(prefix -> columns.add(prefix + " (inclusive)"));
        section.table(columns.toArray(String[]::new));
        for (Summary summary : summaries) {
            boolean profiled = summary.note().isEmpty();
            List<String> cells = new ArrayList<>(List.of(summary.service(),
                    profiled ? String.format(Locale.ROOT, "%,d", summary.samples()) : "—",
                    profiled ? selfCell(summary) : summary.note()));
            prefixes.forEach(prefix -> cells.add(summary.inclusive().containsKey(prefix)
                    ? percent(summary.inclusive().get(prefix)) : "—"));
            section.row(cells.toArray(String[]::new));
        }
        section.note("Where each service's CPU went, by a Java Flight Recorder recording in its JVM over the run "
                + "(`jcmd <pid> JFR.start settings=profile`, stack depth " + STACK_DEPTH + "): every 10 ms the JVM "
                + "samples the stacks of a few of its threads that run Java code. Self is the share of samples whose top frame is in that "
                + "package group (the package cut to two segments; three under io.fulfillmenthub, io.quarkus, "
                + "io.smallrye, org.apache, org.jboss, com.fasterxml, io.vertx.pgclient and io.vertx.sqlclient; four for "
                + "io.smallrye.reactive and org.jboss.resteasy); inclusive is the share of samples with any frame in "
                + "the package. Garbage collection, the JIT compiler and native code are not in these samples. "
                + "Each recording is a `<service>.jfr` file beside the benchmark's data, for `jfr print` or JDK "
                + "Mission Control.");
    }

    private static String selfCell(Summary summary) {
        StringBuilder cell = new StringBuilder();
        double listed = 0;
        for (Share share : summary.topSelf()) {
            cell.append(cell.isEmpty() ? "" : ", ").append(share.group()).append(' ').append(percent(share.percent()));
            listed += share.percent();
        }
        double other = 100 - listed;
        return other >= 0.5 ? cell.append(", other ").append(percent(other)).toString() : cell.toString();
    }

    private static String percent(double percent) {
        return String.format(Locale.ROOT, percent < 0.95 ? "%.1f%%" : "%.0f%%", percent);
    }

    private static double percent(long count, long all) {
        return all == 0 ? 0 : 100.0 * count / all;
    }

    private static String className(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private Summary read(String service, Path file, int top, List<String> inclusivePrefixes) throws InterruptedException {
        long deadline = System.nanoTime() + FILE_TIMEOUT.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                return Summary.notProfiled(service, "JFR.stop said it wrote " + file + " but it did not appear");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        try {
            return summarize(service, file, top, inclusivePrefixes);
        } catch (IOException | RuntimeException unreadable) {
            return Summary.notProfiled(service, "cannot read " + file + ": " + unreadable);
        }
    }

    /** Why this pid is no JVM to attach to, or null; jcmd's attach signal would kill a process that is no JVM. */
    private static String notARunningJava(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return "process " + pid + " is gone";
        }
        String command = process.get().info().command().orElse("");
        return Path.of(command).endsWith("java") ? null : "process " + pid + " is not java (" + command + ")";
    }

    /**
     * Runs jcmd with the same command against each JVM at once; the JVMs whose answer exits 0 and
     * contains {@code expected}, the others noted with jcmd's answer.
     */
    private Map<String, Long> each(Map<String, Long> pids, String expected, Function<String, List<String>> command)
            throws InterruptedException {
        Map<String, Process> running = new LinkedHashMap<>();
        Map<String, Path> outputs = new HashMap<>();
        for (Map.Entry<String, Long> jvm : pids.entrySet()) {
            List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(jvm.getValue())));
            line.addAll(command.apply(jvm.getKey()));
            try {
                Path output = Files.createTempFile("jcmd", ".out");
                outputs.put(jvm.getKey(), output);
                running.put(jvm.getKey(), new ProcessBuilder(line).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start());
            } catch (IOException cannotRun) {
                whyNot.put(jvm.getKey(), String.join(" ", line) + ": " + cannotRun);
            }
        }
        Map<String, Long> answered = new LinkedHashMap<>();
        for (Map.Entry<String, Process> jvm : running.entrySet()) {
            String service = jvm.getKey();
            Process process = jvm.getValue();
            String problem = null;
            if (!process.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                problem = "no answer within " + JCMD_TIMEOUT.toSeconds() + " s";
            }
            String output = readAndDelete(outputs.get(service));
            if (problem == null && (process.exitValue() != 0 || !output.contains(expected))) {
                problem = "exit " + process.exitValue() + ", " + firstLines(output);
            }
            if (problem == null) {
                answered.put(service, pids.get(service));
            } else {
                whyNot.put(service, "jcmd " + String.join(" ", command.apply(service)) + ": " + problem);
            }
        }
        return answered;
    }

    private static String readAndDelete(Path file) {
        try {
            String text = Files.readString(file);
            Files.delete(file);
            return text;
        } catch (IOException unreadable) {
            return "(its output is unreadable: " + unreadable + ")";
        }
    }

    /** Enough of jcmd's answer for a table cell: its first few lines on one line, without the pid line. */
    private static String firstLines(String output) {
        return output.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.matches("\\d+:"))
                .limit(3).reduce((a, b) -> a + " " + b).orElse("no output").replace('|', '/');
    }

    private Path file(String service) {
        return directory.resolve(service.replaceAll("[^A-Za-z0-9._-]+", "-") + ".jfr");
    }
}
