-- Classification rules, edited over /api/rules and applied without a redeploy.
-- conditions and actions hold the JSON of Rule.Conditions and Rule.Actions (see RuleEngine).
CREATE TABLE routing.rule (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    enabled    boolean     NOT NULL DEFAULT true,
    -- "order" in the API; lower runs first (first match wins per field, boosts add up).
    position   integer     NOT NULL,
    conditions jsonb       NOT NULL,
    actions    jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- One counter, bumped with every rule change: each routing instance compares it to the
-- revision of its cached rule set and reloads when they differ.
CREATE TABLE routing.rule_revision (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    revision  bigint  NOT NULL
);
INSERT INTO routing.rule_revision (singleton, revision) VALUES (true, 1);

-- Sensible defaults an admin can change or delete.
INSERT INTO routing.rule (id, name, enabled, position, conditions, actions) VALUES
 (gen_random_uuid(), 'Urgency words raise the priority', true, 10,
  '{"keywords": ["urgent", "asap", "outage", "down", "emergency", "dringend", "sofort", "urgente"]}',
  '{"boost": 1}'),
 (gen_random_uuid(), 'Enterprise customers come first', true, 20,
  '{"plans": ["enterprise"]}',
  '{"boost": 1}'),
 (gen_random_uuid(), 'Billing questions go to billing', true, 100,
  '{"keywords": ["invoice", "billing", "refund", "charged", "payment", "credit card", "receipt", "rechnung", "factuur"]}',
  '{"category": "billing", "skill": "billing"}'),
 (gen_random_uuid(), 'Connection trouble is connectivity', true, 110,
  '{"keywords": ["router", "wifi", "wi-fi", "wlan", "connection", "internet", "no signal", "modem"]}',
  '{"category": "connectivity", "skill": "connectivity"}'),
 (gen_random_uuid(), 'Sign-in trouble is account', true, 120,
  '{"keywords": ["password", "login", "log in", "sign in", "locked out", "two-factor", "2fa"]}',
  '{"category": "account", "skill": "account"}'),
 (gen_random_uuid(), 'Crashes and errors are bugs', true, 200,
  '{"keywords": ["crash", "crashes", "crashed", "error", "bug", "broken", "freezes"]}',
  '{"type": "bug"}'),
 (gen_random_uuid(), 'How-to questions', true, 210,
  '{"keywords": ["how do i", "how can i", "how to", "is it possible", "where can i"]}',
  '{"type": "question"}'),
 (gen_random_uuid(), 'Feature wishes', true, 220,
  '{"keywords": ["feature request", "would be nice", "please add", "it would be great"]}',
  '{"type": "feature"}');

-- Dedup kind (b): one key per mail, whichever route (IMAP, SMTP forward, webhook) delivered it
-- first. kind says what the key is ("email-message-id": the normalised RFC 5322 Message-ID).
CREATE TABLE routing.seen_message_key (
    kind       text        NOT NULL,
    key        text        NOT NULL,
    message_id uuid        NOT NULL,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, key)
);
CREATE INDEX seen_message_key_seen_at ON routing.seen_message_key (seen_at);

-- Dedup kind (c): recent messages of each contact, candidates for "the same problem on another
-- channel". Rows older than the window are pruned.
CREATE TABLE routing.recent_message (
    message_id       uuid        PRIMARY KEY,
    contact_id       uuid        NOT NULL,
    channel          text        NOT NULL,
    conversation_key text        NOT NULL,
    received_at      timestamptz NOT NULL,
    normalised_text  text        NOT NULL
);
CREATE INDEX recent_message_contact ON routing.recent_message (contact_id, received_at DESC);
CREATE INDEX recent_message_received_at ON routing.recent_message (received_at);
