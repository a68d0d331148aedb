-- Outbox rows leave once the broker has acked them: the relay deletes them instead of setting sent_at.
-- Setting sent_at was never a HOT update (sent_at is in the predicate of the partial index
-- outbox_unsent), so each published row cost a whole new copy of its ~1 KB tuple, its WAL, and new
-- entries in the primary key and ce_id indexes. A delete only marks the tuple dead (a small WAL
-- record, no index entries); vacuum reclaims it. The table now holds only the rows waiting to be
-- published, and the relay reads them in id order on the primary key.

DROP INDEX outbox_unsent;

-- already published: nothing waits for them
DELETE FROM outbox WHERE sent_at IS NOT NULL;

ALTER TABLE outbox DROP COLUMN sent_at;

-- ce_id stays UNIQUE: it now guards the rows waiting to be published (no message waits twice). Once a
-- row is deleted its ce_id is free again: the inbox keeps a fact from being applied twice, and a
-- message published again (a crash between the ack and the delete) keeps its ce_id, on which consumers
-- dedupe.

-- A queue: every row is inserted and soon deleted, so dead tuples and dead index entries (those of the
-- primary key right in front of the relay's ORDER BY id scan) come as fast as orders. The default
-- trigger, 50 dead rows plus 20% of the table's estimated size, follows that estimate, which a backlog
-- (the broker away for a while) makes large just before the relay drains the table: vacuum would then
-- wait for hundreds of thousands of dead rows. Vacuum it once about a thousand rows (about 1 MB of
-- payload) are dead, whatever its size.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
