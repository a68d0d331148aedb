package io.fulfillmenthub.sandbox.support;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Stands in for the hub's Lightspeed webhook endpoint in tests: keeps what it receives, answers 200. */
@Path("/test-receiver/lightspeed")
public class TestLightspeedReceiver {

    /** One delivery as received: the raw body bytes and the headers that matter. */
    public record Received(byte[] body, String signature, String contentType) {}

    private static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    @POST
    public Response receive(byte[] body, @HeaderParam("X-Signature") String signature, @HeaderParam("Content-Type") String contentType) {
        RECEIVED.add(new Received(body, signature, contentType));
        return Response.ok().build();
    }
}
