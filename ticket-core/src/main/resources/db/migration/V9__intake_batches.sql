-- Intake writes a whole batch of routing events at its commit, with the inserts grouped per table
-- (Hibernate's order_inserts) so that they go out as statement batches: within that transaction a
-- message may be inserted before the ticket it belongs to. The references to a ticket are therefore
-- checked at commit, not per statement; a transaction still cannot commit a dangling reference.
alter table ticket.message alter constraint message_ticket_id_fkey deferrable initially deferred;
alter table ticket.ticket alter constraint ticket_follow_up_of_fkey deferrable initially deferred;
alter table ticket.csat_survey alter constraint csat_survey_ticket_id_fkey deferrable initially deferred;
alter table ticket.csat alter constraint csat_ticket_id_fkey deferrable initially deferred;

-- An intake batch asks for the latest ticket of each of its conversations in one query: find a
-- conversation's tickets without scanning the table.
create index ticket_by_conversation on ticket.ticket (conversation_key, created_at, number);
