package io.fulfillmenthub.sandbox.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.calls.CallFaults;
import io.fulfillmenthub.sandbox.vendor.SimulatedVendor;
import io.fulfillmenthub.sandbox.vendor.Vendors;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Injects the API faults in front of every vendor API, once for all vendors: a pre-matching
 * request filter, so it runs before any resource or access rule of a vendor (and after the call
 * recorder's route). A call is first held while a freeze covers it, then delayed by a latency, then
 * answered by an error fault or passed on to the vendor. Holding and delaying suspend the request
 * on timers, never blocking a thread, and each step is recorded on the call.
 *
 * <p>A filter rather than a Vert.x route that calls {@code next()} later: Quarkus REST has taken the
 * request over before it is held, so the wait depends on no rule of the HTTP version about when a
 * request may still be paused, and an injected answer goes out like any other.
 */
@ApplicationScoped
class VendorFaultInjector {

    private final FaultBook book;
    private final ObjectMapper json;
    private final Vendors vendors;

    VendorFaultInjector(FaultBook book, ObjectMapper json, Vendors vendors) {
        this.book = book;
        this.json = json;
        this.vendors = vendors;
    }

    /** Completes with null to let the call through, or with the fault's answer. */
    @ServerRequestFilter(preMatching = true)
    Uni<Response> inject(RoutingContext context) {
        Optional<SimulatedVendor> vendor = vendors.servingPath(context.request().path());
        if (vendor.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().emitter(emitter -> new FaultedCall(vendor.get(), context, emitter).whileFrozen());
    }

    /** One call on its way through the faults; every step runs on the call's event loop. */
    private final class FaultedCall {

        private final SimulatedVendor vendor;
        private final RoutingContext context;
        private final UniEmitter<? super Response> outcome;
        private final CallFaults faults;
        private final String method;
        private final String path;
        private Fault holder;
        private HeldCall held;
        private boolean gone;

        FaultedCall(SimulatedVendor vendor, RoutingContext context, UniEmitter<? super Response> outcome) {
            this.vendor = vendor;
            this.context = context;
            this.outcome = outcome;
            this.faults = CallFaults.of(context);
            this.method = context.request().method().name();
            this.path = context.request().path();
            context.addEndHandler(ended -> {
                if (ended.failed()) {
                    goneAway();
                }
            });
        }

        /** Held while a freeze covers the call; a freeze that began meanwhile holds it again. */
        void whileFrozen() {
            Optional<Fault> freeze = book.claim(vendor, FaultKind.FREEZE, method, path);
            if (freeze.isEmpty()) {
                delayed();
                return;
            }
            applied(freeze.get());
            hold(freeze.get(), this::whileFrozen, null);
        }

        void delayed() {
            Optional<Fault> latency = book.claim(vendor, FaultKind.LATENCY, method, path);
            if (latency.isEmpty()) {
                answered();
                return;
            }
            applied(latency.get());
            hold(latency.get(), this::answered, latency.get().spec().latencyMs());
        }

        void answered() {
            Optional<Fault> error = book.claim(vendor, FaultKind.ERROR, method, path);
            if (error.isEmpty()) {
                faults.reachedVendor();
                outcome.complete(null);
                return;
            }
            applied(error.get());
            answerWith(error.get());
        }

        /** Holds the call until the fault lets it go, or its own wait (if any) is over. */
        private void hold(Fault fault, Runnable then, Long waitMs) {
            HeldCall call = new HeldCall(context.vertx().getOrCreateContext(), () -> {
                holder = null;
                held = null;
                if (gone) {
                    // Settles the suspended request; the answer goes nowhere.
                    outcome.complete(Response.status(Response.Status.SERVICE_UNAVAILABLE).build());
                } else {
                    then.run();
                }
            });
            if (!fault.hold(call)) {
                then.run();
                return;
            }
            holder = fault;
            held = call;
            if (waitMs != null) {
                context.vertx().setTimer(waitMs, timer -> fault.release(call));
            }
        }

        private void goneAway() {
            gone = true;
            if (held != null) {
                holder.release(held);
            }
        }

        private void applied(Fault fault) {
            faults.applied(fault.id(), fault.kind().wire());
        }

        private void answerWith(Fault fault) {
            int status = fault.spec().status();
            String message = HttpResponseStatus.valueOf(status).reasonPhrase() + " (sandbox fault " + fault.id() + ")";
            Response.ResponseBuilder answer = Response.status(status)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(errorBody(status, message));
            if (fault.spec().retryAfterSeconds() != null) {
                answer.header("Retry-After", Integer.toString(fault.spec().retryAfterSeconds()));
            }
            outcome.complete(answer.build());
        }

        private String errorBody(int status, String message) {
            Object body = vendor.injectedErrorBody(status, message).orElse(Map.of("message", message));
            try {
                return json.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
