package io.fulfillmenthub.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulfillmenthub.ingest.config.IngestConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every body on every route is capped before it is buffered: a declared length over the limit is refused unread,
 * a chunked body as soon as what arrived passes the limit (the rest is never read), a body that trickles in is
 * refused at the deadline; each with the hub's JSON error.
 */
@QuarkusTest
class BoundedBodyReaderTest {

    @Inject
    IngestConfig config;

    @TestHTTPResource("/webhooks/spresso")
    URI spresso;

    @TestHTTPResource("/no/such/route")
    URI nowhere;

    @Test
    void aChunkedBodyIsRefused413AsJsonOnceItPassesTheLimit() throws Exception {
        for (URI route : new URI[] {spresso, nowhere}) {
            byte[] body = new byte[(int) config.maxBodyBytes() + 1];
            java.util.Arrays.fill(body, (byte) 'x');
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(route)
                            .header("Content-Type", "application/json")
                            // a publisher of unknown length: sent chunked, without Content-Length
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                            .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(route.getPath()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("\"error\":\"body_too_large\"").contains("limit of " + config.maxBodyBytes());
        }
    }

    @Test
    void aClientThatAsksForHttp2IsAnsweredOverHttp1AndItsRequestsAreReadAsAnyOther() throws Exception {
        // java.net.http asks a cleartext server for HTTP/2 (h2c upgrade) by default, as some webhook senders do
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(nowhere).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(spresso).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"order\": {\"id\": \"h2c-1\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(401);
        assertThat(unsigned.body()).contains("\"error\":\"invalid_signature\"");
        assertThat(unsigned.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void anEndlessChunkedBodyIsAnswered413AndItsConnectionClosed() throws Exception {
        try (Socket socket = new Socket(spresso.getHost(), spresso.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/spresso HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean closedByTheServer = false;
            while (!closedByTheServer && System.nanoTime() < giveUpAt) {
                try {
                    out.write(chunk);
                } catch (IOException closed) {
                    closedByTheServer = true;
                }
            }

            // the bytes past the limit were read and dropped, never kept, for a second at most, then the connection closed
            assertThat(closedByTheServer).as("the server closed the connection of a body that never ends").isTrue();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefused413OnAnyRouteBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket(spresso.getHost(), spresso.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /no/such/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + (config.maxBodyBytes() + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
        }
    }

    @Test
    void aBodyThatTricklesInIsRefused408AtTheDeadlineAndItsConnectionClosed() throws Exception {
        try (Socket socket = new Socket(spresso.getHost(), spresso.getPort())) {
            socket.setSoTimeout((int) config.bodyTimeout().toMillis() + 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/spresso HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Spresso-Hmac-SHA256: x\r\nContent-Length: 100\r\n\r\n{\"order\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // nothing more is sent; the answer comes at the deadline and the server closes the connection (readAll ends)
            String answer = readAll(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"body_timeout\"").contains("hub.ingest.body-timeout");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        in.transferTo(answer);
        return answer.toString(StandardCharsets.UTF_8);
    }
}
