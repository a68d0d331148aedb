package io.fulfillmenthub.sandbox.faults;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/** How every vendor's webhook is posted: the exact bytes and headers, with what the receiver answered. Blocking. */
@ApplicationScoped
public class WebhookTransport {

    /** What the receiver answered ({@code status}), or why it could not be reached ({@code error}). */
    public record Answer(Integer status, String error) {}

    private static final Logger LOG = Logger.getLogger(WebhookTransport.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public Answer post(URI url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            return new Answer(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException e) {
            LOG.warnf("Webhook delivery to %s failed: %s", url, e.toString());
            return new Answer(null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }
}
