package io.fulfillmenthub.sandbox.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the sandbox delivers the webhooks it sends. Read on each delivery, not mapped at start:
 * the value may refer to a port that is only known once the HTTP server is listening (tests).
 */
@ApplicationScoped
public class HubEndpoints {

    public static final String SPRESSO_WEBHOOK_URL_KEY = "sandbox.hub.spresso-webhook-url";
    public static final String SPRESSO_WEBHOOK_URL_DEFAULT = "http://localhost:8080/webhooks/spresso";

    public static final String SQUARESPACE_WEBHOOK_URL_KEY = "sandbox.hub.squarespace-webhook-url";
    public static final String SQUARESPACE_WEBHOOK_URL_DEFAULT = "http://localhost:8080/webhooks/squarespace";

    public static final String LIGHTSPEED_WEBHOOK_URL_KEY = "sandbox.hub.lightspeed-webhook-url";

    /** Where Lightspeed's webhooks go; empty when none is set (then none is sent). */
    public java.util.Optional<URI> lightspeedWebhookUrl() {
        return ConfigProvider.getConfig().getOptionalValue(LIGHTSPEED_WEBHOOK_URL_KEY, String.class)
                .filter(url -> !url.isBlank()).map(URI::create);
    }

    public URI spressoWebhookUrl() {
        return url(SPRESSO_WEBHOOK_URL_KEY, SPRESSO_WEBHOOK_URL_DEFAULT);
    }

    public URI squarespaceWebhookUrl() {
        return url(SQUARESPACE_WEBHOOK_URL_KEY, SQUARESPACE_WEBHOOK_URL_DEFAULT);
    }

    private static URI url(String key, String defaultValue) {
        return URI.create(ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(defaultValue));
    }
}
