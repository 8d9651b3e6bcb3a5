-- Issue 5 (items 2 and 4): the next-response clock, SLA per plan, customer notices and CSAT.

alter table ticket.ticket
    -- The customer's plan (from routing's contact context): picks the plan's SLA targets.
    add column plan                          text,
    -- BCP 47 language of the customer, when known: notices format dates in it.
    add column language                      text,
    -- The next-response clock runs once per cycle: a customer message after an agent's reply
    -- starts a cycle, the agent's next reply stops it.
    add column next_response_cycle           integer not null default 0,
    add column next_response_started_at      timestamptz,
    add column next_response_due_at          timestamptz,
    add column next_response_stopped_at      timestamptz,
    -- sla_paused_seconds when the cycle started: the cycle's own pauses are the difference.
    add column next_response_paused_base     bigint not null default 0,
    -- Written by the watch job only; a mark counts for the cycle it names.
    add column next_response_warned_at       timestamptz,
    add column next_response_warned_cycle    integer not null default 0,
    add column next_response_breached_at     timestamptz,
    add column next_response_breached_cycle  integer not null default 0;

-- Notices (acknowledgement, escalation, solved + survey) are outbound messages nobody typed.
alter table ticket.message
    add column automatic boolean not null default false;

-- One survey link per solve; the token is random (256 bits) and expires.
create table ticket.csat_survey (
    token       text primary key,
    ticket_id   uuid not null references ticket.ticket (id),
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index csat_survey_ticket on ticket.csat_survey (ticket_id, expires_at);

-- The customer's rating of a ticket: one row per ticket, a later answer replaces the earlier one.
-- channel: where the answer came from (a channel id, or 'web' for the survey page).
create table ticket.csat (
    ticket_id    uuid primary key references ticket.ticket (id),
    rating       integer not null check (rating between 1 and 5),
    comment      text,
    answered_at  timestamptz not null,
    channel      text not null
);
