package io.fulfillmenthub.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.signature.DigestEncoding;
import io.fulfillmenthub.ingest.signature.HmacSha256;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sources as the service reads them at start, from {@code hub.ingest.sources.<name>.*}: a bad value is refused naming its key. */
class WebhookSourcesTest {

    private static final String KEY = "hub.ingest.sources.shop.";
    private static final String HEX_SECRET = "00ff10ee20dd";

    @Test
    void aCompleteSourceIsReadWithItsSchemeEncodingsAndLocations() {
        WebhookSource shop = sources(valid()).named("shop").orElseThrow();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(shop.path()).isEqualTo("/webhooks/shop");
        assertThat(shop.signatureHeader()).isEqualTo("X-Shop-Signature");
        assertThat(shop.cloudEventType()).isEqualTo("hub.inbound.shop-webhook.v1");
        assertThat(shop.cloudEventSource()).hasToString("/ingest/shop");
        assertThat(shop.orderId()).isEqualTo(new FieldLocation.InBody(java.util.List.of("data", "id"), "data.id"));
        assertThat(shop.deliveryId()).contains(new FieldLocation.InHeader("X-Shop-Delivery"));
        assertThat(shop.verifier().matchesRaw(body, HmacSha256.sign(body, HexFormat.of().parseHex(HEX_SECRET), DigestEncoding.HEX)))
                .isTrue();
        assertThat(shop.verifier().matchesRaw(body, HmacSha256.sign(body, HEX_SECRET.getBytes(StandardCharsets.UTF_8), DigestEncoding.HEX)))
                .isFalse();
    }

    @Test
    void eachRequiredSettingIsNamedWhenMissing() {
        assertRefusedNaming(without("signature.header"), KEY + "signature.header");
        assertRefusedNaming(without("order-id.json-pointer"), KEY + "order-id");
        assertRefusedNaming(without("cloud-event-type"), KEY + "cloud-event-type");
    }

    @Test
    void aValueThatCannotWorkIsNamed() {
        assertRefusedNaming(with("signature.scheme", "hmac-sha1"), KEY + "signature.scheme");
        assertRefusedNaming(with("signature.digest-encoding", "base32"), KEY + "signature.digest-encoding");
        assertRefusedNaming(with("signature.secret-encoding", "latin1"), KEY + "signature.secret-encoding");
        assertRefusedNaming(with("body-format", "xml"), KEY + "body-format");
        assertRefusedNaming(with("order-id.json-pointer", "data.id"), KEY + "order-id.json-pointer");
        assertRefusedNaming(with("order-id.header", "X-Order"), KEY + "order-id");
        assertRefusedNaming(with("hub-order-id-json-pointer", "payload.source_id"), KEY + "hub-order-id-json-pointer");
        assertRefusedNaming(with("key-prefix", "Sale:"), KEY + "key-prefix");
    }

    @Test
    void aSecretNotInItsEncodingIsNamedByPositionNeverShown() {
        Map<String, String> properties = with("signature.secrets", HEX_SECRET + ",not-hex-at-all");

        assertThatThrownBy(() -> sources(properties))
                .isInstanceOf(WebhookSources.InvalidSourceConfig.class)
                .hasMessageStartingWith(KEY + "signature.secrets")
                .hasMessageContaining("secret 2")
                .hasMessageNotContaining("not-hex-at-all");
    }

    @Test
    void aNameThatCannotBeAPathOrAnOrderIdPrefixIsRefused() {
        Map<String, String> properties = new HashMap<>();
        valid().forEach((key, value) -> properties.put(key.replace("sources.shop.", "sources.Shop:1."), value));

        assertThatThrownBy(() -> sources(properties)).hasMessageStartingWith("hub.ingest.sources.Shop:1");
    }

    @Test
    void theServicesOwnSpressoSourceIsValid() throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(getClass().getResource("/application.properties")))
                .withMapping(IngestConfig.class)
                .withProfile("prod")
                .build();

        WebhookSource spresso = new WebhookSources(config.getConfigMapping(IngestConfig.class).sources()).named("spresso").orElseThrow();

        assertThat(spresso.signatureHeader()).isEqualTo("X-Spresso-Hmac-SHA256");
        assertThat(spresso.orderId()).isEqualTo(FieldLocation.InBody.at("/order/id"));
    }

    private static void assertRefusedNaming(Map<String, String> properties, String key) {
        assertThatThrownBy(() -> sources(properties))
                .isInstanceOf(WebhookSources.InvalidSourceConfig.class)
                .hasMessageStartingWith(key + ":")
                .satisfies(e -> assertThat(((WebhookSources.InvalidSourceConfig) e).key()).isEqualTo(key));
    }

    private static WebhookSources sources(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(IngestConfig.class)
                .withDefaultValues(properties)
                .build();
        return new WebhookSources(config.getConfigMapping(IngestConfig.class).sources());
    }

    private static Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put(KEY + "signature.header", "X-Shop-Signature");
        properties.put(KEY + "signature.scheme", "hmac-sha256");
        properties.put(KEY + "signature.digest-encoding", "hex");
        properties.put(KEY + "signature.secret-encoding", "hex");
        properties.put(KEY + "signature.secrets", HEX_SECRET);
        properties.put(KEY + "delivery-id.header", "X-Shop-Delivery");
        properties.put(KEY + "order-id.json-pointer", "/data/id");
        properties.put(KEY + "cloud-event-type", "hub.inbound.shop-webhook.v1");
        return properties;
    }

    private static Map<String, String> without(String key) {
        Map<String, String> properties = valid();
        properties.remove(KEY + key);
        return properties;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> properties = valid();
        properties.put(KEY + key, value);
        return properties;
    }
}
