package io.fulfillmenthub.sandbox.squarespace;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A refusal of the simulated Squarespace API, in Squarespace's documented error object: every field present,
 * {@code {type, subtype (nullable), message, details (nullable), contextId}}.
 */
public class SquarespaceError extends RuntimeException {

    static final String INVALID_REQUEST_ERROR = "INVALID_REQUEST_ERROR";
    static final String INVALID_ARGUMENT = "INVALID_ARGUMENT";
    static final String MISSING_ARGUMENT = "MISSING_ARGUMENT";

    private final int status;
    private final String type;
    private final String subtype;

    public SquarespaceError(int status, String type, String subtype, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.subtype = subtype;
    }

    static SquarespaceError invalid(String message) {
        return new SquarespaceError(400, INVALID_REQUEST_ERROR, INVALID_ARGUMENT, message);
    }

    static SquarespaceError missing(String message) {
        return new SquarespaceError(400, INVALID_REQUEST_ERROR, MISSING_ARGUMENT, message);
    }

    static SquarespaceError notFound(String message) {
        return new SquarespaceError(404, INVALID_REQUEST_ERROR, INVALID_ARGUMENT, message);
    }

    /** Documented for the fulfillments endpoint: another request on the order is in progress. */
    static SquarespaceError concurrentModification(String orderId) {
        return new SquarespaceError(409, "CONFLICT", "CONCURRENT_MODIFICATION",
                "A request using the provided Order is already in progress: " + orderId);
    }

    public Response response() {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body(type, subtype, getMessage())).build();
    }

    static Map<String, Object> body(String type, String subtype, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("subtype", subtype);
        body.put("message", message);
        body.put("details", null);
        body.put("contextId", UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase());
        return body;
    }
}
