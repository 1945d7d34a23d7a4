-- The hub's staff (issue #17): an account belongs to one office, or to none for the region's staff,
-- who may enter every office. Sessions and the wrong passwords are here too, not in a process: any
-- booking process answers the next request of a session, and a guesser spreading attempts over the
-- processes is slowed as at one. A session row keeps only its token's hash.
CREATE TABLE hub_staff (
  username text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('clerk', 'admin')),
  office_id text REFERENCES hub_offices (id),
  password_hash text NOT NULL,
  created_at bigint NOT NULL,
  disabled boolean NOT NULL DEFAULT false
);
CREATE TABLE hub_staff_sessions (
  key text PRIMARY KEY,
  username text NOT NULL REFERENCES hub_staff (username) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL
);
CREATE INDEX hub_staff_sessions_user ON hub_staff_sessions (username);
-- One row per name from one address, per name and per address (login-throttle.ts).
CREATE TABLE hub_login_failures (
  key text PRIMARY KEY,
  count int NOT NULL,
  last_at bigint NOT NULL
);
