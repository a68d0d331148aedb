package io.fulfillmenthub.ingest.source;

import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.signature.DigestEncoding;
import io.fulfillmenthub.ingest.signature.HmacSha256;
import io.fulfillmenthub.ingest.signature.HmacSha256Signature;
import io.fulfillmenthub.ingest.signature.LightspeedSignature;
import io.fulfillmenthub.ingest.signature.SignatureVerifier;
import io.fulfillmenthub.ingest.signature.SpressoSignature;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The webhook sources of {@code hub.ingest.sources.<name>.*}, checked at start: a bad value stops the
 * service with an error naming its key (never the secret), so nothing is half-configured.
 */
@Singleton
public class WebhookSources {

    static final String PREFIX = "hub.ingest.sources.";

    /** The signature schemes by name; a source whose scheme differs adds its verifier here. */
    static final Map<String, Function<HmacSha256, SignatureVerifier>> SCHEMES = Map.of(
            HmacSha256Signature.SCHEME, HmacSha256Signature::new,
            SpressoSignature.SCHEME, SpressoSignature::new,
            LightspeedSignature.SCHEME, LightspeedSignature::new);

    private static final Logger LOG = Logger.getLogger(WebhookSources.class);
    // a path segment and a hub order id prefix: no ':' (HubOrderId), nothing to escape in a URL
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> SECRET_ENCODINGS = Set.of("utf8", "hex", "base64");

    private final Map<String, WebhookSource> sources;

    @Inject
    WebhookSources(IngestConfig config) {
        this(config.sources());
    }

    /** @throws InvalidSourceConfig naming the first bad key */
    public WebhookSources(Map<String, IngestConfig.Source> configured) {
        Map<String, WebhookSource> checked = new TreeMap<>();
        configured.forEach((name, source) -> checked.put(name, check(name, source)));
        sources = Map.copyOf(checked);
    }

    void warnWhenNoSecret(@Observes StartupEvent started) {
        if (sources.isEmpty()) {
            LOG.warn("no webhook source is configured (" + PREFIX + "<name>.*): every webhook is answered 404");
        }
        sources.values().stream().filter(source -> !source.verifier().hasSecrets())
                .forEach(source -> LOG.warnf("no secret configured for webhook source %s (%s%s.signature.secrets): every %s webhook is refused with 401",
                        source.name(), PREFIX, source.name(), source.name()));
    }

    public Optional<WebhookSource> named(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public Collection<WebhookSource> all() {
        return sources.values();
    }

    /** The names, for messages: {@code spresso, ...}. */
    public String names() {
        return String.join(", ", new TreeMap<>(sources).keySet());
    }

    private static WebhookSource check(String name, IngestConfig.Source source) {
        String key = PREFIX + name;
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSourceConfig(key, "the name must be lower-case letters, digits and '-', starting with a letter or digit");
        }
        IngestConfig.Signature signature = source.signature();
        String header = required(signature.header(), key + ".signature.header", "the request header carrying the signature");
        Function<HmacSha256, SignatureVerifier> scheme = SCHEMES.get(signature.scheme());
        if (scheme == null) {
            throw new InvalidSourceConfig(key + ".signature.scheme",
                    "'" + signature.scheme() + "' is not a signature scheme, one of " + String.join(", ", new TreeMap<>(SCHEMES).keySet()));
        }
        DigestEncoding digestEncoding = DigestEncoding.named(signature.digestEncoding())
                .orElseThrow(() -> new InvalidSourceConfig(key + ".signature.digest-encoding",
                        "'" + signature.digestEncoding() + "' is not an encoding, one of " + DigestEncoding.names()));
        List<byte[]> keys = keys(signature, key + ".signature");
        BodyFormat format = BodyFormat.named(source.bodyFormat())
                .orElseThrow(() -> new InvalidSourceConfig(key + ".body-format", "'" + source.bodyFormat() + "' is not a body format, one of json, form-payload"));
        FieldLocation orderId = location(source.orderId(), key + ".order-id")
                .orElseThrow(() -> new InvalidSourceConfig(key + ".order-id",
                        "is required: set " + key + ".order-id.json-pointer or " + key + ".order-id.header"));
        Optional<FieldLocation> deliveryId = location(source.deliveryId(), key + ".delivery-id");
        String type = required(source.cloudEventType(), key + ".cloud-event-type", "the CloudEvent type webhooks are published under");
        Optional<FieldLocation.InBody> hubOrderId = source.hubOrderIdJsonPointer().filter(text -> !text.isBlank())
                .map(pointer -> {
                    try {
                        return FieldLocation.InBody.at(pointer.trim());
                    } catch (IllegalArgumentException e) {
                        throw new InvalidSourceConfig(key + ".hub-order-id-json-pointer",
                                "'" + pointer + "' is not a JSON pointer to a field, such as /payload/source_id: " + e.getMessage());
                    }
                });
        String keyPrefix = source.keyPrefix().filter(text -> !text.isBlank()).map(String::trim).orElse(name);
        if (!NAME.matcher(keyPrefix).matches()) {
            throw new InvalidSourceConfig(key + ".key-prefix", "must be lower-case letters, digits and '-', as a source name");
        }
        return new WebhookSource(name, header, scheme.apply(new HmacSha256(keys, digestEncoding)), deliveryId, orderId, type,
                URI.create("/ingest/" + name), format, hubOrderId, keyPrefix);
    }

