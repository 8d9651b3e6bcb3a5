-- A decision's event is written once per message and only ever read back whole (served, re-published).
-- As jsonb PostgreSQL parsed every ~1.4 kB event into its binary form, the costliest part of storing a
-- decision; json keeps the text as routing wrote it (checked to be JSON, still queryable with -> and ->>),
-- so a re-published event is also byte for byte the one first sent.
ALTER TABLE routing.routed_message ALTER COLUMN event TYPE json USING event::json;
