-- The inbox's retention job (service-kit InboxRetention) deletes the rows handled longer than hub.inbox.retention
-- ago, a batch at a time: without this index each batch would read the whole table. Rows come in about
-- processed_at order, so the index grows at its right edge and the job empties its left. Not CONCURRENTLY:
-- Flyway holds a transaction open for its lock, which CREATE INDEX CONCURRENTLY would wait for without end; the
-- build holds the inbox's inserts back only while it reads the table once.
CREATE INDEX processed_message_by_processed_at ON processed_message (processed_at);
