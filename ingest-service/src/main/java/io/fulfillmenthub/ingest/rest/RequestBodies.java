package io.fulfillmenthub.ingest.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** The body {@link BoundedBodyReader} read, for the resources. */
final class RequestBodies {

    static final String KEY = "io.fulfillmenthub.ingest.body";

    private RequestBodies() {
    }

    /** The body as received; empty when there was none. */
    static byte[] of(RoutingContext context) {
        Buffer body = context.get(KEY);
        return body == null ? new byte[0] : body.getBytes();
    }
}
