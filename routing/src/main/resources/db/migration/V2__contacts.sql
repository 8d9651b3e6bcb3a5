-- Contacts: one row per person, known by any number of identities (email, phone, channel user ids).
CREATE TABLE routing.contact (
    contact_id     uuid        PRIMARY KEY,
    created_at     timestamptz NOT NULL,
    name           text,
    company        text,
    plan           text,
    revenue_band   text,
    customer_since date,
    language       text,
    location       text,
    products       text[]      NOT NULL DEFAULT '{}',
    -- Set when a merge absorbed this contact; the row stays so that the merge can be undone.
    merged_into    uuid        REFERENCES routing.contact (contact_id),
    last_channel   text
);

CREATE INDEX contact_merged_into ON routing.contact (merged_into) WHERE merged_into IS NOT NULL;

-- An identity belongs to one contact at most: a message is matched by any of its identities.
-- kind is the IdentityKind name (EMAIL, PHONE, ...); value is normalised (lower-case email, E.164 phone).
CREATE TABLE routing.contact_identity (
    kind       text        NOT NULL,
    value      text        NOT NULL,
    contact_id uuid        NOT NULL REFERENCES routing.contact (contact_id),
    linked_at  timestamptz NOT NULL,
    PRIMARY KEY (kind, value)
);

CREATE INDEX contact_identity_contact ON routing.contact_identity (contact_id);

-- Every merge, automatic or by an admin: who, why, with which evidence, and both contacts as they
-- were before (so that an undo restores them exactly).
CREATE TABLE routing.contact_merge (
    merge_id    uuid        PRIMARY KEY,
    survivor_id uuid        NOT NULL REFERENCES routing.contact (contact_id),
    absorbed_id uuid        NOT NULL REFERENCES routing.contact (contact_id),
    merged_at   timestamptz NOT NULL,
    merged_by   text        NOT NULL,
    reason      text        NOT NULL,
    evidence    text[]      NOT NULL DEFAULT '{}',
    before      jsonb       NOT NULL,
    undone_at   timestamptz,
    undone_by   text
);

CREATE INDEX contact_merge_survivor ON routing.contact_merge (survivor_id, merged_at);
CREATE INDEX contact_merge_absorbed ON routing.contact_merge (absorbed_id, merged_at);

-- Open conversations per contact are counted from the decisions routing published.
CREATE INDEX routed_message_contact ON routing.routed_message ((event->'contact'->>'contactId'));
