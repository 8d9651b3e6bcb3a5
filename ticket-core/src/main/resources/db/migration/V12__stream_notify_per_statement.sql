-- The live queue's notifications, per statement instead of per ticket row. Intake writes a batch's tickets
-- with one statement per table; the per-row trigger's call and NOTIFY for each of them took about a tenth of
-- the database's CPU per stored message, and the listener read one notification per row. A notification
-- now carries a JSON array of the statement's changes (a statement changes a ticket once), cut so that
-- each stays under NOTIFY's 8000-byte limit: a chunk is closed before it would pass 6000 bytes, and one change
-- is at most about 5 kB (ids, enums, and four names of at most 200 characters, each at worst a 6-byte JSON
-- escape). PostgreSQL still delivers them at commit, in commit order.
drop trigger ticket_changes_notify on ticket.ticket;
drop function ticket.notify_ticket_change();

-- One change as the stream reads it; o is null for a new ticket.
create function ticket.ticket_change(n ticket.ticket, o ticket.ticket) returns text
    language sql stable as
$$
select json_build_object(
        'kind', case
                    when o.id is null then 'created'
                    when n.status = 'SOLVED' and o.status <> 'SOLVED' then 'solved'
                    when n.assignee is distinct from o.assignee or n.team is distinct from o.team then 'assigned'
                    else 'changed' end,
        'id', n.id,
        'number', n.number,
        'status', n.status,
        'priority', n.priority,
        'channel', n.channel,
        'assignee', n.assignee,
        'team', n.team,
        'slaDueAt', n.sla_due_at,
        'version', n.version,
        'previousStatus', o.status,
        'previousAssignee', o.assignee,
        'previousTeam', o.team,
        'previousPriority', o.priority)::text
$$;

create function ticket.notify_ticket_changes() returns trigger
    language plpgsql as
$$
declare
    changes text[];
    change  text;
    batch   text := '';
begin
    if tg_op = 'INSERT' then
        changes := array(select ticket.ticket_change(n, null) from new_rows n);
    else
        changes := array(select ticket.ticket_change(n, o) from new_rows n join old_rows o on o.id = n.id);
    end if;
    foreach change in array changes
        loop
            if batch <> '' and octet_length(batch) + octet_length(change) > 6000 then
                perform pg_notify('ticket_changes', '[' || batch || ']');
                batch := '';
            end if;
            batch := case when batch = '' then change else batch || ',' || change end;
        end loop;
    if batch <> '' then
        perform pg_notify('ticket_changes', '[' || batch || ']');
    end if;
    return null;
end
$$;

-- A trigger with transition tables has one event.
create trigger ticket_created_notify
    after insert on ticket.ticket
    referencing new table as new_rows
    for each statement execute function ticket.notify_ticket_changes();

create trigger ticket_changed_notify
    after update on ticket.ticket
    referencing old table as old_rows new table as new_rows
    for each statement execute function ticket.notify_ticket_changes();
