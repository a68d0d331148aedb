package io.fulfillmenthub.sandbox.squarespace;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every Squarespace request needs a {@code User-Agent} (400 otherwise) and {@code Authorization: Bearer
 * <api key>} (401 otherwise), as documented; then it counts against the rate limit (429 once over it, until
 * the cool-down ends). [unknown] The error types of the 400, 401 and 429 are not documented.
 */
@Provider
@SquarespaceApi
@Priority(Priorities.AUTHENTICATION)
class SquarespaceAccessGate implements ContainerRequestFilter {

    private final SquarespaceApiKey apiKey;
    private final SquarespaceBehaviour behaviour;

    SquarespaceAccessGate(SquarespaceApiKey apiKey, SquarespaceBehaviour behaviour) {
        this.apiKey = apiKey;
        this.behaviour = behaviour;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String userAgent = request.getHeaderString(HttpHeaders.USER_AGENT);
        if (userAgent == null || userAgent.isBlank()) {
            request.abortWith(new SquarespaceError(400, SquarespaceError.INVALID_REQUEST_ERROR, null,
                    "User-Agent: is required, describing the application").response());
            return;
        }
        if (!apiKey.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(new SquarespaceError(401, "AUTHORIZATION_ERROR", null,
                    "Authorization: a valid 'Bearer <api key>' is required").response());
            return;
        }
        if (!behaviour.admit()) {
            request.abortWith(new SquarespaceError(429, SquarespaceBehaviour.RATE_LIMITED, null,
                    "Too Many Requests: over the rate limit, cooling down").response());
        }
    }
}
