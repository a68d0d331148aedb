package io.fulfillmenthub.sandbox.spresso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.calls.Vendor;
import io.fulfillmenthub.sandbox.faults.InjectedErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An injected 5xx or 429 in Spresso's error body {@code {"error", "message"}}. [unknown] The codes
 * {@code rate_limited} and {@code service_unavailable} are the sandbox's own; Spresso documents none.
 */
@ApplicationScoped
class SpressoInjectedErrorBody implements InjectedErrorBody {

    private final ObjectMapper json;

    SpressoInjectedErrorBody(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Vendor vendor() {
        return Vendor.SPRESSO;
    }

    @Override
    public String json(int status, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", status == 429 ? "rate_limited" : "service_unavailable");
        body.put("message", message);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
