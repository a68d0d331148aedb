package io.fulfillmenthub.ingest.rest;

import io.fulfillmenthub.ingest.config.IngestConfig;
import io.fulfillmenthub.ingest.service.WebhookResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** The HTTP answer to each webhook outcome. */
@ApplicationScoped
public class WebhookResponses {

    static final String UNAVAILABLE = "broker_unavailable";
    static final String UNKNOWN_SOURCE = "unknown_source";

    @Inject
    IngestConfig config;

    /** A 404 for {@code POST /webhooks/<name>} when no source of that name is configured. */
    public RestResponse<Object> unknownSource(String name, String configured) {
        return RestResponse.ResponseBuilder.<Object> create(RestResponse.Status.NOT_FOUND)
                .entity(new WebhookError(UNKNOWN_SOURCE, "no webhook source '" + name + "' is configured"
                        + (configured.isEmpty() ? "" : "; configured: " + configured)))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    public RestResponse<Object> of(WebhookResult result) {
        if (result instanceof WebhookResult.Accepted accepted) {
            return RestResponse.ok(new WebhookReceipt(accepted.duplicate() ? "duplicate" : "accepted", accepted.id()),
                    MediaType.APPLICATION_JSON_TYPE);
        }
        if (result instanceof WebhookResult.Rejected rejected) {
            return RestResponse.ResponseBuilder.<Object> create(rejected.reason().status())
                    .entity(new WebhookError(rejected.reason().code(), rejected.message()))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        WebhookResult.Unavailable unavailable = (WebhookResult.Unavailable) result;
        return RestResponse.ResponseBuilder.<Object> create(RestResponse.Status.SERVICE_UNAVAILABLE)
                .entity(new WebhookError(UNAVAILABLE, unavailable.message()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                .build();
    }
}
