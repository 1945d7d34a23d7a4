-- The hub's bookings (issue #17): one row per booking of any office, the record itself as JSON, and
-- the columns the hold's locks and lookups need, indexed.
CREATE TABLE hub_bookings (
  id text PRIMARY KEY,
  office_id text NOT NULL,
  service_id text NOT NULL,
  day date NOT NULL,
  starts_at bigint NOT NULL,
  status text NOT NULL,
  held_until bigint NOT NULL,
  email_key text NOT NULL,
  client_key text,
  record jsonb NOT NULL
);
CREATE INDEX hub_bookings_day ON hub_bookings (office_id, service_id, day);
CREATE INDEX hub_bookings_email ON hub_bookings (office_id, email_key);
CREATE INDEX hub_bookings_client ON hub_bookings (office_id, client_key);
