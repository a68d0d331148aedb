package io.fulfillmenthub.ingest.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fulfillmenthub.ingest.config.IngestConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * The one JSON reader for webhook bodies: strict (trailing content and repeated keys are refused, as different
 * parsers read them differently) and bounded by {@code hub.ingest.json.*} through Jackson's
 * {@link StreamReadConstraints}, which the parser checks as it reads, so a body nested 10,000 deep is refused at
 * the configured depth, long before any recursion could overflow the stack.
 */
@Singleton
public class StrictJson {

    static final String PREFIX = "hub.ingest.json.";

    private final ObjectReader reader;

    @Inject
    StrictJson(IngestConfig config) {
        this(config.json());
    }

    public StrictJson(IngestConfig.Json limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(limits.maxNameLength())
                .maxTokenCount(limits.maxTokenCount())
                .build();
        reader = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build()
                .reader();
    }

    public ObjectReader reader() {
        return reader;
    }

    /** What a limit refused, naming its key: {@code over hub.ingest.json.max-depth: Document nesting depth (65) ...}. */
    public static String describe(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        String key = lower.contains("nesting depth") ? "max-depth"
                : lower.contains("string value length") ? "max-string-length"
                : lower.contains("number value length") ? "max-number-length"
                : lower.contains("name length") ? "max-name-length"
                : lower.contains("token count") ? "max-token-count"
                : null;
        return "over " + (key == null ? "a JSON limit (" + PREFIX + "*)" : PREFIX + key) + ": " + message;
    }
}
