-- Issue 5: status workflow, tiers, follow-ups, optimistic locking, agents' replies and notes,
-- delivery statuses, and the transactional outbox the relay publishes from.

alter table ticket.ticket
    -- Optimistic locking: a write based on a stale read updates no row and is refused (409).
    add column version           bigint      not null default 0,
    -- Change sequence of the ticket's events: event id = UUID v5(ticket id, seq), so a replay is recognisable.
    add column event_seq         bigint      not null default 0,
    add column tier              smallint    not null default 1 check (tier between 1 and 3),
    add column reopen_count      integer     not null default 0,
    -- Set on a ticket opened by a message that arrived after its conversation's ticket was closed.
    add column follow_up_of      uuid references ticket.ticket (id),
    -- Where the customer can be reached: on the ticket's own channel, by email, by phone.
    add column recipient         varchar(500),
    add column contact_email     varchar(300),
    add column contact_phone     varchar(50),
    add column first_response_at timestamptz,
    add column solved_at         timestamptz,
    add column closed_at         timestamptz;

alter table ticket.message drop constraint message_direction_check;
alter table ticket.message
    -- INTERNAL: an agent's note, never sent to the customer.
    add constraint message_direction_check check (direction in ('INBOUND', 'OUTBOUND', 'INTERNAL')),
    -- An outbound message gets its provider id only once the channel sent it.
    alter column provider_message_id drop not null,
    add column author            varchar(200),
    add column recipient         varchar(500),
    add column delivery_status   varchar(20)
        check (delivery_status in ('QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED')),
    add column delivery_error    varchar(500),
    add column delivery_updated_at timestamptz;

-- Delivery statuses find our outbound message by the provider's id.
create index message_outbound_by_provider_id
    on ticket.message (channel, provider_message_id) where direction = 'OUTBOUND';

-- Written in the same transaction as the change it announces; the relay publishes rows in seq
-- order and sets sent_at only after the broker acknowledged them.
create table ticket.outbox (
    seq        bigserial primary key,
    -- The CloudEvents id: deterministic, so a republished row carries the id it had the first time.
    event_id   uuid         not null unique,
    kind       varchar(20)  not null check (kind in ('TICKET_EVENT', 'OUTBOUND_MESSAGE')),
    topic      varchar(200) not null,
    record_key varchar(500) not null,
    payload    text         not null,
    created_at timestamptz  not null,
    sent_at    timestamptz
);

create index outbox_unsent on ticket.outbox (seq) where sent_at is null;
