-- The hub's booking site (issue #17): the offices it books for, the mails its changes queue, the
-- proofs of work already spent, the links of holds that lapsed; and the lookups by link and code.
CREATE TABLE hub_offices (
  id text PRIMARY KEY,
  config jsonb NOT NULL,
  suspension jsonb,
  -- Keys client addresses for the per-address limits (never stored plain), the same in every process.
  address_salt text NOT NULL
);
CREATE TABLE hub_outbox (
  id text PRIMARY KEY,
  office_id text NOT NULL,
  -- The queued mail (outbox-queue.ts Queued<MailMessage>): what, when queued, tries so far.
  queued jsonb NOT NULL,
  -- Not tried before this; a process sending it moves it on first, so no other one sends it too.
  next_attempt_at bigint NOT NULL
);
CREATE INDEX hub_outbox_due ON hub_outbox (next_attempt_at);
CREATE TABLE hub_spent_proofs (
  signature text PRIMARY KEY,
  expires_at bigint NOT NULL
);
CREATE INDEX hub_spent_proofs_expiry ON hub_spent_proofs (expires_at);
CREATE TABLE hub_lapsed_holds (
  office_id text NOT NULL,
  token text NOT NULL,
  record jsonb NOT NULL,
  forget_at bigint NOT NULL,
  PRIMARY KEY (office_id, token)
);
CREATE INDEX hub_bookings_token ON hub_bookings (office_id, (record->>'confirmToken'));
-- A code is unique among an office's confirmed bookings: two processes drawing the same one at once
-- cannot both store it (the second's transaction fails and is tried again with another).
CREATE UNIQUE INDEX hub_bookings_code ON hub_bookings (office_id, (record->>'code')) WHERE status = 'confirmed';
CREATE INDEX hub_bookings_held ON hub_bookings (held_until) WHERE status = 'held';
