package io.fulfillmenthub.bench;

import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end, on the whole hub: orders arrive at a fixed rate through the sandbox (which sends the
 * signed webhook to ingest), and two legs are timed by the sandbox's one clock: from the webhook
 * accepted to the SPOD order received, and from SPOD reporting {@code sent} to Spresso receiving
 * {@code in_transit}. Then the highest arrival rate whose first leg stays under 250 ms at p99.
 */
final class EndToEndBenchmark {

    static final double SUSTAINED_P99_MS = 250;
    private static final Duration POLL = Duration.ofMillis(250);

    private final HubStack stack;
    private final Profile profile;
    private final Wrk wrk;
    private final Duration spodPollInterval;
    private final SandboxControl sandbox;
    private final PrintStream out;
    /** Whether the previous run ended with every order through; only then may the sandbox forget them. */
    private boolean settled = true;
    /** How long the rate search waited for the hub to be idle, and whether it was; null before it ran. */
    private Duration idleAfter;
    private boolean idleBeforeSearch;

    private CpuTime cpu;
    /** Over the fixed-rate runs, not the warm-up or the profiled run. */
    private final CpuTime.Tally cpuOfArrivals = new CpuTime.Tally();

    private final Path recordings;
    /** The JFR summaries of {@link #profile}'s run, one per process of the hub. */
    private List<JfrProfiles.Summary> profiled = List.of();

    EndToEndBenchmark(HubStack stack, Profile profile, Wrk wrk, Duration spodPollInterval, Path recordings,
            PrintStream out) {
        this.stack = stack;
        this.recordings = recordings;
        this.profile = profile;
        this.wrk = wrk;
        this.spodPollInterval = spodPollInterval;
        this.sandbox = new SandboxControl(stack.url(HubService.SANDBOX));
        this.out = out;
    }

    /** CPU of every process of the hub while orders arrive; the processes are known once the hub runs. */
    private CpuTime cpu() {
        if (cpu == null) {
            cpu = new CpuTime();
            services().forEach(cpu::process);
            try {
                cpu.postgres("PostgreSQL", stack.postgresJdbcUrl("orchestrator"));
            } catch (java.sql.SQLException | IOException unreadable) {
                out.println("  PostgreSQL's processes not found, its CPU is not counted: " + unreadable.getMessage());
            }
            cpu.process("Kafka and the benchmark", ProcessHandle.current().pid())
                    .endedChildren("wrk", ProcessHandle.current().pid());
        }
        return cpu;
    }

    /** A warm-up, then the runs at the profile's rate; the memory of each service is read right after each run's load. */
    FixedRate fixedRate() throws IOException, InterruptedException {
        double rate = profile.endToEndRate();
        run(rate, profile.warmUp(), new CpuTime.Tally());
        FixedRate result = new FixedRate();
        for (int run = 1; run <= profile.runs(); run++) {
            Run measured = run(rate, profile.endToEndRun(), cpuOfArrivals);
            out.printf("  end to end at %.0f orders/s, run %d: held %.0f/s (%d errors); leg 1 %s; leg 2 %s%n", rate, run,
                    measured.placed().rate(), measured.placed().errors(), measured.leg1(), measured.leg2());
            result.add(measured);
        }
        return result;
    }

    /**
     * One more run at the profile's rate with every JVM profiled by JFR, not counted; last, after the rate
     * search, as JFR instruments classes when it starts and the JIT recompiles what that deoptimized.
     */
    void profile() throws IOException, InterruptedException {
        JfrProfiles jfr = JfrProfiles.startOrExplain(services(), recordings);
        Run extra = run(profile.endToEndRate(), profile.endToEndRun(), new CpuTime.Tally());
        profiled = jfr.stop();
        out.printf("  end to end, one more run with JFR (not counted): leg 1 %s%n", extra.leg1());
    }

