-- The bookings an office in hub mode made itself, by its staff for callers (issue #17): the hub counts
-- their places with its own, so it never sells online a place of a slot the office filled. An office
-- reports each booking's newest state only, one report at a time per booking, so the last one stored wins.
CREATE TABLE hub_office_bookings (
  office_id text NOT NULL,
  booking_id text NOT NULL,
  service_id text NOT NULL,
  day date NOT NULL,
  starts_at bigint NOT NULL,
  status text NOT NULL,
  online boolean NOT NULL,
  PRIMARY KEY (office_id, booking_id)
);
CREATE INDEX hub_office_bookings_day ON hub_office_bookings (office_id, service_id, day);
