package io.fulfillmenthub.bench;

import io.fulfillmenthub.infra.FreePort;
import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import io.fulfillmenthub.localstack.LocalSecrets;
import io.fulfillmenthub.localstack.RestartPolicy;
import io.fulfillmenthub.localstack.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark program behind {@code ./run-benchmarks}: measures ingest, the orchestrator, the hub end to
 * end and each service's footprint on the local stack (no Docker), each beside its ceiling, and writes
 * the tables with the machine and the exact command to docs/benchmarks.md. It measures; it asserts nothing.
 */
@Command(name = "run-benchmarks", mixinStandardHelpOptions = true,
        description = "Measures the fulfillment hub on the local stack and writes a Markdown report.")
public final class Benchmarks implements Callable<Integer> {

    @Option(names = "--home", description = "The repository root, where the services were built (default: current directory).")
    Path home = Path.of("");

    @Option(names = "--smoke", description = "Seconds, not minutes: shows the program works and prints its figures (for CI).")
    boolean smoke;

    @Option(names = "--out", description = "Where the report goes (default: docs/benchmarks.md; with --smoke benchmarks/target/benchmarks-smoke.md).")
    Path out;

    @Option(names = "--runs", description = "Runs per measure after the warm-up (default: 3; with --smoke 1).")
    Integer runs;

    @Option(names = "--spod-poll-interval", defaultValue = "1000",
            description = "The SPOD connector's poll interval in ms, which bounds leg 2 (default: ${DEFAULT-VALUE}).")
    int spodPollMillis;

    /** A part of the benchmark, to measure one thing again after a change. */
    enum Part { ingest, orchestrator, hub, start }

    @Option(names = "--only", split = ",", description = "Runs only these parts: ${COMPLETION-CANDIDATES} (hub: end to "
            + "end and footprint; start: each service started alone, once per run); default all. The report says which ran.")
    Set<Part> only = EnumSet.allOf(Part.class);

    @Option(names = "--command", hidden = true, description = "The command as typed, for the report.")
    String command;

