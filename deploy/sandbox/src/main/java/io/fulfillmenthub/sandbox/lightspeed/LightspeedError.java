package io.fulfillmenthub.sandbox.lightspeed;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal of the simulated Lightspeed API: {@code {"error", "message"}}, the message naming the field. */
public class LightspeedError extends RuntimeException {

    private final int status;
    private final String error;

    LightspeedError(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static LightspeedError badRequest(String message) {
        return new LightspeedError(400, "Bad Request", message);
    }

    static LightspeedError notFound(String message) {
        return new LightspeedError(404, "Not Found", message);
    }

    static LightspeedError unprocessable(String message) {
        return new LightspeedError(422, "Unprocessable Entity", message);
    }

    int status() {
        return status;
    }

    public Response response() {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body(error, getMessage())).build();
    }

    static Map<String, Object> body(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }
}
