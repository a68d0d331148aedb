package io.fulfillmenthub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * wrk, the HTTP load generator from the OS packages, run with the Lua scripts in {@code resources/wrk}
 * (each preceded by {@code common.lua}: signing, pacing, the machine-readable summary). A closed loop
 * when no rate is given; otherwise each thread holds its share of the rate on an absolute schedule.
 */
final class Wrk {

    static final String INSTALL = "apt-get install wrk";
    private static final int THREADS = 2;
    private static final AtomicLong RUNS = new AtomicLong();

    private final Path executable;
    private final Path scripts;

    private Wrk(Path executable, Path scripts) {
        this.executable = executable;
        this.scripts = scripts;
    }

    /** wrk from the PATH, or empty when it is not installed. */
    static Optional<Wrk> find(Path scratch) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Wrk(candidate, scratch));
            }
        }
        return Optional.empty();
    }

    /**
     * @param script a script of {@code resources/wrk}, e.g. {@code spresso-webhook.lua}
     * @param rate requests per second in all, 0 for a closed loop
     * @param environment what the script reads from the environment (secrets never go on the command line)
     */
    WrkResult run(String script, String url, int connections, Duration duration, double rate,
            Map<String, String> environment) throws IOException, InterruptedException {
        String tag = Long.toString(System.currentTimeMillis(), 36) + RUNS.incrementAndGet();
        List<String> command = List.of(executable.toString(), "-t" + THREADS, "-c" + Math.max(THREADS, connections),
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s", "-s", scriptFile(script).toString(),
                url, "--", String.valueOf(rate / THREADS), tag);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk exited with " + process.exitValue() + ":\n" + output);
        }
        return WrkResult.parse(output);
    }

    private Path scriptFile(String script) throws IOException {
        Path file = scripts.resolve(script);
        if (!Files.exists(file)) {
            Files.createDirectories(scripts);
            Files.writeString(file, resource("common.lua") + "\n" + resource(script));
        }
        return file;
    }

    private static String resource(String name) {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no wrk script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
