package io.fulfillmenthub.sandbox.spod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulfillmenthub.sandbox.calls.Vendor;
import io.fulfillmenthub.sandbox.faults.InjectedErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** An injected 5xx or 429 in SPOD's error body, {@code retryable: true}, as SPOD says of what passes. */
@ApplicationScoped
class SpodInjectedErrorBody implements InjectedErrorBody {

    private final ObjectMapper json;

    SpodInjectedErrorBody(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Vendor vendor() {
        return Vendor.SPOD;
    }

    @Override
    public String json(int status, String message) {
        try {
            return json.writeValueAsString(new SpodError(message, UUID.randomUUID().toString(), true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