    private static List<byte[]> keys(IngestConfig.Signature signature, String key) {
        String encoding = signature.secretEncoding();
        if (!SECRET_ENCODINGS.contains(encoding)) {
            throw new InvalidSourceConfig(key + ".secret-encoding",
                    "'" + signature.secretEncoding() + "' is not an encoding, one of base64, hex, utf8");
        }
        List<byte[]> keys = new ArrayList<>();
        List<String> secrets = signature.secrets().orElse(List.of());
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            if (secret == null || secret.isBlank()) {
                continue; // an empty key would let anyone sign
            }
            try {
                keys.add(switch (encoding) {
                    case "hex" -> DigestEncoding.HEX.decode(secret.trim());
                    case "base64" -> DigestEncoding.BASE64.decode(secret.trim());
                    default -> secret.getBytes(StandardCharsets.UTF_8);
                });
            } catch (IllegalArgumentException notEncoded) {
                // the message names the position, never the secret
                throw new InvalidSourceConfig(key + ".secrets", "secret " + (i + 1) + " is not " + encoding + " ("
                        + key + ".secret-encoding)");
            }
        }
        return keys;
    }

    private static Optional<FieldLocation> location(IngestConfig.FieldLocation location, String key) {
        Optional<String> pointer = location.jsonPointer().filter(text -> !text.isBlank());
        Optional<String> header = location.header().filter(text -> !text.isBlank());
        if (pointer.isPresent() && header.isPresent()) {
            throw new InvalidSourceConfig(key, "set either " + key + ".json-pointer or " + key + ".header, not both");
        }
        if (header.isPresent()) {
            return Optional.of(new FieldLocation.InHeader(header.get().trim()));
        }
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FieldLocation.InBody.at(pointer.get().trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceConfig(key + ".json-pointer",
                    "'" + pointer.get() + "' is not a JSON pointer to a field, such as /order/id: " + e.getMessage());
        }
    }

    private static String required(Optional<String> value, String key, String what) {
        return value.filter(text -> !text.isBlank()).map(String::trim)
                .orElseThrow(() -> new InvalidSourceConfig(key, "is required: " + what));
    }

    /** A source's configuration that cannot work; the message starts with the key. */
    public static final class InvalidSourceConfig extends IllegalStateException {

        private final String key;

        InvalidSourceConfig(String key, String problem) {
            super(key + ": " + problem);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
