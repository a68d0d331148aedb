package io.fulfillmenthub.spod.client;

import io.fulfillmenthub.spod.config.SpodConfig;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.common.OidcEndpoint;
import io.quarkus.oidc.common.OidcRequestFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * SPOD refuses every request, the token request included, without a User-Agent naming the application;
 * the OIDC client would send its HTTP client's own ({@code Vert.x-WebClient/...}). This puts
 * {@code hub.spod.user-agent} on the token request, as the REST client does on every API call.
 */
// looked up by the OIDC client at run time, which ArC cannot see: kept explicitly
@Unremovable
@ApplicationScoped
@OidcEndpoint(OidcEndpoint.Type.TOKEN)
public class SpodTokenRequestUserAgent implements OidcRequestFilter {

    private final String userAgent;

    public SpodTokenRequestUserAgent(SpodConfig config) {
        this.userAgent = config.userAgent();
    }

    @Override
    public Uni<Void> filter(OidcRequestFilterContext context) {
        context.request().putHeader(HttpHeaders.USER_AGENT, userAgent);
        return Uni.createFrom().voidItem();
    }
}
