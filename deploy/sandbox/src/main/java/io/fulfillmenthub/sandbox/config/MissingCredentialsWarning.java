package io.fulfillmenthub.sandbox.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Says at start which credentials are missing (names only, never values). */
class MissingCredentialsWarning {

    private static final Logger LOG = Logger.getLogger(MissingCredentialsWarning.class);

    void onStart(@Observes StartupEvent event, SandboxConfig config) {
        List<String> missing = new ArrayList<>();
        if (config.spresso().clientSecret().isEmpty()) {
            missing.add("sandbox.spresso.client-secret (Spresso webhooks cannot be signed, so are not sent)");
        }
        if (config.spresso().apiToken().isEmpty()) {
            missing.add("sandbox.spresso.api-token (the Spresso API answers 401 to every call)");
        }
        if (config.spod().apiKey().isEmpty() || config.spod().apiSecret().isEmpty()) {
            missing.add("sandbox.spod.api-key / sandbox.spod.api-secret (the SPOD token endpoint answers 401)");
        }
        if (config.squarespace().apiKey().isEmpty()) {
            missing.add("sandbox.squarespace.api-key (the Squarespace API answers 401 to every call)");
        }
        if (config.squarespace().webhookSecret().isEmpty()) {
            missing.add("sandbox.squarespace.webhook-secret (the hub's Squarespace webhook subscription has no secret, so no notification is sent to it)");
        }
        if (config.lightspeed().clientSecret().isEmpty()) {
            missing.add("sandbox.lightspeed.client-secret (no Lightspeed token refresh succeeds and no sale.update is sent)");
        }
        if (config.lightspeed().refreshToken().isEmpty() && config.lightspeed().personalToken().isEmpty()) {
            missing.add("sandbox.lightspeed.refresh-token / sandbox.lightspeed.personal-token (the Lightspeed API answers 401 to every call)");
        }
        missing.forEach(key -> LOG.warnf("Not configured: %s", key));
    }
}
