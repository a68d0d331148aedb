package io.fulfillmenthub.sandbox.spod;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fulfillmenthub.sandbox.config.SandboxConfig;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPOD's OAuth2 client-credentials token endpoint (RFC 6749 §4.4): HTTP Basic API_KEY:API_SECRET,
 * form {@code grant_type=client_credentials}, {@code client_id}, {@code scope}. No refresh tokens.
 */
@Path("/spod/oauth/token")
@SpodApi
public class SpodTokenResource {

    /**
     * The token response as SPOD documents it: {@code token_type} {@code "bearer"} in lower case, and the
     * internal fields {@code api_key}, {@code api_key_features} (the sandbox grants none) and {@code jti}.
     */
    @JsonPropertyOrder({"access_token", "token_type", "expires_in", "scope", "api_key", "api_key_features", "jti"})
    public record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            String scope,
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("api_key_features") List<String> apiKeyFeatures,
            String jti) {}

    private final SandboxConfig config;
    private final SpodTokenIssuer tokens;

    SpodTokenResource(SandboxConfig config, SpodTokenIssuer tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Optional<String> apiKey = config.spod().apiKey();
        if (apiKey.isEmpty() || config.spod().apiSecret().isEmpty()
                || !credentialsMatch(authorization, apiKey.get(), config.spod().apiSecret().get())) {
            return SpodError.response(401, "invalid client credentials");
        }
        if (contentType == null || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return SpodError.response(400, "body must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = parseForm(body);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return SpodError.response(400, "grant_type: must be client_credentials");
        }
        String clientId = form.get("client_id");
        if (clientId != null && !constantTimeEquals(clientId, apiKey.get())) {
            return SpodError.response(401, "client_id: does not match the client credentials");
        }
        Set<String> scopes = requestedScopes(form.get("scope"));
        if (!SpodTokenIssuer.ALL_SCOPES.containsAll(scopes)) {
            return SpodError.response(400, "scope: only " + String.join(" ", new TreeSet<>(SpodTokenIssuer.ALL_SCOPES))
                    + " can be granted");
        }
        SpodTokenIssuer.Issued issued = tokens.issue(scopes);
        return Response.ok(new TokenResponse(issued.accessToken(), "bearer", issued.expiresIn(),
                String.join(" ", new TreeSet<>(issued.scopes())), apiKey.get(), List.of(), issued.jti()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Space separated per RFC 6749 §3.3; SPOD's page also says comma separated, so both are read. */
    private static Set<String> requestedScopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return SpodTokenIssuer.ALL_SCOPES;
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("[\\s,]+")));
        scopes.remove("");
        return scopes;
    }

    private static boolean credentialsMatch(String authorization, String apiKey, String apiSecret) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon >= 0
                & constantTimeEquals(decoded.substring(0, Math.max(colon, 0)), apiKey)
                & constantTimeEquals(decoded.substring(colon + 1), apiSecret);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }
}
