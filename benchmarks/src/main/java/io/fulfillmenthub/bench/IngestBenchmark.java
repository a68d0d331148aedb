package io.fulfillmenthub.bench;

import io.fulfillmenthub.contracts.Topics;
import io.fulfillmenthub.infra.EmbeddedKafka;
import io.fulfillmenthub.localstack.HubService;
import io.fulfillmenthub.localstack.HubStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ingest: signed Spresso webhooks per second accepted with the broker's ack, and latency at half that
 * rate; beside them, in the same run, the ceilings: the bare endpoint on the same HTTP stack, and
 * Kafka's own producer performance tool with acks=all on the same broker.
 */
final class IngestBenchmark {

    static final String PERF_TOPIC = "bench.producer-performance";

    private final HubStack stack;
    private final Profile profile;
    private final Optional<Wrk> wrk;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Path recordings;

    IngestBenchmark(HubStack stack, Profile profile, Optional<Wrk> wrk, String spressoSecret, Path recordings,
            PrintStream out) {
        this.stack = stack;
        this.recordings = recordings;
        this.profile = profile;
        this.wrk = wrk;
        this.environment = Map.of("HUB_BENCH_SPRESSO_SECRET", spressoSecret);
        this.out = out;
    }

    void run(Report.Section section) throws IOException, InterruptedException {
        Series producer = Series.of();
        Series producerP50 = Series.of();
        Series producerP99 = Series.of();
        EmbeddedKafka.createTopics(stack.kafkaBootstrapServers(), List.of(new Topics.TopicSpec(PERF_TOPIC, inboundPartitions())));
        ProducerPerformance.Result warmUp = ProducerPerformance.run(stack.kafkaBootstrapServers(), PERF_TOPIC,
                profile.producerWarmUpRecords());
        int records = (int) Math.max(10_000, Math.min(5_000_000,
                warmUp.recordsPerSecond() * profile.producerRun().toSeconds()));
        for (int run = 1; run <= profile.runs(); run++) {
            ProducerPerformance.Result result = ProducerPerformance.run(stack.kafkaBootstrapServers(), PERF_TOPIC, records);
            out.printf("  producer performance run %d: %.0f records/s, p50 %.0f ms, p99 %.0f ms%n", run,
                    result.recordsPerSecond(), result.p50Ms(), result.p99Ms());
            producer = producer.plus(result.recordsPerSecond());
            producerP50 = producerP50.plus(result.p50Ms());
            producerP99 = producerP99.plus(result.p99Ms());
        }
        if (wrk.isEmpty()) {
            section.measure("Kafka ProducerPerformance, 1 KB, acks=all (records/s)", producer, null, "")
                    .note("wrk is not installed (`" + Wrk.INSTALL + "`): the HTTP rows were skipped.");
            return;
        }
        String base = stack.url(HubService.INGEST);
        Closed bare = closedLoop("bare endpoint", base + "/_baseline/read-body");
        Closed ingest = closedLoop("ingest", base + "/webhooks/spresso");
        double halfRate = ingest.rate().median() / 2;
        Series held = Series.of();
        Series p50 = Series.of();
        Series p99 = Series.of();
        long errors = 0;
        for (int run = 1; run <= profile.runs(); run++) {
            WrkResult result = load(base + "/webhooks/spresso", profile.run(), halfRate);
            out.printf("  ingest at %.0f req/s, run %d: held %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", halfRate,
                    run, result.rate(), result.p50Ms(), result.p99Ms(), result.errors());
            held = held.plus(result.rate());
            p50 = p50.plus(result.p50Ms());
            p99 = p99.plus(result.p99Ms());
            errors += result.errors();
        }
        // last: JFR instruments classes when it starts, and the JIT recompiles what that deoptimized
        JfrProfiles jfr = JfrProfiles.startOrExplain(Map.of("ingest-service", stack.pid(HubService.INGEST)), recordings);
        WrkResult profiledRun = load(base + "/webhooks/spresso", profile.run(), 0);
        List<JfrProfiles.Summary> profiles = jfr.stop();
        out.printf("  ingest, one more closed-loop run with JFR (not counted): %.0f req/s%n", profiledRun.rate());
        section.measure("signed webhooks accepted, acks=all (req/s)", ingest.rate(), bare.rate(), "≥ 60% of the bare endpoint")
                .measure("bare endpoint: reads the body and answers (req/s)", bare.rate(), null, "ceiling")
                .measure("Kafka ProducerPerformance, 1 KB, acks=all (records/s)", producer, null, "ceiling")
                .measure("ingest rate held at 50% load (req/s)", held, null, "")
                .measure("ingest p50 at 50% load (ms)", p50, null, "")
                .measure("ingest p99 at 50% load (ms)", p99, null, "< 10 ms")
                .measure("ProducerPerformance p50 (ms)", producerP50, null, "")
                .measure("ProducerPerformance p99 (ms)", producerP99, null, "")
                .note(String.format("wrk, 2 threads, %d connections (closed loop) for the rates; at 50%% load "
                        + "(%.0f req/s) each thread holds its share on an absolute schedule. Each webhook is about 1 KB, "
                        + "signed, with its own eventId and order id. Non-2xx answers or socket errors: ingest %d, "
                        + "bare %d, at 50%% load %d. ProducerPerformance: %,d records of %d bytes per run to `%s` "
                        + "(%d partitions, like `%s`), as fast as it goes, so its latencies include the time records "
                        + "queue in the producer's buffer: they are not comparable with ingest's at half load.", profile.connections(), halfRate, ingest.errors(), bare.errors(),
                        errors, records, ProducerPerformance.RECORD_BYTES, PERF_TOPIC,
                        inboundPartitions(), Topics.INBOUND))
                .note(String.format("Where the time goes in the closed loops (from /proc, of %d cores): ingest: %s. "
                        + "Bare endpoint: %s.", Runtime.getRuntime().availableProcessors(), ingest.cpu().describe("request"),
                        bare.cpu().describe("request")));
        JfrProfiles.report(section, profiles);
        section.note("Profiled: one more closed-loop run of ingest after all the measured ones, not counted in them.");
    }

    /** Rates of one endpoint in a closed loop: a warm-up, then the runs. */
    private Closed closedLoop(String name, String url) throws IOException, InterruptedException {
        load(url, profile.warmUp(), 0);
        Series rates = Series.of();
        long errors = 0;
        CpuTime cpu = new CpuTime().process("ingest-service", stack.pid(HubService.INGEST))
                .process("Kafka and the benchmark", ProcessHandle.current().pid()).endedChildren("wrk", ProcessHandle.current().pid());
        CpuTime.Tally tally = new CpuTime.Tally();
        for (int run = 1; run <= profile.runs(); run++) {
            CpuTime.Reading before = cpu.read();
            WrkResult result = load(url, profile.run(), 0);
            tally.add(before, cpu.read(), result.requests());
            out.printf("  %s run %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n", name, run, result.rate(),
                    result.p50Ms(), result.p99Ms(), result.errors());
            rates = rates.plus(result.rate());
            errors += result.errors();
        }
        return new Closed(rates, errors, tally);
    }

    private WrkResult load(String url, Duration duration, double rate) throws IOException, InterruptedException {
        return wrk.orElseThrow().run("spresso-webhook.lua", url, profile.connections(), duration, rate, environment);
    }

    private static int inboundPartitions() {
        return Topics.ALL.stream().filter(topic -> topic.name().equals(Topics.INBOUND)).findFirst().orElseThrow()
                .partitions();
    }

    private record Closed(Series rate, long errors, CpuTime.Tally cpu) {}
}