    private final PrintStream console = System.out;
    /** Where the JFR recordings of the profiled runs go, one directory per part. */
    private Path recordings;
    private final long started = System.nanoTime();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmarks()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        Path data = root.resolve("benchmarks/target/bench-data");
        deleteRecursively(data);
        Files.createDirectories(data);
        recordings = data.resolve("jfr");
        System.setProperty("org.slf4j.simpleLogger.logFile", data.resolve("kafka.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Profile profile = smoke ? Profile.smoke(runs == null ? 1 : runs) : Profile.full(runs == null ? 3 : runs);
        Path report = root.resolve(out != null ? out
                : smoke ? Path.of("benchmarks/target/benchmarks-smoke.md") : Path.of("docs/benchmarks.md"));
        Duration spodPoll = Duration.ofMillis(spodPollMillis);
        Optional<Wrk> wrk = Wrk.find(data.resolve("wrk"));
        if (wrk.isEmpty()) {
            console.println("wrk is not installed; install it with `" + Wrk.INSTALL + "`. The HTTP rows are skipped.");
        }
        Report result = new Report(header(profile));

        Path components = data.resolve("components");
        if (only.contains(Part.ingest) || only.contains(Part.orchestrator)) {
            phase("Ingest and orchestrator (Kafka, PostgreSQL and one service at a time)");
            components(root, components, profile, wrk, result);
        }
        if (only.contains(Part.start)) {
            start(root, data.resolve("start"), profile, result);
        }
        if (only.contains(Part.hub)) {
            hub(root, data, profile, wrk, spodPoll, result);
        }
        for (Path stack : new Path[] {components, data.resolve("start"), data.resolve("hub")}) {
            deleteRecursively(stack.resolve("kafka"));
            deleteRecursively(stack.resolve("postgres"));
        }

        String markdown = result.markdown();
        console.println();
        console.println(markdown);
        result.write(report);
        console.printf("Written to %s after %.0f s; the services' logs are in %s%n",
                root.relativize(report.toAbsolutePath().normalize()), elapsedSeconds(), root.relativize(data));
        return 0;
    }

    /**
     * Ingest's per-source rate limit (1,000 at once, 200 a second by default) would measure itself, not ingest:
     * the benchmarks lift it.
     */
    private static final String RATE_LIMIT_CAPACITY = "hub.ingest.rate-limit.capacity";
    private static final String RATE_LIMIT_REFILL = "hub.ingest.rate-limit.refill-per-second";
    private static final String UNTHROTTLED = "1000000000";

    private void components(Path root, Path components, Profile profile, Optional<Wrk> wrk, Report result)
            throws Exception {
        try (HubStack stack = HubStack.start(settings(root, components,
                Map.of(HubService.INGEST, Map.of("hub.ingest.baseline-endpoint.enabled", "true",
                        RATE_LIMIT_CAPACITY, UNTHROTTLED, RATE_LIMIT_REFILL, UNTHROTTLED))), console)) {
            if (only.contains(Part.ingest)) {
                ingest(stack, components, profile, wrk, result);
            }
            if (only.contains(Part.orchestrator)) {
                orchestrator(stack, profile, result);
            }
        }
    }

    private void ingest(HubStack stack, Path components, Profile profile, Optional<Wrk> wrk, Report result)
            throws Exception {
        stack.start(HubService.INGEST);
        String secret = LocalSecrets.loadOrCreate(components.resolve("secrets.properties")).spressoClientSecret();
        new IngestBenchmark(stack, profile, wrk, secret, recordings.resolve("ingest"), console).run(result.section("Ingest"));
        stack.stop(HubService.INGEST);
    }

    private void orchestrator(HubStack stack, Profile profile, Report result) throws Exception {
        stack.start(HubService.ORCHESTRATOR);
        OrchestratorBenchmark orchestrator = new OrchestratorBenchmark(stack, profile, recordings.resolve("orchestrator"), console);
        Series facts = orchestrator.factsPerSecond();
        stack.stop(HubService.ORCHESTRATOR);
        orchestrator.report(result.section("Orchestrator"), facts, orchestrator.insertCeiling());
    }

    /**
     * Each service started alone, one after the other (sandbox first, so each finds what it calls up), then
     * all stopped; first once untimed, as the first start after a build trains each service's class-data
     * archive, then as many times as there are runs. Time to ready depends on how busy the host is that
     * second; the CPU a start takes much less, so the table shows both.
     */
    private void start(Path root, Path dir, Profile profile, Report result) throws Exception {
        phase("Start: each service alone, " + profile.runs() + " time" + (profile.runs() == 1 ? "" : "s"));
        Map<HubService, Series> ready = new EnumMap<>(HubService.class);
        Map<HubService, Series> cpu = new EnumMap<>(HubService.class);
        try (HubStack stack = HubStack.start(settings(root, dir, Map.of()), console)) {
            // round 0 is not timed: the first start after a build trains each service's archive
            for (int round = 0; round <= profile.runs(); round++) {
                for (HubService service : HubService.values()) {
                    stack.start(service);
                    if (round > 0) {
                        double cpuSeconds = CpuTime.processSeconds(stack.pid(service));
                        double readySeconds = stack.timeToReady(service).toMillis() / 1000.0;
                        cpu.merge(service, Series.of(cpuSeconds), (known, run) -> known.plus(cpuSeconds));
                        ready.merge(service, Series.of(readySeconds), (known, run) -> known.plus(readySeconds));
                    }
                }
                Stream.of(HubService.values()).sorted(Comparator.reverseOrder()).forEach(stack::stop);
            }
        }
        Report.Section section = result.section("Start");
        section.table("service", "ready alone (s)", "spread (min–max)", "CPU time to ready (s)", "spread (min–max)");
        for (HubService service : HubService.values()) {
            section.row(service.serviceName, Report.number(ready.get(service).median()), Report.spread(ready.get(service)),
                    Report.number(cpu.get(service).median()), Report.spread(cpu.get(service)));
        }
        section.note("Target: each service ready < 3 s (the sandbox is a simulator, not a service). Ready: from the "
                + "process start to the first 200 of `/q/health/ready` (on its management port), polled every 50 ms, with Kafka and PostgreSQL "
                + "up and the services started before it running idle. CPU time: user + system of the process "
                + "(/proc/<pid>/stat) right after that answer; a start spreads it over the machine's cores. Each "
                + "service maps the class-data archive its first start after the build trained (one untimed start "
                + "and stop of each comes first), as `./run-local` does from its second start on.");
    }

    private void hub(Path root, Path data, Profile profile, Optional<Wrk> wrk, Duration spodPoll, Report result)
            throws Exception {
        phase("The whole hub: end to end, footprint");
        try (HubStack stack = HubStack.start(settings(root, data.resolve("hub"),
                Map.of(HubService.SPOD_CONNECTOR, Map.of("hub.spod.poll.interval", spodPollMillis + "ms"),
                        HubService.INGEST, Map.of(RATE_LIMIT_CAPACITY, UNTHROTTLED, RATE_LIMIT_REFILL, UNTHROTTLED))), console)) {
            stack.start(EnumSet.allOf(HubService.class));
            Map<HubService, Duration> readyAllAtOnce = new EnumMap<>(HubService.class);
            Map<HubService, Double> idle = new EnumMap<>(HubService.class);
            for (HubService service : HubService.values()) {
                readyAllAtOnce.put(service, stack.timeToReady(service));
                idle.put(service, ResidentMemory.megabytes(stack.pid(service)));
            }
            Map<HubService, Series> underLoad = Map.of();
            if (wrk.isPresent()) {
                EndToEndBenchmark endToEnd = new EndToEndBenchmark(stack, profile, wrk.get(), spodPoll,
                        recordings.resolve("end-to-end"), console);
                try {
                    EndToEndBenchmark.FixedRate fixed = endToEnd.fixedRate();
                    List<EndToEndBenchmark.Step> steps = endToEnd.sustainedRate();
                    endToEnd.profile();
                    endToEnd.report(result.section("End to end"), fixed, steps);
                    underLoad = fixed.memoryUnderLoad;
                } catch (IOException | RuntimeException failure) {
                    // a service that dies under load is a finding, not a reason to lose the report
                    String exited = exited(stack);
                    console.println("  the end-to-end runs stopped: " + (exited.isEmpty() ? failure : exited));
                    result.section("End to end").note("The end-to-end runs stopped: " + (exited.isEmpty()
                            ? failure.toString() : exited) + ". The services' logs are in benchmarks/target/bench-data.");
                }
            }
            footprint(result.section("Footprint"), idle, underLoad, readyAllAtOnce);
        }
    }

    /** The services whose process is gone, each with the last line of its log (e.g. an OutOfMemoryError). */
    private static String exited(HubStack stack) {
        StringBuilder text = new StringBuilder();
        for (HubService service : HubService.values()) {
            boolean alive = ProcessHandle.of(stack.pid(service)).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                String last = "";
                try (Stream<String> lines = Files.lines(stack.log(service))) {
                    last = lines.reduce((a, b) -> b).orElse("");
                } catch (IOException | RuntimeException unreadable) {
                    last = "its log could not be read";
                }
                text.append(text.isEmpty() ? "" : "; ").append(service.serviceName).append(" exited (").append(last.strip())
                        .append(')');
            }
        }
        return text.toString();
    }

