-- Inbox: a consumer inserts (consumer, message id) in the same transaction as its effect; a duplicate
-- key means the message was already handled (DESIGN.md, State and delivery guarantees).
CREATE TABLE processed_message (
    consumer     text        NOT NULL,
    message_id   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
