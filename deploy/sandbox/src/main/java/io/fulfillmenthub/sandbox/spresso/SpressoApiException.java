package io.fulfillmenthub.sandbox.spresso;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the simulated Spresso API. [unknown] The body {@code {"error", "message"}} is the
 * shape docs/first-channel.md assumes; the message names the offending field.
 */
public class SpressoApiException extends RuntimeException {

    private final int status;
    private final String error;

    public SpressoApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static SpressoApiException invalid(String message) {
        return new SpressoApiException(400, "invalid_request", message);
    }

    public Response response() {
        return response(status, error, getMessage());
    }

    public static Response response(int status, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
