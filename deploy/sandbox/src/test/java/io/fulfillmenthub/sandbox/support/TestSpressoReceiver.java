package io.fulfillmenthub.sandbox.support;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for the hub's webhook endpoint in tests: keeps what it receives, answers a chosen status. */
@Path("/test-receiver/spresso")
public class TestSpressoReceiver {

    /** One delivery as received: the raw body bytes and the headers that matter. */
    public record Received(byte[] body, String signature, String contentType, String userAgent) {}

    private static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger ANSWER = new AtomicInteger(200);

    public static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    public static void answerWith(int status) {
        ANSWER.set(status);
    }

    @POST
    public Response receive(byte[] body, @HeaderParam("X-Spresso-Hmac-SHA256") String signature,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("User-Agent") String userAgent) {
        RECEIVED.add(new Received(body, signature, contentType, userAgent));
        return Response.status(ANSWER.get()).build();
    }
}
