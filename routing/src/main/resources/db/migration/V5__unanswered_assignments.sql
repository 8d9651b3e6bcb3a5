-- An assignment nobody answers is re-offered: remember when the agent first replied, and the work
-- item itself so that it can go back to the queue unchanged (plus the agent who let it wait).
ALTER TABLE routing.conversation_assignment ADD COLUMN answered_at timestamptz;
ALTER TABLE routing.conversation_assignment ADD COLUMN work jsonb;
CREATE INDEX conversation_assignment_unanswered ON routing.conversation_assignment (assigned_at)
    WHERE answered_at IS NULL;
