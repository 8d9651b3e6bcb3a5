-- Every message routing has seen, with the decision it made. The primary key is the message's
-- deterministic id: a redelivered message cannot be routed twice.
CREATE TABLE routing.routed_message (
    message_id       uuid        PRIMARY KEY,
    channel          text        NOT NULL,
    conversation_key text        NOT NULL,
    agent_id         text,
    decided_at       timestamptz NOT NULL,
    -- The published event, kept so that a decision is served and can be re-published unchanged.
    event            jsonb       NOT NULL,
    -- Null until the broker acknowledged the event: a crash in between re-publishes on redelivery.
    published_at     timestamptz
);

CREATE INDEX routed_message_conversation ON routing.routed_message (conversation_key, decided_at DESC);
CREATE INDEX routed_message_agent ON routing.routed_message (agent_id, decided_at);
