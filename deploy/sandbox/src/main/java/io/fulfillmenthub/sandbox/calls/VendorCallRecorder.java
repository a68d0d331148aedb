package io.fulfillmenthub.sandbox.calls;

import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import io.fulfillmenthub.sandbox.vendor.Vendors;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Records every request to a vendor API before any JAX-RS filter runs, so refused requests are
 * recorded too. The body is buffered first (Quarkus REST reads the buffered body afterwards); the
 * call takes its place in the order once its body has arrived, and is logged just before the
 * response headers go out, when the status is known, or when the exchange ends without an answer.
 */
@ApplicationScoped
class VendorCallRecorder {

    /** Both before the Quarkus REST route; Vert.x wants the body handler first, on a route of its own. */
    private static final int BODY_ROUTE_ORDER = -101;
    private static final int RECORD_ROUTE_ORDER = -100;
    private static final long BODY_LIMIT_BYTES = 1024 * 1024;
    private static final List<String> RECORDED_HEADERS = List.of(
            "authorization", "content-type", "accept", "user-agent", "idempotency-key");

    private static final java.util.regex.Pattern SECRET_FORM_FIELD = java.util.regex.Pattern.compile(
            "(?<=^|&)(client_secret|refresh_token|access_token|password|code)=[^&]*");

    private final CallLog log;
    private final Clock clock;
    private final Vendors vendors;

    VendorCallRecorder(CallLog log, Clock clock, Vendors vendors) {
        this.log = log;
        this.clock = clock;
        this.vendors = vendors;
    }

    void install(@Observes Router router) {
        for (SimulatedVendor vendor : vendors.all()) {
            String paths = vendor.pathRegex();
            router.routeWithRegex(paths)
                    .order(BODY_ROUTE_ORDER)
                    .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
            router.routeWithRegex(paths)
                    .order(RECORD_ROUTE_ORDER)
                    .handler(context -> arrive(vendor, context));
        }
    }

    private void arrive(SimulatedVendor vendor, RoutingContext context) {
        long sequence = log.nextSequence();
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> headers = selectedHeaders(context.request().headers());
        AtomicBoolean recorded = new AtomicBoolean();
        Consumer<Integer> record = status -> {
            if (recorded.compareAndSet(false, true)) {
                log.add(new RecordedCall(
                        sequence,
                        vendor.id(),
                        context.request().method().name(),
                        context.request().path(),
                        context.request().query(),
                        headers,
                        body(context),
                        status,
                        receivedAt.toString(),
                        CallFaults.recorded(context)));
            }
        };
        context.addHeadersEndHandler(ignored -> record.accept(context.response().getStatusCode()));
        // A caller that goes away before any answer (say, while a frozen vendor holds its call) is recorded too.
        context.addEndHandler(ended -> record.accept(null));
        context.next();
    }

    private static String body(RoutingContext context) {
        Buffer buffer = context.body() == null ? null : context.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            return null;
        }
        String body = buffer.toString(StandardCharsets.UTF_8);
        String contentType = context.request().getHeader("content-type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? redactForm(body) : body;
    }

    /** A token request's secrets (an OAuth form's client secret and tokens) are not kept: the value becomes [redacted]. */
    static String redactForm(String form) {
        return SECRET_FORM_FIELD.matcher(form).replaceAll("$1=[redacted]");
    }

    private static Map<String, String> selectedHeaders(MultiMap all) {
        Map<String, String> selected = new LinkedHashMap<>();
        for (String name : RECORDED_HEADERS) {
            Optional.ofNullable(all.get(name)).ifPresent(value -> selected.put(name, value));
        }
        selected.computeIfPresent("authorization", (name, value) -> redact(value));
        return selected;
    }

    /** Keeps the scheme, so a reader sees whether Basic or Bearer was sent, and drops the secret. */
    static String redact(String authorization) {
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? "" : trimmed.substring(0, space).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "bearer" -> "Bearer [redacted]";
            case "basic" -> "Basic [redacted]";
            default -> "[redacted]";
        };
    }
}
