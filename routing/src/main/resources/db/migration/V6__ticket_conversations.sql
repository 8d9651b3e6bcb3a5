-- Which conversation a ticket is about (from ticket-core's "created" events), so that routing can
-- act on ticket events that name only the ticket, such as an SLA breach.
CREATE TABLE routing.ticket_conversation (
    ticket_id        uuid PRIMARY KEY,
    conversation_key text NOT NULL
);
