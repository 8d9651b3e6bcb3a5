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
