package io.fulfillmenthub.sandbox.spod;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SPOD's rules for every request: a non-empty User-Agent naming the application ({@code curl/*}
 * refused), then, on secured endpoints, a bearer token issued here, unexpired, with the scope the
 * endpoint needs.
 */
@Provider
@SpodApi
@Priority(Priorities.AUTHENTICATION)
class SpodAccessGate implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    private final SpodTokenIssuer tokens;

    SpodAccessGate(SpodTokenIssuer tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String userAgent = request.getHeaderString(HttpHeaders.USER_AGENT);
        if (userAgent == null || userAgent.isBlank()) {
            request.abortWith(SpodError.response(400,
                    "User-Agent header is required and must name your application"));
            return;
        }
        if (userAgent.trim().toLowerCase(Locale.ROOT).startsWith("curl/")) {
            request.abortWith(SpodError.response(403,
                    "User-Agent curl/* is not allowed: name your application"));
            return;
        }
        SpodScope scope = resource.getResourceMethod().getAnnotation(SpodScope.class);
        if (scope == null) {
            return;
        }
        Optional<Set<String>> granted = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::scopesOf);
        if (granted.isEmpty()) {
            request.abortWith(SpodError.response(401, "missing, unknown or expired access token"));
            return;
        }
        if (!granted.get().contains(scope.value())) {
            request.abortWith(SpodError.response(403, "access token lacks scope " + scope.value()));
        }
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
