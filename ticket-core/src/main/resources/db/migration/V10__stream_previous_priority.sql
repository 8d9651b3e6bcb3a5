-- The live queue stream filters on priority like GET /api/queue: a priority change can move a ticket into
-- or out of a filtered stream, so the notification also carries the priority before the change.
create or replace function ticket.notify_ticket_change() returns trigger
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
            'previousTeam', case when tg_op = 'UPDATE' then old.team end,
            'previousPriority', case when tg_op = 'UPDATE' then old.priority end)::text);
    return null;
end
$$;
