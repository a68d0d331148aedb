package io.fulfillmenthub.ingest.service;

/** Why a webhook was refused: its HTTP status and the error code in the answer and the metrics. */
public enum Rejection {

    BODY_TOO_LARGE(413, "body_too_large"),
    BODY_TIMEOUT(408, "body_timeout"),
    BUSY(503, "busy"),
    RATE_LIMITED(429, "rate_limited"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    INVALID_SIGNATURE(401, "invalid_signature"),
    INVALID_JSON(400, "invalid_json"),
    INVALID_FORM(400, "invalid_form"),
    MISSING_FIELD(400, "missing_field"),
    INVALID_FIELD(400, "invalid_field"),
    DELIVERY_ID_REUSED(409, "delivery_id_reused");

    private final int status;
    private final String code;

    Rejection(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
