-- A decision is stored, published, then marked published. Marking set routed_message.published_at, which
-- the partial index of the unpublished rows names in its predicate: PostgreSQL could never update the row
-- in place (HOT), so every decision was written twice, event (~1.4 kB of JSON) and index entry included,
-- and left a dead copy for vacuum. The decisions still to publish are now rows of their own, inserted with
-- the decision and deleted once the broker acknowledged it: a small row and a delete instead of a rewrite.
CREATE TABLE routing.unpublished_decision (
    message_id uuid        PRIMARY KEY REFERENCES routing.routed_message (message_id) ON DELETE CASCADE,
    decided_at timestamptz NOT NULL
);
-- The republisher takes the oldest first.
CREATE INDEX unpublished_decision_age ON routing.unpublished_decision (decided_at);

INSERT INTO routing.unpublished_decision (message_id, decided_at)
SELECT message_id, decided_at FROM routing.routed_message WHERE published_at IS NULL;

DROP INDEX routing.routed_message_unpublished;
ALTER TABLE routing.routed_message DROP COLUMN published_at;
