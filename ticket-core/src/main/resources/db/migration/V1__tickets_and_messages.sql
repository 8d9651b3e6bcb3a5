-- Tickets and the messages on them. Redelivery safety rests on message.id (the contract's
-- deterministic message id) being the primary key.

create sequence ticket.ticket_number_seq start with 1000;

create table ticket.ticket (
    id                   uuid primary key,
    number               bigint       not null unique,
    subject              varchar(200),
    status               varchar(20)  not null
        check (status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD', 'ESCALATED', 'SOLVED', 'CLOSED')),
    priority             varchar(20)  not null check (priority in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    -- 0 = critical ... 3 = low: the queue sorts on it.
    priority_rank        smallint     not null,
    channel              varchar(20)  not null,
    inbox                varchar(300),
    conversation_key     varchar(500) not null,
    assignee             varchar(200),
    team                 varchar(200),
    routing_queue        varchar(200),
    contact_id           uuid,
    contact_name         varchar(300),
    contact_identity     varchar(300),
    message_count        integer      not null default 0,
    last_message_preview varchar(200),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);

-- At most one open ticket per conversation: a follow-up joins it instead of opening another.
create unique index ticket_one_open_per_conversation
    on ticket.ticket (conversation_key) where status not in ('SOLVED', 'CLOSED');
create index ticket_queue_order on ticket.ticket (priority_rank, created_at);

create table ticket.message (
    id                  uuid primary key,
    ticket_id           uuid         not null references ticket.ticket (id),
    direction           varchar(10)  not null check (direction in ('INBOUND', 'OUTBOUND')),
    channel             varchar(20)  not null,
    provider_message_id varchar(500) not null,
    sender_name         varchar(300),
    text                text,
    html                text,
    sent_at             timestamptz,
    received_at         timestamptz  not null,
    -- Set when routing linked this message as a duplicate of another conversation's message.
    duplicate_of        uuid,
    similarity          double precision,
    stored_at           timestamptz  not null
);

create index message_by_ticket on ticket.message (ticket_id, received_at);
