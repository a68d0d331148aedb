package io.fulfillmenthub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine a report was measured on, in one line: figures mean little without it. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kb -> String.format("%.1f GiB RAM", Long.parseLong(kb.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("RAM unknown");
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").map(name -> name.replace("\"", ""))
                .orElse(System.getProperty("os.name"));
        return String.format("%s, %d cores, %s, %s (kernel %s), %s %s", cpu, Runtime.getRuntime().availableProcessors(),
                memory, os, System.getProperty("os.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
    }

    /** The value of the first {@code key: value} or {@code key=value} line of a file. */
    private static Optional<String> firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
