package io.fulfillmenthub.sandbox.lightspeed;

import io.fulfillmenthub.sandbox.config.SandboxConfig;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /lightspeed/api/1.0/token}: the OAuth refresh, form-encoded {@code grant_type=refresh_token},
 * {@code refresh_token}, {@code client_id}, {@code client_secret}. A wrong client: 401 {@code invalid_client}; a used
 * or unknown refresh token: 400 {@code invalid_grant}. [unknown] The token endpoint is not rate-limited here.
 */
@Path("/lightspeed/api/1.0/token")
@Produces(MediaType.APPLICATION_JSON)
public class LightspeedTokenResource {

    private final LightspeedTokens tokens;
    private final SandboxConfig config;

    LightspeedTokenResource(LightspeedTokens tokens, SandboxConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @POST
    public Response token(byte[] body) {
        Map<String, String> form = form(body);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "grant_type: is required (refresh_token)");
        }
        if (!grantType.equals("refresh_token")) {
            return error(400, "unsupported_grant_type", "grant_type: only refresh_token is supported here, was " + grantType);
        }
        if (!tokens.isClient(form.get("client_id"), form.get("client_secret"))) {
            return error(401, "invalid_client", "client_id, client_secret: not this app's");
        }
        String refreshToken = form.get("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
            return error(400, "invalid_request", "refresh_token: is required");
        }
        return tokens.refresh(refreshToken).map(issued -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", issued.accessToken());
            answer.put("token_type", "Bearer");
            answer.put("expires", issued.expires().getEpochSecond());
            answer.put("expires_in", issued.expiresIn());
            answer.put("refresh_token", issued.refreshToken());
            answer.put("domain_prefix", config.lightspeed().domainPrefix());
            return Response.ok(answer).build();
        }).orElseGet(() -> error(400, "invalid_grant", "refresh_token: unknown, or already used (refresh tokens are single-use)"));
    }

    private static Response error(int status, String error, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(LightspeedError.body(error, message)).build();
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> form = new HashMap<>();
        if (body == null) {
            return form;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    form.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException malformed) {
                    // a field that does not decode counts as absent
                }
            }
        }
        return form;
    }
}
