package io.fulfillmenthub.orchestrator.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 of the operations API in its usual error body ({@link ApiError}), naming the header. Authentication
 * runs when an endpoint asks for a role ({@code quarkus.http.auth.proactive=false}), so its failures reach these
 * mappers instead of Quarkus's empty challenge.
 */
public class AccessErrors {

    private static final Logger LOG = Logger.getLogger(AccessErrors.class);

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException missing) {
        return unauthorized("this endpoint needs a bearer token: Authorization: Bearer <token> (roles "
                + OperationsRoles.VIEWER + " or " + OperationsRoles.OPERATOR + ")");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException failed) {
        // why (expired, another issuer, not signed by the configured key) is for the log, not for the caller
        LOG.debugf(failed, "bearer token refused");
        return unauthorized("the bearer token in Authorization was refused: expired, not signed by the configured key, "
                + "from another issuer, or not a JWT");
    }

    @ServerExceptionMapper
    public Response wrongRole(ForbiddenException forbidden, ContainerRequestContext request) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("forbidden", Operator.of(request.getSecurityContext()).describe() + " lacks the role this needs: "
                        + OperationsRoles.OPERATOR + " acts, " + OperationsRoles.VIEWER + " only reads",
                        HttpHeaders.AUTHORIZATION))
                .build();
    }

    private static Response unauthorized(String message) {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new ApiError("unauthorized", message, HttpHeaders.AUTHORIZATION)).build();
    }
}
