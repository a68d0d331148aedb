package io.fulfillmenthub.orchestrator.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every error the operations API answers. */
public record ApiError(String error, String message, String parameter) {

    static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("not_found", message, null)).build();
    }

    /** A dependency (the broker, the database) did not do its part; trying again later may succeed. */
    static Response unavailable(String message) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("unavailable", message, null)).build();
    }

    /** The request is well formed but clashes with what was done already, e.g. a parcel assigned before. */
    static Response conflict(String message) {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("conflict", message, null)).build();
    }

    static Response badParameter(String parameter, String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("bad_request", message, parameter)).build();
    }
}
