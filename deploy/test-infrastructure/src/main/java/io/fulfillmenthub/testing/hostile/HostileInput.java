package io.fulfillmenthub.testing.hostile;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of the hostile corpus: what to send to one public endpoint and what it must answer. The format is
 * described in {@code hostile-corpus/README.md}.
 *
 * @param id unique, says what it tries (e.g. {@code spresso-nesting-10000})
 * @param target {@code webhook:<source>} or {@code ops:<METHOD> <path template>}
 * @param method the HTTP method ({@code POST} for webhooks unless given)
 * @param path the path sent, query excluded; for a webhook, {@code /webhooks/<source>} unless given
 * @param query the raw query string, without {@code ?}, sent as written (already percent-encoded); empty for none
 * @param headers extra request headers, sent as given (a {@code Content-Type} here replaces the source's own)
 * @param body the body's bytes, from {@code body}, {@code bodyBase64} or a generator; empty for none
 * @param chunked sent without {@code Content-Length} (chunked)
 * @param signature for a webhook: {@code valid}, {@code missing}, {@code bad}, {@code rotated-out} (signed with a
 *     secret no longer configured) or {@code replay} (sent signed twice: the first must be accepted)
 * @param first for a webhook: a body sent (validly signed, and accepted) just before this one, for an id reused
 * @param slowloris the body's first bytes are sent, then nothing: the connection is held open
 * @param concurrent how many copies are sent at once (slowloris entries), 1 otherwise
 * @param token for the operations API: {@code operator} (default), {@code viewer}, {@code missing} or {@code bad}
 * @param expect what the endpoint must answer
 */
public record HostileInput(String id, String target, String method, String path, String query, Map<String, String> headers,
        byte[] body, boolean chunked, String signature, Optional<String> first, boolean slowloris, int concurrent, String token,
        Expect expect) {

    /**
     * @param status the HTTP status
     * @param error the JSON body's {@code error}; empty for an accepted webhook
     * @param outcome for a 200 webhook: {@code accepted} or {@code duplicate}; empty otherwise
     */
    public record Expect(int status, Optional<String> error, Optional<String> outcome) {

        /** A refusal: a 4xx whose body names the problem. */
        public boolean refusal() {
            return status >= 400 && status < 500;
        }
    }

    /** True for {@code webhook:<source>} entries. */
    public boolean webhook() {
        return target.startsWith(HostileCorpus.WEBHOOK);
    }

    /** The webhook source, for a webhook entry. */
    public String source() {
        if (!webhook()) {
            throw new IllegalStateException(id + " is not a webhook entry");
        }
        return target.substring(HostileCorpus.WEBHOOK.length());
    }

    /** The path and query as sent on the request line. */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
