package io.fulfillmenthub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer performance tool ({@code org.apache.kafka.tools.ProducerPerformance}), run as a
 * separate java process against the stack's broker: what one producer with acks=all and idempotence
 * gets from this broker, the ceiling for ingest's publishing.
 */
final class ProducerPerformance {

    static final String TOOL = "org.apache.kafka.tools.ProducerPerformance";
    static final int RECORD_BYTES = 1024;

    /** Its final line, e.g. {@code 100000 records sent, 48123.4 records/sec (46.99 MB/sec), 12.31 ms avg latency, ...}. */
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\([\\d.]+ MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    record Result(long records, double recordsPerSecond, double avgMs, double p50Ms, double p99Ms) {}

    private ProducerPerformance() {
    }

    static Result run(String bootstrapServers, String topic, int records) throws IOException, InterruptedException {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-Duser.language=en", "-Duser.country=US",
                "-cp", System.getProperty("java.class.path"), TOOL,
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(RECORD_BYTES),
                "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(TOOL + " exited with " + process.exitValue() + ":\n" + output);
        }
        return parse(output);
    }

    static Result parse(String output) {
        Matcher summary = SUMMARY.matcher(output);
        Result last = null;
        while (summary.find()) {
            last = new Result(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
                    Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(5)),
                    Double.parseDouble(summary.group(7)));
        }
        if (last == null) {
            throw new IllegalStateException(TOOL + " printed no final summary; its output was:\n" + output);
        }
        return last;
    }
}
