package io.fulfillmenthub.spod.client;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.TokensHelper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SPOD's bearer token, from the OAuth2 client credentials grant of the OIDC client {@code spod}
 * ({@code quarkus.oidc-client.spod.*}). One token is shared and renewed shortly before it expires
 * ({@code refresh-token-time-skew}); concurrent callers wait for the same token request. The token is
 * never logged.
 */
@ApplicationScoped
public class SpodAccessToken {

    static final String CLIENT = "spod";

    private final OidcClients clients;
    /** SPOD wants the API key as form field {@code client_id} too, besides the Basic header. */
    private final Map<String, String> grantParameters;
    private final TokensHelper tokens = new TokensHelper();

    public SpodAccessToken(OidcClients clients,
            @ConfigProperty(name = "quarkus.oidc-client.spod.client-id") Optional<String> apiKey) {
        this.clients = clients;
        this.grantParameters = apiKey.map(key -> Map.of("client_id", key)).orElse(Map.of());
    }

    /** The cached token, fetched first or renewed when it is about to expire. */
    public Uni<String> current() {
        return tokens.getTokens(client(), grantParameters, false).map(Tokens::getAccessToken);
    }

    /** A new token, for when SPOD refused the cached one. */
    public Uni<String> renewed() {
        return tokens.getTokens(client(), grantParameters, true).map(Tokens::getAccessToken);
    }

    private OidcClient client() {
        return clients.getClient(CLIENT);
    }
}
