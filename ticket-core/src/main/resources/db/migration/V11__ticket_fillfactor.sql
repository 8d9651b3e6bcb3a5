-- Most changes to a ticket (a customer's follow-up: message count, preview, updated_at) touch none of its
-- sixteen indexed columns. With room left on each page PostgreSQL updates such a row in place (a HOT
-- update) instead of writing a new entry into every index. Applies to pages written from now on.
alter table ticket.ticket set (fillfactor = 80);
