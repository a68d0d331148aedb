package io.fulfillmenthub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's result as Markdown: the machine, the exact command, the date, then one table per
 * part. A measure shows its median and spread over the runs beside its ceiling and the ratio of the two.
 */
final class Report {

    private static final String[] MEASURE_COLUMNS = {"measure", "median", "spread (min–max)", "ceiling", "ratio", "target"};

    private final String header;
    private final List<Section> sections = new ArrayList<>();

    Report(String header) {
        this.header = header;
    }

    Section section(String title) {
        Section section = new Section(title);
        sections.add(section);
        return section;
    }

    String markdown() {
        StringBuilder text = new StringBuilder(header).append('\n');
        sections.forEach(section -> text.append('\n').append(section.markdown()));
        return text.toString();
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, markdown());
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double magnitude = Math.abs(value);
        return String.format(Locale.ROOT, magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
    }

    /** min – max of a series of several values; a dash for one value or none. */
    static String spread(Series series) {
        return series.values().size() < 2 ? "—" : number(series.min()) + " – " + number(series.max());
    }

    /** One part of the report: tables and the notes that say how to read them. */
    static final class Section {

        private final String title;
        private final StringBuilder body = new StringBuilder();
        private boolean inMeasures;

        private Section(String title) {
            this.title = title;
        }

        /** A measure beside its ceiling (null for none); the ratio is median over the ceiling's median. */
        Section measure(String name, Series value, Series ceiling, String target) {
            if (!inMeasures) {
                table(MEASURE_COLUMNS);
                inMeasures = true;
            }
            boolean hasCeiling = ceiling != null && !ceiling.isEmpty();
            return row(name,
                    value.isEmpty() ? "—" : number(value.median()),
                    spread(value),
                    hasCeiling ? number(ceiling.median()) : "",
                    hasCeiling && !value.isEmpty()
                            ? String.format(Locale.ROOT, "%.0f%%", 100 * value.median() / ceiling.median()) : "",
                    target);
        }

        Section table(String... columns) {
            inMeasures = false;
            body.append('\n');
            row(columns);
            body.append("|").append(" --- |".repeat(columns.length)).append('\n');
            return this;
        }

        Section row(String... cells) {
            body.append("| ").append(String.join(" | ", cells)).append(" |\n");
            return this;
        }

        Section note(String text) {
            inMeasures = false;
            body.append('\n').append(text).append('\n');
            return this;
        }

        String markdown() {
            return "## " + title + "\n" + body;
        }
    }
}
