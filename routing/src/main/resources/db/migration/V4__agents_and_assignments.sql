-- Agents as routing sees them, one JSON document each (the API's shape): read whole into memory
-- at start and after every change, never queried piecemeal.
CREATE TABLE routing.agent (
    id         text        PRIMARY KEY,
    doc        jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Who holds each open conversation: the agents' load is the count of their rows per channel.
-- Written in the decision's transaction; removed when ticket-core reports the ticket solved or closed.
CREATE TABLE routing.conversation_assignment (
    conversation_key text        PRIMARY KEY,
    agent_id         text        NOT NULL,
    channel          text        NOT NULL,
    assigned_at      timestamptz NOT NULL
);
CREATE INDEX conversation_assignment_agent ON routing.conversation_assignment (agent_id, channel);

-- Conversations waiting for an agent, one row per conversation, drained in urgency order.
CREATE TABLE routing.queued_work (
    conversation_key text        PRIMARY KEY,
    message_id       uuid        NOT NULL,
    channel          text        NOT NULL,
    priority_rank    int         NOT NULL,
    work             jsonb       NOT NULL,
    queued_at        timestamptz NOT NULL
);
CREATE INDEX queued_work_urgency ON routing.queued_work (priority_rank, queued_at);

-- Ticket events already applied, so that a redelivered "solved" frees capacity once.
CREATE TABLE routing.applied_ticket_event (
    event_id   uuid        PRIMARY KEY,
    applied_at timestamptz NOT NULL
);
