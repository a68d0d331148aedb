package io.fulfillmenthub.sandbox.spresso;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Spresso API calls carry {@code Authorization: Bearer <token>}; anything else is a 401. */
@Provider
@SpressoApi
@Priority(Priorities.AUTHENTICATION)
class SpressoAccessGate implements ContainerRequestFilter {

    private final SpressoApiToken token;

    SpressoAccessGate(SpressoApiToken token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!token.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(SpressoApiException.response(401, "unauthorized", "missing or invalid bearer token"));
        }
    }
}
