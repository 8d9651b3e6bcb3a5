-- Issue 5 (speed): the queue reads a page of 50 open tickets in queue order (priority, SLA due,
-- created, number) within a team or of an assignee. Partial indexes hold only open tickets (a few
-- percent of the table once it has history), in exactly that order, so a page is a short ordered
-- index range read however many solved and closed tickets there are. The predicate is the list of
-- open statuses as QueueQuery writes it (literals, so every plan can use them).

-- An agent's or supervisor's queue: one ordered range per team (team is null: not yet in a team).
create index ticket_queue_by_team on ticket.ticket (team, priority_rank, sla_due_at, created_at, number)
    where status in ('ESCALATED', 'NEW', 'ON_HOLD', 'OPEN', 'PENDING');

-- "Assigned to me": an agent's own tickets.
create index ticket_queue_by_assignee on ticket.ticket (assignee, priority_rank, sla_due_at, created_at, number)
    where status in ('ESCALATED', 'NEW', 'ON_HOLD', 'OPEN', 'PENDING');

-- An admin's queue (every team).
create index ticket_queue_open on ticket.ticket (priority_rank, sla_due_at, created_at, number)
    where status in ('ESCALATED', 'NEW', 'ON_HOLD', 'OPEN', 'PENDING');

-- The whole-table queue indexes of V1 and V3 are replaced by the partial ones above: they grew with
-- every solved ticket and made the queue walk past closed ones.
drop index if exists ticket.ticket_queue_order;
drop index if exists ticket.ticket_queue_sla_order;

-- The SLA watch runs next to the queue every few seconds: six look-ups of open, running clocks not
-- yet warned (or breached) and due. Without these it read every open ticket's row each time (and the
-- whole table once its cached plan is generic, since the statuses are bound parameters). Each index
-- holds only the clocks still to be announced, so it stays small; status leads the key, so closed
-- tickets whose clock was never marked are skipped in the index, with the statuses bound or not.
-- The predicates repeat SlaWatch's clauses word for word: the planner proves them from the query.
create index ticket_sla_first_response_to_warn on ticket.ticket (status, first_response_due_at)
    where sla_paused_at is null and first_response_at is null and first_response_warned_at is null;
create index ticket_sla_first_response_to_breach on ticket.ticket (status, first_response_due_at)
    where sla_paused_at is null and first_response_at is null and first_response_breached_at is null;
create index ticket_sla_next_response_to_warn on ticket.ticket (status, next_response_due_at)
    where sla_paused_at is null and next_response_due_at is not null and next_response_stopped_at is null
      and next_response_warned_cycle < next_response_cycle;
create index ticket_sla_next_response_to_breach on ticket.ticket (status, next_response_due_at)
    where sla_paused_at is null and next_response_due_at is not null and next_response_stopped_at is null
      and next_response_breached_cycle < next_response_cycle;
create index ticket_sla_resolution_to_warn on ticket.ticket (status, resolution_due_at)
    where sla_paused_at is null and resolution_due_at is not null and resolution_warned_at is null;
create index ticket_sla_resolution_to_breach on ticket.ticket (status, resolution_due_at)
    where sla_paused_at is null and resolution_due_at is not null and resolution_breached_at is null;
