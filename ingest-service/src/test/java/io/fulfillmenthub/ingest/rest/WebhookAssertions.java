package io.fulfillmenthub.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.fulfillmenthub.contracts.CloudEventHeaders;
import io.fulfillmenthub.testing.TopicReader;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What every source's webhook tests check: the refusal a user sees, and what reached the inbound topic. */
final class WebhookAssertions {

    private WebhookAssertions() {
    }

    /** A JSON refusal with this status and error code, whose message names what is wrong. */
    static void assertRefused(Response response, int status, String error, String messageNames) {
        response.then().statusCode(status)
                .contentType(containsString("application/json"))
                .body("error", equalTo(error))
                .body("message", containsString(messageNames));
    }

    static void assertNonePublished(List<ConsumerRecord<String, byte[]>> published, byte[]... refused) {
        for (byte[] body : refused) {
            assertThat(published).noneMatch(record -> Arrays.equals(record.value(), body));
        }
    }

    static Predicate<ConsumerRecord<String, byte[]>> withId(String id) {
        return record -> id.equals(TopicReader.header(record, CloudEventHeaders.ID));
    }

    /** A valid JSON object one byte over the limit: {@code start} (an object's opening fields) then padding. */
    static byte[] oversized(String start, long maxBodyBytes) {
        byte[] opening = (start + ",\"padding\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[(int) maxBodyBytes + 1];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(opening, 0, body, 0, opening.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }
}
