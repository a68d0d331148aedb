package io.fulfillmenthub.bench;

import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Orchestrator: order-placed facts per second taken to "commands published" (inbox, state, timeline
 * and outbox in the durable PostgreSQL), beside that database's ceiling for durable single-row insert
 * transactions from 8 connections, in the same run. Expects the orchestrator to be running; stops
 * nothing.
 */
final class OrchestratorBenchmark {

    private final HubStack stack;
    private final Profile profile;
    private final PrintStream out;
    private int runCounter;
    private int factsPerRun;
    private int incomplete;
    /** Over the runs, not the warm-ups. */
    private final CpuTime.Tally cpuOfRuns = new CpuTime.Tally();
    private final CpuTime.Tally cpuOfCeiling = new CpuTime.Tally();

    private final Path recordings;
    /** The JFR summary of the last run. */
    private List<JfrProfiles.Summary> profiled = List.of();

    OrchestratorBenchmark(HubStack stack, Profile profile, Path recordings, PrintStream out) {
        this.stack = stack;
        this.recordings = recordings;
        this.profile = profile;
        this.out = out;
    }

    /**
     * Facts per second, each run with fresh order ids: a short warm-up, a second one sized from its rate to
     * last half a run (the JIT is still climbing after the first), then runs sized from the second's rate to
     * last about the profile's time, so a slow orchestrator does not make the benchmark endless.
     */
    Series factsPerSecond() throws SQLException, IOException, InterruptedException {
        CpuTime cpu = new CpuTime().process("orchestrator", stack.pid(HubService.ORCHESTRATOR))
                .postgres("PostgreSQL", stack.postgresJdbcUrl("orchestrator"))
                .process("Kafka and the benchmark", ProcessHandle.current().pid());
        FactsRun warmUp = factsRun(profile.orchestratorWarmUpFacts());
        warmUp = factsRun(sized(warmUp, profile.orchestratorRun().dividedBy(2)));
        out.printf("  orchestrator warm-up: %.0f facts/s%n", warmUp.perSecond());
        factsPerRun = sized(warmUp, profile.orchestratorRun());
        Series rates = Series.of();
        for (int run = 1; run <= profile.runs(); run++) {
            CpuTime.Reading before = cpu.read();
            FactsRun result = factsRun(factsPerRun);
            cpuOfRuns.add(before, cpu.read(), result.commands());
            out.printf("  orchestrator run %d: %d facts, %d commands, %.0f facts/s%n", run, result.facts(),
                    result.commands(), result.perSecond());
            incomplete += result.facts() - result.commands();
            rates = rates.plus(result.perSecond());
        }
        JfrProfiles jfr = JfrProfiles.startOrExplain(Map.of("orchestrator-service", stack.pid(HubService.ORCHESTRATOR)),
                recordings);
        FactsRun result = factsRun(factsPerRun);
        profiled = jfr.stop();
        out.printf("  orchestrator, one more run with JFR (not counted): %.0f facts/s%n", result.perSecond());
        return rates;
    }

    private static int sized(FactsRun rate, Duration lasting) {
        return (int) Math.max(50, Math.min(500_000, rate.perSecond() * lasting.toMillis() / 1000.0));
    }

    /** The ceiling: durable single-row insert transactions per second from 8 connections, a warm-up first. */
    Series insertCeiling() throws SQLException, IOException, InterruptedException, ExecutionException {
        stack.createDatabase(DurableInsertCeiling.DATABASE);
        try (DurableInsertCeiling ceiling = new DurableInsertCeiling(stack.postgresJdbcUrl(DurableInsertCeiling.DATABASE))) {
            ceiling.measure(Duration.ofSeconds(1));
            CpuTime cpu = new CpuTime().postgres("PostgreSQL", stack.postgresJdbcUrl(DurableInsertCeiling.DATABASE))
                    .process("the benchmark (8 JDBC clients)", ProcessHandle.current().pid());
            Series rates = Series.of();
            for (int run = 1; run <= profile.runs(); run++) {
                CpuTime.Reading before = cpu.read();
                double rate = ceiling.measure(profile.insertRun());
                cpuOfCeiling.add(before, cpu.read(), Math.round(rate * profile.insertRun().toMillis() / 1000.0));
                out.printf("  durable insert ceiling run %d: %.0f tx/s%n", run, rate);
                rates = rates.plus(rate);
            }
            return rates;
        }
    }

    void report(Report.Section section, Series facts, Series ceiling) {
        section.measure("order-placed facts to SubmitPrintOrder published (facts/s)", facts, ceiling,
                        "≥ the durable insert ceiling")
                .measure("PostgreSQL durable single-row inserts, 8 connections (tx/s)", ceiling, null, "ceiling")
                .note(String.format("PostgreSQL 17 (embedded), fsync=%s, synchronous_commit=%s, full_page_writes=%s. "
                        + "Each run publishes %,d `OrderPlaced` facts (Spresso, paid, fulfillable at the source, "
                        + "one SPOD fulfillment of two lines) with a fast producer to `fulfillment.facts.v1`, with only "
                        + "the orchestrator running, and counts distinct `SubmitPrintOrder` commands read from "
                        + "`fulfillment.commands.spod.v1`; facts/s = commands read / (last command read − first fact sent). "
                        + "The ceiling: 8 JDBC connections in autocommit, each inserting one row per transaction "
                        + "for %d s. Commands not seen before a run's deadline: %d.", stack.postgresSetting("fsync"),
                        stack.postgresSetting("synchronous_commit"), stack.postgresSetting("full_page_writes"), factsPerRun,
                        profile.insertRun().toSeconds(), incomplete))
                .note(String.format("Where the time goes, during the runs (from /proc, of %d cores): %s. "
                        + "During the ceiling's runs: %s. One `OrderPlaced` is about twelve row writes (inbox, order, "
                        + "two lines, fulfillment, two fulfillment lines, timeline, three outbox rows), their index "
                        + "entries, three outbox deletes once published, a consume and three publishes; the ceiling is "
                        + "one row and a commit. Compare PostgreSQL's CPU per fact with its CPU per ceiling transaction: "
                        + "once batching makes commits cheap, the facts/s that fit on these cores are bounded by the "
                        + "CPU a fact costs across the orchestrator, PostgreSQL and Kafka.",
                        Runtime.getRuntime().availableProcessors(), cpuOfRuns.describe("fact"),
                        cpuOfCeiling.describe("transaction")));
        JfrProfiles.report(section, profiled);
        section.note("Profiled: one more run after the measured ones, not counted in them. PostgreSQL's share is in "
                + "the CPU figures above; JFR sees only the JVM.");
    }

    private FactsRun factsRun(int facts) {
        String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-" + (++runCounter) + "-";
        try (SubmittedPrintOrders commands = new SubmittedPrintOrders(stack.kafkaBootstrapServers());
                OrderPlacedFacts producer = new OrderPlacedFacts(stack.kafkaBootstrapServers())) {
            long start = System.nanoTime();
            for (int i = 0; i < facts; i++) {
                producer.send(prefix + i);
            }
            producer.flush();
            Duration timeout = Duration.ofSeconds(60).plus(profile.orchestratorRun().multipliedBy(3));
            int seen = commands.await("spresso:" + prefix, facts, timeout);
            return new FactsRun(facts, seen, seen == 0 ? 0 : seen / ((commands.lastNanos() - start) / 1e9));
        }
    }

    private record FactsRun(int facts, int commands, double perSecond) {}
}
