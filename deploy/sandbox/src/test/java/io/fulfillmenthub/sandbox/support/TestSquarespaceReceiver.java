package io.fulfillmenthub.sandbox.support;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Stands in for the hub's Squarespace webhook endpoint in tests: keeps what it receives, answers 200. */
@Path("/test-receiver/squarespace")
public class TestSquarespaceReceiver {

    /** One delivery as received: the raw body bytes and the headers that matter. */
    public record Received(byte[] body, String signature, String contentType, String userAgent) {}

    private static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    @POST
    public Response receive(byte[] body, @HeaderParam("Squarespace-Signature") String signature,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("User-Agent") String userAgent) {
        RECEIVED.add(new Received(body, signature, contentType, userAgent));
        return Response.ok().build();
    }
}
