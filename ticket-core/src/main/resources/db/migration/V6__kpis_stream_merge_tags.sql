-- Issue 5 (items 5 and 6): what KPIs need on the ticket, tags, merges, CSAT answers, and a
-- NOTIFY per ticket change that drives the agents' live queue stream on every instance.

alter table ticket.ticket
    -- From routing's classification: KPIs group by it.
    add column product           varchar(200),
    -- When an agent first held the ticket: handling time runs from here to solved.
    add column first_assigned_at timestamptz,
    -- A duplicate merged into another ticket: closed, and left out of KPIs so it is not counted twice.
    add column merged_into       uuid references ticket.ticket (id),
    add column tags              text[] not null default '{}';

update ticket.ticket set first_assigned_at = created_at where assignee is not null and first_assigned_at is null;

-- KPIs select a period of creation.
create index ticket_created_at on ticket.ticket (created_at);

-- One notification per committed ticket change (PostgreSQL delivers NOTIFY at commit, in commit
-- order). Every instance LISTENs, so each one's SSE stream sees changes made by any instance.
create function ticket.notify_ticket_change() returns trigger
    language plpgsql as
$$
declare
    kind text;
begin
    if tg_op = 'INSERT' then
        kind := 'created';
    elsif new.status = 'SOLVED' and old.status <> 'SOLVED' then
        kind := 'solved';
    elsif new.assignee is distinct from old.assignee or new.team is distinct from old.team then
        kind := 'assigned';
    else
        kind := 'changed';
    end if;
    perform pg_notify('ticket_changes', json_build_object(
            'kind', kind,
            'id', new.id,
            'number', new.number,
            'status', new.status,
            'priority', new.priority,
            'channel', new.channel,
            'assignee', new.assignee,
            'team', new.team,
            'slaDueAt', new.sla_due_at,
            'version', new.version,
            'previousStatus', case when tg_op = 'UPDATE' then old.status end,
            'previousAssignee', case when tg_op = 'UPDATE' then old.assignee end,
            'previousTeam', case when tg_op = 'UPDATE' then old.team end)::text);
    return null;
end
$$;

create trigger ticket_changes_notify
    after insert or update on ticket.ticket
    for each row execute function ticket.notify_ticket_change();
