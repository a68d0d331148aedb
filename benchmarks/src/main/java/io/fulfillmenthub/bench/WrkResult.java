package io.fulfillmenthub.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run reports through the scripts' {@code done} hook, a line such as
 * {@code BENCH requests=1200 duration_us=2001234 errors_connect=0 ... p50_us=812 p99_us=4210 max_us=9120}.
 *
 * @param errors connect, read, write and timeout errors and answers of status 400 or more
 */
record WrkResult(long requests, double seconds, long errors, double p50Ms, double p99Ms, double maxMs) {

    private static final Pattern LINE = Pattern.compile("^BENCH (.*)$", Pattern.MULTILINE);
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\d+)");

    /** Requests completed per second, whatever their answer. */
    double rate() {
        return requests / seconds;
    }

    static WrkResult parse(String output) {
        Matcher line = LINE.matcher(output);
        if (!line.find()) {
            throw new IllegalStateException("wrk printed no BENCH line; its output was:\n" + output);
        }
        Map<String, Long> fields = new HashMap<>();
        Matcher field = FIELD.matcher(line.group(1));
        while (field.find()) {
            fields.put(field.group(1), Long.parseLong(field.group(2)));
        }
        long errors = fields.get("errors_connect") + fields.get("errors_read") + fields.get("errors_write")
                + fields.get("errors_status") + fields.get("errors_timeout");
        return new WrkResult(fields.get("requests"), fields.get("duration_us") / 1e6, errors,
                fields.get("p50_us") / 1000.0, fields.get("p99_us") / 1000.0, fields.get("max_us") / 1000.0);
    }
}
