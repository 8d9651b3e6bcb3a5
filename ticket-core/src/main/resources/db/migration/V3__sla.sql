-- Issue 5: SLA clocks on tickets. Due times are computed in Java (business calendar, policy);
-- the database only stores them so the watch job and the queue can query them.

alter table ticket.ticket
    add column first_response_due_at     timestamptz,
    add column resolution_due_at         timestamptz,
    -- The earliest due time of a clock still running: the queue sorts on it within a priority.
    add column sla_due_at                timestamptz,
    -- Set while the ticket waits on the customer (pending): the clocks stand still.
    add column sla_paused_at             timestamptz,
    -- Business time spent waiting on the customer so far: it is added to every target.
    add column sla_paused_seconds        bigint not null default 0,
    -- Set once each by the watch job: a warning is shown, a breach is published once.
    add column first_response_warned_at  timestamptz,
    add column resolution_warned_at      timestamptz,
    add column first_response_breached_at timestamptz,
    add column resolution_breached_at    timestamptz;

create index ticket_queue_sla_order on ticket.ticket (priority_rank, sla_due_at, created_at);
-- What the watch job scans: open tickets whose clock runs.
create index ticket_sla_running on ticket.ticket (sla_due_at)
    where sla_paused_at is null and status not in ('SOLVED', 'CLOSED');
