-- The stores the office server already has (broker/store/), for a hub on PostgreSQL: each office's
-- queue (its day's snapshot, the journal since, the finished days) and named JSON documents.
CREATE TABLE documents (
  name text PRIMARY KEY,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queue_days (
  office_id text PRIMARY KEY,
  snapshot jsonb NOT NULL
);

CREATE TABLE queue_journal (
  office_id text NOT NULL REFERENCES queue_days (office_id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  entry jsonb NOT NULL,
  PRIMARY KEY (office_id, seq)
);

CREATE TABLE queue_archive (
  office_id text NOT NULL,
  day date NOT NULL,
  state jsonb NOT NULL,
  PRIMARY KEY (office_id, day)
);
