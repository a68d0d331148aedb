package io.fulfillmenthub.kit.http;

import io.fulfillmenthub.kit.failure.Backoff;
import io.fulfillmenthub.kit.failure.Failures;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one way a vendor call is repeated within one message's handling: what is worth repeating
 * ({@link #retryable}), how long to wait ({@link Backoff}: exponential, capped, equal jitter, a
 * {@code Retry-After} waited out even when longer than the step), and how many attempts. After the
 * last attempt, or when the vendor asks to wait longer than {@code maxDelay}, the failure is the
 * caller's: the consumer ({@code PerOrderLanes}) tries the message again with its own back-off.
 *
 * @param maxRetries repeats after the first attempt
 * @param maxDuration no repeat starts when its wait would end later than this after the first attempt
 * @param attemptTimeout each attempt fails with a timeout after this long; null for none
 */
public record VendorRetry(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxDuration,
        Duration attemptTimeout) {

    /** Types known by name, so this class needs none of their libraries. */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "jakarta.ws.rs.ProcessingException",
            "org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException",
            "io.quarkus.oidc.client.OidcClientException",
            "io.vertx.core.VertxException");

    public VendorRetry {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max-retries must not be negative, was " + maxRetries);
        }
        new Backoff(initialDelay, maxDelay); // refuses a bad pair at start, naming both
    }

    /**
     * The retryable rule: a connection failure or a timeout, or a vendor answer ({@link VendorStatus}) of
     * 5xx or 429, unless the vendor documents that answer otherwise ({@link VendorStatus#retryable()}). No other 4xx: a 400 stays a 400, and a
     * 401 or 403 is a credentials problem for an operator, which the consumer waits out.
     */
    public static boolean retryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof VendorStatus answer) {
                return answer.retryable();
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException || isA(cause, CONNECTION_FAILURES)) {
                return true;
            }
        }
        return false;
    }

    /** 5xx and 429. */
    public static boolean retryableStatus(int status) {
        return status >= 500 && status <= 599 || status == 429;
    }

    /** The call, each attempt a fresh subscription to {@code attempt}, repeated as the class says. */
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        Backoff backoff = new Backoff(initialDelay, maxDelay);
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            Uni<T> once = Uni.createFrom().deferred(attempt::get);
            if (attemptTimeout != null) {
                once = once.ifNoItem().after(attemptTimeout).fail();
            }
            return once.onFailure(VendorRetry::retryable).retry().when(failures -> failures.onItem().transformToUniAndConcatenate(failure -> {
                int attempts = failed.incrementAndGet();
                Duration wait = backoff.after(attempts, failure);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (attempts > maxRetries || Failures.asksToWaitLongerThan(failure, maxDelay)
                        || elapsed.plus(wait).compareTo(maxDuration) > 0) {
                    return Uni.createFrom().failure(failure);
                }
                return wait.isZero() ? Uni.createFrom().item(attempts)
                        : Uni.createFrom().item(attempts).onItem().delayIt().by(wait);
            }));
        });
    }

    private static boolean isA(Throwable failure, Set<String> typeNames) {
        for (Class<?> type = failure.getClass(); type != null && type != Throwable.class; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
