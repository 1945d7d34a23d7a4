-- The offices' copies of the hub's bookings (issue #17): for each booking its office must hear of, the
-- newest message only, with a version from one sequence (an office keeps the highest it has seen);
-- a row goes once the hub's broker has taken that version for the office.
CREATE SEQUENCE hub_booking_versions;
CREATE TABLE hub_office_feed (
  office_id text NOT NULL,
  booking_id text NOT NULL,
  version bigint NOT NULL,
  booking jsonb NOT NULL,
  PRIMARY KEY (office_id, booking_id)
);
-- What the offices report besides their check-ins (hub_checkins): the hub's bookings not checked in by
-- the end of their window, and each finished day's statistics (one service's hour per cell), once
-- each whatever the line delivers twice.
CREATE TABLE hub_no_shows (
  office_id text NOT NULL,
  booking_id text NOT NULL,
  lapsed_at bigint NOT NULL,
  PRIMARY KEY (office_id, booking_id)
);
CREATE TABLE hub_office_days (
  office_id text NOT NULL,
  day date NOT NULL,
  cells jsonb NOT NULL,
  PRIMARY KEY (office_id, day)
);
-- The booking processes' per-address limits (hub-rate-limits.ts): one count per address and route,
-- shared by every process, so behind n processes an address still gets its allowance once.
CREATE TABLE hub_rate_limits (
  key text PRIMARY KEY,
  window_start bigint NOT NULL,
  expires_at bigint NOT NULL,
  count int NOT NULL
);
CREATE INDEX hub_rate_limits_expiry ON hub_rate_limits (expires_at);
