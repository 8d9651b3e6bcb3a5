-- The language a conversation is in: the first one told by its channel or detected with confidence. A
-- follow-up keeps it: a short reply ("ok, danke", "merci beaucoup !") is guessed badly from its few
-- n-grams, and a wrong guess would move the conversation away from the agent who speaks its language.
CREATE TABLE routing.conversation_language (
    conversation_key text        PRIMARY KEY,
    language         text        NOT NULL,
    -- The message that set it: a decision's explanation names it.
    message_id       uuid        NOT NULL,
    set_at           timestamptz NOT NULL
);
