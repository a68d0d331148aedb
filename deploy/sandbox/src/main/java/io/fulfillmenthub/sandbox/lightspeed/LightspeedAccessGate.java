package io.fulfillmenthub.sandbox.lightspeed;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every Lightspeed API request counts against the rate limit (429 with {@code Retry-After} as an HTTP date once
 * over it, or during a storm), then needs {@code Authorization: Bearer <access token or personal token>} (401).
 * Every answer carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (an
 * HTTP date).
 */
@Provider
@LightspeedApi
@Priority(Priorities.AUTHENTICATION)
class LightspeedAccessGate implements ContainerRequestFilter, ContainerResponseFilter {

    static final String RATE_LIMITED = "Too Many Requests";
    private static final String ADMISSION = LightspeedAccessGate.class.getName() + ".admission";

    private final LightspeedBehaviour behaviour;
    private final LightspeedTokens tokens;

    LightspeedAccessGate(LightspeedBehaviour behaviour, LightspeedTokens tokens) {
        this.behaviour = behaviour;
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        LightspeedBehaviour.Admission admission = behaviour.admit();
        request.setProperty(ADMISSION, admission);
        if (!admission.admitted()) {
            Response.ResponseBuilder refused = Response.status(429).type(MediaType.APPLICATION_JSON)
                    .entity(LightspeedError.body(RATE_LIMITED, "Rate limit exceeded: try again after " + httpDate(admission.retryAt())))
                    .header(HttpHeaders.RETRY_AFTER, httpDate(admission.retryAt()));
            request.abortWith(withHeaders(refused, admission).build());
            return;
        }
        if (!tokens.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(withHeaders(Response.status(401).type(MediaType.APPLICATION_JSON).entity(LightspeedError.body("Unauthorized",
                    "Authorization: a valid 'Bearer <access token>' is required")), admission).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ADMISSION) instanceof LightspeedBehaviour.Admission admission) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("X-RateLimit-Limit", String.valueOf(admission.limit()));
            headers.putSingle("X-RateLimit-Remaining", String.valueOf(admission.remaining()));
            headers.putSingle("X-RateLimit-Reset", httpDate(admission.reset()));
        }
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder response, LightspeedBehaviour.Admission admission) {
        return response.header("X-RateLimit-Limit", String.valueOf(admission.limit()))
                .header("X-RateLimit-Remaining", String.valueOf(admission.remaining()))
                .header("X-RateLimit-Reset", httpDate(admission.reset()));
    }

    /** RFC 1123, as {@code Retry-After} and {@code Date} write it: {@code Fri, 04 Dec 2026 13:05:00 GMT}. */
    static String httpDate(Instant instant) {
        // rounded up: a client that waits until then is not early
        Instant second = instant.getNano() == 0 ? instant : instant.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(second.atOffset(ZoneOffset.UTC));
    }
}
