package io.fulfillmenthub.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Where a run's CPU goes: the CPU time (user + system, from /proc/<pid>/stat) that each group of
 * processes used between two readings, beside the wall time, so a figure below its ceiling can show
 * which process used the machine's cores. Linux only; elsewhere it reads nothing.
 */
final class CpuTime {

    /** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, LongPredicate> groups = new LinkedHashMap<>();
    private final Map<String, Long> endedChildrenOf = new LinkedHashMap<>();

    /** A group of processes, named for the report. */
    CpuTime group(String name, LongPredicate member) {
        groups.put(name, member);
        return this;
    }

    CpuTime process(String name, long pid) {
        return group(name, candidate -> candidate == pid);
    }

    /**
     * The children this process started, waited for and that have ended (cutime and cstime of
     * /proc/<pid>/stat), e.g. a load generator run to its end for each run.
     */
    CpuTime endedChildren(String name, long pid) {
        endedChildrenOf.put(name, pid);
        return this;
    }

    /** CPU and wall time summed over several runs, with the units of work they did. */
    static final class Tally {

        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private double wallSeconds;
        private long units;

        void add(Reading before, Reading after, long unitsDone) {
            double wall = (after.nanos() - before.nanos()) / 1e9;
            after.coresSince(before).forEach((group, cores) -> seconds.merge(group, cores * wall, Double::sum));
            wallSeconds += wall;
            units += unitsDone;
        }

        /** e.g. "orchestrator 0.61, PostgreSQL 0.38 cores, 0.99 in all; CPU time per fact: orchestrator 293 µs, ..." */
        String describe(String unit) {
            if (wallSeconds == 0 || units == 0) {
                return "not measured";
            }
            Map<String, Double> cores = new LinkedHashMap<>();
            StringBuilder perUnit = new StringBuilder();
            seconds.forEach((group, used) -> {
                cores.put(group, used / wallSeconds);
                perUnit.append(perUnit.isEmpty() ? "" : ", ").append(group).append(' ')
                        .append(String.format("%.0f µs", used * 1e6 / units));
            });
            double total = cores.values().stream().mapToDouble(Double::doubleValue).sum();
            return String.format("%s, %.2f in all; CPU time per %s: %s", CpuTime.describe(cores), total, unit, perUnit);
        }
    }

    /** The embedded PostgreSQL: its postmaster and every backend and helper process under it. */
    CpuTime postgres(String name, String jdbcUrl) throws SQLException, IOException {
        long postmaster;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            postmaster = parentOf(backend.getLong(1));
        }
        return group(name, pid -> pid == postmaster || parentOfQuietly(pid) == postmaster);
    }

    Reading read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.keySet().forEach(name -> seconds.put(name, 0.0));
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                for (Map.Entry<String, LongPredicate> group : groups.entrySet()) {
                    if (group.getValue().test(pid)) {
                        seconds.merge(group.getKey(), processSeconds(pid), Double::sum);
                    }
                }
            }
        } catch (IOException noProc) {
            // not Linux: nothing to read
        }
        endedChildrenOf.forEach((name, pid) -> seconds.put(name, endedChildrenSeconds(pid)));
        return new Reading(System.nanoTime(), seconds);
    }

    /** CPU seconds per group, and the wall time, at one moment. */
    record Reading(long nanos, Map<String, Double> seconds) {

        /** Each group's CPU time since {@code before} as a share of one core over the same wall time (1.0 = one core). */
        Map<String, Double> coresSince(Reading before) {
            double wall = (nanos - before.nanos) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            seconds.forEach((name, now) -> cores.put(name, (now - before.seconds.getOrDefault(name, 0.0)) / wall));
            return cores;
        }
    }

    /** e.g. "orchestrator 0.81, PostgreSQL 0.62, Kafka and the benchmark 0.43 cores" */
    static String describe(Map<String, Double> cores) {
        StringBuilder text = new StringBuilder();
        cores.forEach((name, used) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format("%.2f", used)));
        return text.append(" cores").toString();
    }

    /** The CPU time (user + system) one process has used since it started; 0 once it is gone or off Linux. */
    static double processSeconds(long pid) {
        return ticks(pid, 11);
    }

    private static double endedChildrenSeconds(long pid) {
        return ticks(pid, 13);
    }

    /** Two fields from {@code first} on (user and system time), in seconds; 0 once the process is gone. */
    private static double ticks(long pid, int first) {
        try {
            String[] fields = statFields(pid);
            return (Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long parentOf(long pid) throws IOException {
        return Long.parseLong(statFields(pid)[1]);
    }

    private static long parentOfQuietly(long pid) {
        try {
            return parentOf(pid);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The fields after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
