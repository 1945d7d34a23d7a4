-- Check-ins the offices report to the hub (issue #17), once each whatever the channel delivers twice.
CREATE TABLE hub_checkins (
  office_id text NOT NULL,
  booking_id text NOT NULL,
  ticket_number text NOT NULL,
  checked_in_at bigint NOT NULL,
  PRIMARY KEY (office_id, booking_id)
);