    /** Steps the arrival rate up until leg 1's p99 reaches 250 ms or the rate is not held; no leg 2. */
    List<Step> sustainedRate() throws IOException, InterruptedException {
        awaitIdle();
        List<Step> steps = new ArrayList<>();
        for (int rate : profile.searchRates()) {
            long since = start();
            WrkResult placed = place(rate, profile.searchStep());
            Leg leg1 = awaitLeg1(placed, since);
            settled = leg1.missing() == 0;
            boolean held = placed.rate() >= 0.95 * rate && placed.errors() == 0 && leg1.missing() == 0;
            Step step = new Step(rate, placed.rate(), leg1.latencies(), held && leg1.latencies().p99Ms() < SUSTAINED_P99_MS);
            out.printf("  sustained %d orders/s for %d s: held %.0f/s, leg 1 %s, %d missing -> %s%n", rate,
                    profile.searchStep().toSeconds(), placed.rate(), leg1.latencies(), leg1.missing(),
                    step.sustained() ? "ok" : "not sustained");
            steps.add(step);
            if (!step.sustained()) {
                break;
            }
        }
        return steps;
    }

    /**
     * Waits (up to three drain timeouts) until every order the sandbox holds has both legs, so the rate
     * search starts from an idle hub: the fixed-rate runs overload it, and their late orders would
     * otherwise load the search's first steps and decide its result.
     */
    private void awaitIdle() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + profile.drainTimeout().multipliedBy(3).toNanos();
        int pending;
        do {
            pending = pendingOrders();
        } while (pending > 0 && pause(deadline));
        idleBeforeSearch = pending == 0;
        settled = idleBeforeSearch;
        idleAfter = Duration.ofNanos(System.nanoTime() - start);
        out.printf("  before the rate search: %s after %d s%n", idleBeforeSearch ? "hub idle" : pending + " orders still under way",
                idleAfter.toSeconds());
    }

    /** Orders accepted that have not reached SPOD, and SPOD orders sent that Spresso has not seen in transit. */
    private int pendingOrders() throws IOException, InterruptedException {
        Set<String> reachedSpod = new HashSet<>();
        sandbox.timings(SandboxControl.SPOD_ORDER_RECEIVED).keySet().forEach(order -> reachedSpod.add(HubIds.sourceOrderId(order)));
        Map<String, Long> inTransit = sandbox.timings(SandboxControl.SPRESSO_IN_TRANSIT);
        long leg1 = sandbox.timings(SandboxControl.WEBHOOK_ACCEPTED).keySet().stream()
                .filter(order -> !reachedSpod.contains(order)).count();
        long leg2 = sandbox.timings(SandboxControl.SPOD_ORDER_SENT).keySet().stream()
                .filter(order -> !inTransit.containsKey(HubIds.sourceFulfillmentId(order))).count();
        return Math.toIntExact(leg1 + leg2);
    }

    /** Where the time goes while the fixed-rate runs' orders arrive (warm-up left out). */
    String cpuNote() {
        return String.format("Where the time goes while the runs' orders arrive (from /proc, of %d cores): %s.",
                Runtime.getRuntime().availableProcessors(), cpuOfArrivals.describe("order"));
    }

    void report(Report.Section section, FixedRate fixed, List<Step> steps) {
        double rate = profile.endToEndRate();
        section.measure(String.format("arrival rate held (orders/s, asked %.0f)", rate), fixed.held, null, "")
                .measure("leg 1: webhook accepted → SPOD order received, p50 (ms)", fixed.leg1P50, null, "")
                .measure("leg 1: p99 (ms)", fixed.leg1P99, null, rate >= 500 ? "< 100 ms at 500 orders/s" : "")
                .measure("leg 1: max (ms)", fixed.leg1Max, null, "")
                .measure("leg 2: SPOD sent → Spresso in_transit, p50 (ms)", fixed.leg2P50, null, "")
                .measure("leg 2: p99 (ms)", fixed.leg2P99, null, "")
                .measure("leg 2: max (ms)", fixed.leg2Max, null, "");
        if (!steps.isEmpty()) {
            String name = String.format("highest arrival rate sustained for %d s with leg-1 p99 < %.0f ms (orders/s)",
                    profile.searchStep().toSeconds(), SUSTAINED_P99_MS);
            steps.stream().filter(Step::sustained).mapToInt(Step::rate).max().ifPresentOrElse(
                    sustained -> section.measure(name, Series.of(sustained), null, ""),
                    () -> section.row(name, "below " + steps.get(0).rate(), "—", "", "", ""));
            section.table("asked (orders/s)", "held (orders/s)", "leg 1 p50 (ms)", "leg 1 p99 (ms)", "sustained");
            for (Step step : steps) {
                section.row(String.valueOf(step.rate()), Report.number(step.held()), Report.number(step.leg1().p50Ms()),
                        Report.number(step.leg1().p99Ms()), step.sustained() ? "yes" : "no");
            }
            if (idleAfter != null) {
                section.note(idleBeforeSearch
                        ? String.format("The search started once the fixed-rate runs' late orders were through (%d s later), "
                                + "from an idle hub.", idleAfter.toSeconds())
                        : String.format("The search started with the fixed-rate runs' late orders still under way after "
                                + "waiting %d s: its first steps carry their load.", idleAfter.toSeconds()));
            }
        }
        section.note(String.format("Orders are placed through the sandbox's control API (`POST /_sandbox/spresso/orders`, "
                + "one order = one fulfillment of two SPOD-printed lines, already past its grace period) by wrk at a fixed "
                + "arrival rate (%d connections); the sandbox sends the signed webhook to ingest before it answers. "
                + "Leg 2: each SPOD order is moved to `sent` through the control API at the same rate by a Java HttpClient. "
                + "SPOD documents no webhooks, so the hub finds `sent` by polling SPOD every %s "
                + "(`hub.spod.poll.interval`): leg 2 is bounded below by that interval. Times come from the sandbox's "
                + "clock (`GET /_sandbox/timings`); percentiles by nearest rank over every order of a run. Orders "
                + "missing a leg at the end of a run (leg 1, leg 2, after waiting up to %d s): %d, %d; a run's late "
                + "orders still load the next one (the sandbox forgets orders between runs only when none is "
                + "left).", profile.connections(),
                spodPollInterval.toMillis() + " ms", profile.drainTimeout().toSeconds(), fixed.missing1, fixed.missing2))
                .note(cpuNote());
        JfrProfiles.report(section, profiled);
        section.note(String.format("Profiled: one more run at %.0f orders/s after the rate search, not counted, from its "
                + "first order to its last leg-2 answer.", rate));
    }

    /** Every process of the hub by its service name, in start order. */
    private Map<String, Long> services() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (HubService service : HubService.values()) {
            pids.put(service.serviceName, stack.pid(service));
        }
        return pids;
    }

    /** @param cpuOfArrivals where the CPU used while the run's orders arrive is added */
    private Run run(double rate, Duration duration, CpuTime.Tally cpuOfArrivals) throws IOException, InterruptedException {
        long since = start();
        CpuTime.Reading before = cpu().read();
        WrkResult placed = place(rate, duration);
        cpuOfArrivals.add(before, cpu().read(), placed.requests());
        Map<HubService, Double> memory = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            memory.put(service, ResidentMemory.megabytes(stack.pid(service)));
        }
        Leg leg1 = awaitLeg1(placed, since);
        Leg leg2 = shipAndAwaitLeg2(rate, leg1.orders());
        settled = leg1.missing() == 0 && leg2.missing() == 0;
        return new Run(placed, leg1.latencies(), leg1.missing(), leg2.latencies(), leg2.missing(), memory);
    }

    /**
     * Resets the sandbox when the previous run is wholly through (a reset under a late order would make
     * the hub's calls for it fail), and answers the run's start in microseconds since the epoch: orders
     * accepted from then on are this run's.
     */
    private long start() throws IOException, InterruptedException {
        if (settled) {
            sandbox.reset();
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private WrkResult place(double rate, Duration duration) throws IOException, InterruptedException {
        return wrk.run("place-order.lua", sandbox.placeOrderUrl(), profile.connections(), duration, rate, Map.of());
    }

    /**
     * Waits (up to a deadline) until at least the orders wrk saw placed were accepted, the orders still
     * being placed when wrk stopped have come in (the count held for one poll), and every accepted order
     * reached SPOD; then times leg 1.
     */
    private Leg awaitLeg1(WrkResult placed, long since) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + profile.drainTimeout().toNanos();
        long expected = placed.requests() - placed.errors();
        Map<String, Long> accepted = Map.of();
        Map<String, Long> received;
        int before;
        do {
            before = accepted.size();
            accepted = new HashMap<>(sandbox.timings(SandboxControl.WEBHOOK_ACCEPTED));
            accepted.values().removeIf(at -> at < since);
            Set<String> thisRun = accepted.keySet();
            received = new HashMap<>(sandbox.timings(SandboxControl.SPOD_ORDER_RECEIVED));
            received.keySet().removeIf(order -> !thisRun.contains(HubIds.sourceOrderId(order)));
        } while ((accepted.size() < expected || accepted.size() != before || received.size() < accepted.size())
                && pause(deadline));
        List<Long> micros = new ArrayList<>();
        for (Map.Entry<String, Long> order : received.entrySet()) {
            micros.add(order.getValue() - accepted.get(HubIds.sourceOrderId(order.getKey())));
        }
        return new Leg(Latencies.ofMicros(micros), accepted.size() - micros.size(), List.copyOf(received.keySet()));
    }

    /** Moves every SPOD order to sent at the arrival rate, waits for Spresso's in_transit (or a deadline), times leg 2. */
    private Leg shipAndAwaitLeg2(double rate, List<String> orders) throws IOException, InterruptedException {
        List<CompletableFuture<HttpResponse<Void>>> advanced = new ArrayList<>();
        long start = System.nanoTime();
        double intervalNanos = 1e9 / rate;
        for (int i = 0; i < orders.size(); i++) {
            long due = start + (long) (i * intervalNanos);
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now); // paces the next arrival; nothing to wait for
            }
            advanced.add(sandbox.advanceToSent(orders.get(i)));
        }
        long refused = advanced.stream().map(CompletableFuture::join).filter(response -> response.statusCode() != 200).count();
        if (refused > 0) {
            out.printf("  %d SPOD orders could not be moved to sent%n", refused);
        }
        long deadline = System.nanoTime() + profile.drainTimeout().plus(spodPollInterval.multipliedBy(5)).toNanos();
        Map<String, Long> sent;
        Map<String, Long> inTransit;
        Set<String> ours = new HashSet<>(orders);
        List<Long> micros;
        do {
            sent = new HashMap<>(sandbox.timings(SandboxControl.SPOD_ORDER_SENT));
            sent.keySet().retainAll(ours);
            inTransit = sandbox.timings(SandboxControl.SPRESSO_IN_TRANSIT);
            micros = new ArrayList<>();
            for (Map.Entry<String, Long> order : sent.entrySet()) {
                Long at = inTransit.get(HubIds.sourceFulfillmentId(order.getKey()));
                if (at != null) {
                    micros.add(at - order.getValue());
                }
            }
        } while (micros.size() < sent.size() && pause(deadline));
        return new Leg(Latencies.ofMicros(micros), sent.size() - micros.size(), orders);
    }

    /** Waits one poll interval; false once the deadline has passed. */
    private static boolean pause(long deadline) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            return false;
        }
        Thread.sleep(POLL.toMillis()); // between two polls of the sandbox's timings
        return true;
    }

    /** One leg's latencies, how many orders of the run it missed, and the run's SPOD orders. */
    private record Leg(Latencies latencies, int missing, List<String> orders) {}

    private record Run(WrkResult placed, Latencies leg1, int missing1, Latencies leg2, int missing2,
            Map<HubService, Double> memory) {}

    record Step(int rate, double held, Latencies leg1, boolean sustained) {}

    /** The runs at the fixed rate, measure by measure. */
    static final class FixedRate {
        Series held = Series.of();
        Series leg1P50 = Series.of();
        Series leg1P99 = Series.of();
        Series leg1Max = Series.of();
        Series leg2P50 = Series.of();
        Series leg2P99 = Series.of();
        Series leg2Max = Series.of();
        int missing1;
        int missing2;
        final Map<HubService, Series> memoryUnderLoad = new EnumMap<>(HubService.class);

        private void add(Run run) {
            held = held.plus(run.placed().rate());
            leg1P50 = leg1P50.plus(run.leg1().p50Ms());
            leg1P99 = leg1P99.plus(run.leg1().p99Ms());
            leg1Max = leg1Max.plus(run.leg1().maxMs());
            leg2P50 = leg2P50.plus(run.leg2().p50Ms());
            leg2P99 = leg2P99.plus(run.leg2().p99Ms());
            leg2Max = leg2Max.plus(run.leg2().maxMs());
            missing1 += run.missing1();
            missing2 += run.missing2();
            run.memory().forEach((service, megabytes) ->
                    memoryUnderLoad.merge(service, Series.of(megabytes), (a, b) -> a.plus(megabytes)));
        }
    }
}
