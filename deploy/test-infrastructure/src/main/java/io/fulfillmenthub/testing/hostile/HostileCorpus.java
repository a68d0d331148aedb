package io.fulfillmenthub.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hostile corpus, kept as data in {@code hostile-corpus/*.jsonl} on the classpath (one JSON object a line;
 * blank lines and lines starting with {@code #} are skipped): inputs every public endpoint must refuse with a clear
 * 4xx JSON error, or take as it should. Each file is named in {@code hostile-corpus/files}. A malformed entry fails
 * the load, naming its file, line and field.
 */
public final class HostileCorpus {

    static final String WEBHOOK = "webhook:";
    static final String OPS = "ops:";
    private static final String DIRECTORY = "hostile-corpus/";
    private static final Set<String> SIGNATURES = Set.of("valid", "missing", "bad", "rotated-out", "replay");
    private static final Set<String> TOKENS = Set.of("operator", "viewer", "missing", "bad");
    private static final Set<String> FIELDS = Set.of("id", "target", "method", "path", "query", "headers", "body", "bodyBase64",
            "generate", "chunked", "signature", "first", "slowloris", "concurrent", "token", "expect", "why");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileCorpus() {
    }

    /** Every entry of every file. */
    public static List<HostileInput> load() {
        List<HostileInput> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String file : lines(DIRECTORY + "files")) {
            if (file == null) {
                continue;
            }
            List<String> lines = lines(DIRECTORY + file.trim());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line == null) {
                    continue;
                }
                String where = DIRECTORY + file + ":" + (i + 1);
                try {
                    HostileInput entry = parse(JSON.readTree(line));
                    if (!ids.add(entry.id())) {
                        throw new IllegalArgumentException("id '" + entry.id() + "' is used twice");
                    }
                    entries.add(entry);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(entries);
    }

    /** The entries of one target kind: {@code webhook:} or {@code ops:}. */
    public static List<HostileInput> load(String targetPrefix) {
        return load().stream().filter(entry -> entry.target().startsWith(targetPrefix)).toList();
    }

    static HostileInput parse(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("an entry is a JSON object");
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "', one of " + FIELDS);
            }
        }
        String id = required(entry, "id");
        String target = required(entry, "target");
        boolean webhook = target.startsWith(WEBHOOK);
        String method;
        String path;
        if (webhook) {
            method = text(entry, "method").orElse("POST");
            path = text(entry, "path").orElse("/webhooks/" + target.substring(WEBHOOK.length()));
        } else if (target.startsWith(OPS)) {
            String[] methodAndTemplate = target.substring(OPS.length()).split(" ", 2);
            if (methodAndTemplate.length != 2) {
                throw new IllegalArgumentException("target: ops:<METHOD> <path template>, was '" + target + "'");
            }
            method = text(entry, "method").orElse(methodAndTemplate[0]);
            path = required(entry, "path");
        } else {
            throw new IllegalArgumentException("target: webhook:<source> or ops:<METHOD> <path template>, was '" + target + "'");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (entry.has("headers")) {
            entry.get("headers").fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        }
        String signature = text(entry, "signature").orElse(webhook ? "valid" : "missing");
        if (webhook && !SIGNATURES.contains(signature)) {
            throw new IllegalArgumentException("signature: one of " + SIGNATURES + ", was '" + signature + "'");
        }
        String token = text(entry, "token").orElse("operator");
        if (!TOKENS.contains(token)) {
            throw new IllegalArgumentException("token: one of " + TOKENS + ", was '" + token + "'");
        }
        JsonNode expect = entry.get("expect");
        if (expect == null || !expect.has("status") || !expect.get("status").canConvertToInt()) {
            throw new IllegalArgumentException("expect.status is required");
        }
        int concurrent = entry.path("concurrent").asInt(1);
        return new HostileInput(id, target, method, path, text(entry, "query").orElse(""), Map.copyOf(headers), body(entry),
                entry.path("chunked").asBoolean(false), signature, text(entry, "first"), entry.path("slowloris").asBoolean(false),
                Math.max(1, concurrent), token,
                new HostileInput.Expect(expect.get("status").asInt(), text(expect, "error"), text(expect, "outcome")));
    }

    /** The body: {@code body} (text, UTF-8), {@code bodyBase64}, or {@code generate}; none at all is an empty body. */
    static byte[] body(JsonNode entry) {
        int given = (entry.has("body") ? 1 : 0) + (entry.has("bodyBase64") ? 1 : 0) + (entry.has("generate") ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give one of body, bodyBase64 and generate");
        }
        if (entry.has("body")) {
            return entry.get("body").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (entry.has("bodyBase64")) {
            return Base64.getDecoder().decode(entry.get("bodyBase64").asText());
        }
        if (entry.has("generate")) {
            return generate(entry.get("generate"));
        }
        return new byte[0];
    }

    /**
     * {@code {"prefix": "...", "repeat": "[", "times": 10000, "closeWith": "]", "suffix": "..."}}: the prefix, the
     * text repeated, {@code closeWith} (optional) repeated as often, the suffix; or {@code {"bytes": 1048577, "prefix": ...}}: the prefix, then {@code x} up to that many bytes in all
     * (the suffix, if any, at the end).
     */
    static byte[] generate(JsonNode generator) {
        String prefix = generator.path("prefix").asText("");
        String suffix = generator.path("suffix").asText("");
        if (generator.has("bytes")) {
            int total = generator.get("bytes").asInt();
            byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
            if (total < head.length + tail.length) {
                throw new IllegalArgumentException("generate.bytes is smaller than its prefix and suffix");
            }
            byte[] body = new byte[total];
            java.util.Arrays.fill(body, (byte) 'x');
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(tail, 0, body, total - tail.length, tail.length);
            return body;
        }
        if (!generator.has("repeat") || !generator.has("times")) {
            throw new IllegalArgumentException("generate: {repeat, times} or {bytes}, with an optional prefix and suffix");
        }
        String unit = generator.get("repeat").asText();
        String suffixTimes = generator.has("closeWith") ? generator.get("closeWith").asText().repeat(generator.get("times").asInt()) : "";
        return (prefix + unit.repeat(generator.get("times").asInt()) + suffixTimes + suffix).getBytes(StandardCharsets.UTF_8);
    }

    private static String required(JsonNode entry, String field) {
        return text(entry, field).orElseThrow(() -> new IllegalArgumentException(field + " is required"));
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static List<String> lines(String resource) {
        try (InputStream in = HostileCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            // a skipped line stays, as null, so messages give the file's own line numbers
            List<String> lines = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .forEach(line -> lines.add(line.isBlank() || line.startsWith("#") ? null : line));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
