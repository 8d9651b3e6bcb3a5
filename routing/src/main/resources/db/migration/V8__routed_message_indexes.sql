-- routed_message is read by message id (redeliveries, the published flag) and by the republisher,
-- which looks for decisions the broker never acknowledged. That query scanned the whole decision
-- history every few seconds (148 ms at 100,000 rows, and the history is kept): a partial index holds
-- only the unpublished rows, usually none.
CREATE INDEX routed_message_unpublished ON routing.routed_message (decided_at) WHERE published_at IS NULL;

-- No query reads decisions by conversation, agent or contact (the contact's conversations have their
-- own table since V7): these indexes only cost every decision three more index writes, one of them
-- parsing the event's JSON. A view that needs one adds it back with its query.
DROP INDEX routing.routed_message_conversation;
DROP INDEX routing.routed_message_agent;
DROP INDEX routing.routed_message_contact;