    private void phase(String name) {
        console.printf("== %s (at %.0f s)%n", name, elapsedSeconds());
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private String header(Profile profile) {
        String invoked = command != null ? command : "./run-benchmarks" + (smoke ? " --smoke" : "")
                + (only.size() < Part.values().length ? " --only " + String.join(",", only.stream().map(Enum::name).toList()) : "");
        return "# Benchmarks\n\n"
                + "Measured " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + " with `" + invoked + "` (see [benchmarks/README.md](../benchmarks/README.md)).\n\n"
                + "Machine: " + Machine.describe() + ".\n\n"
                + profile.describe() + ". Everything runs on this one machine: Kafka (KRaft) and PostgreSQL "
                + "in the benchmark's JVM, each service in its own JVM, and the load generators beside them, so "
                + "they all share the same cores. Median and spread are over the runs; a ceiling is measured in the "
                + "same run on the same broker or database.\n";
    }

    private static void footprint(Report.Section section, Map<HubService, Double> idle, Map<HubService, Series> underLoad,
            Map<HubService, Duration> readyAllAtOnce) {
        section.table("service", "RSS idle (MB)", "RSS after end-to-end load (MB)", "ready, all at once (s)");
        for (HubService service : HubService.values()) {
            Series loaded = underLoad.get(service);
            section.row(service.serviceName, Report.number(idle.get(service)),
                    loaded == null ? "—" : Report.number(loaded.median()),
                    Report.number(readyAllAtOnce.get(service).toMillis() / 1000.0));
        }
        section.note("Target: each service < 300 MB RSS (the sandbox is a simulator, not a service). RSS is VmRSS of "
                + "/proc/<pid>/status: idle right after the whole hub is ready, and right after each end-to-end run's "
                + "load (median of the runs). Ready, all at once: the six started together, as `./run-local` does, "
                + "so they share the cores (the Start section has each alone).");
    }

    private static StackSettings settings(Path root, Path data, Map<HubService, Map<String, String>> extraConfig) {
        Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
        Map<HubService, Integer> managementPorts = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            ports.put(service, FreePort.find());
            if (service.hasManagementInterface()) {
                managementPorts.put(service, FreePort.find()); // readiness is asked there
            }
        }
        // a service that dies (out of memory under overload) must end the run and be reported, not be restarted
        return new StackSettings(root, data, FreePort.find(), FreePort.find(), FreePort.find(), ports, extraConfig,
                Duration.ofMinutes(3), Set.of()).withRestartPolicy(RestartPolicy.NEVER).withManagementPorts(managementPorts);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
