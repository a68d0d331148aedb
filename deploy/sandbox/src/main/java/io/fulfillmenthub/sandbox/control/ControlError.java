package io.fulfillmenthub.sandbox.control;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The control API's refusals: {@code {"error", "message"}}. */
public final class ControlError {

    private ControlError() {}

    public static Response of(int status, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    public static Response invalid(String message) {
        return of(400, "invalid_request", message);
    }

    public static Response notFound(String message) {
        return of(404, "not_found", message);
    }
}
