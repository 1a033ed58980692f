-- Backroom schema version 2: what importing channel exports needs.
-- * import_runs gains the file's format and header row (so the raw rows kept in
--   order_sources can be re-read by column name), the counts an import reports and
--   the status 'rejected' for a file that was refused.
-- * order_sources keeps every version of each order's raw records as the channel
--   sent them: a support question is answered from the original, and a later fix
--   to an importer can re-derive the order.
-- * orders.import_hash fingerprints the imported content, so re-importing the same
--   export compares one value per order and writes nothing; orders.channel_state
--   is what the channel last said (open, cancelled, shipped), so an update can tell
--   what changed on the channel from what Backroom did itself.
-- * customers.postcode: a buyer without an e-mail is found again by name and postcode.
--
-- A CHECK constraint cannot be altered in SQLite, so import_runs is rebuilt. The
-- migration runs in a transaction with foreign keys on: the child table
-- import_row_errors is set aside first (its ON DELETE CASCADE would empty it), and
-- the check of orders.import_run_id is deferred to COMMIT, by when every run is back
-- under the same id.

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE import_runs_v1 AS SELECT * FROM import_runs;
CREATE TEMP TABLE import_row_errors_v1 AS SELECT * FROM import_row_errors;
DROP TABLE import_row_errors;
DROP TABLE import_runs;

CREATE TABLE import_runs (
    id               INTEGER PRIMARY KEY,
    channel_id       INTEGER REFERENCES channels(id),
    source           TEXT NOT NULL CHECK (source IN ('file', 'api', 'demo')),
    format           TEXT,            -- shopify, amazon, ebay; NULL when it could not be told
    file_name        TEXT,
    file_sha256      TEXT,
    header           TEXT,            -- the file's header row as one CSV record
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    status           TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed',
                         'cancelled', 'rejected')),
    rows_read        INTEGER NOT NULL DEFAULT 0,
    orders_created   INTEGER NOT NULL DEFAULT 0,
    orders_updated   INTEGER NOT NULL DEFAULT 0,
    orders_unchanged INTEGER NOT NULL DEFAULT 0,
    lines            INTEGER NOT NULL DEFAULT 0,
    on_hold          INTEGER NOT NULL DEFAULT 0,
    rows_rejected    INTEGER NOT NULL DEFAULT 0,
    message          TEXT,
    user_name        TEXT NOT NULL
);
INSERT INTO import_runs (id, channel_id, source, file_name, file_sha256, started_at, finished_at,
                         status, rows_read, orders_created, orders_updated, rows_rejected,
                         message, user_name)
SELECT id, channel_id, source, file_name, file_sha256, started_at, finished_at, status,
       rows_read, orders_created, orders_updated, rows_rejected, message, user_name
FROM temp.import_runs_v1;
CREATE INDEX import_runs_started ON import_runs(started_at);

CREATE TABLE import_row_errors (
    id            INTEGER PRIMARY KEY,
    import_run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
    row_number    INTEGER NOT NULL,
    field         TEXT,
    message       TEXT NOT NULL,
    raw           TEXT
);
INSERT INTO import_row_errors SELECT * FROM temp.import_row_errors_v1;
CREATE INDEX import_row_errors_run ON import_row_errors(import_run_id, row_number);

DROP TABLE temp.import_runs_v1;
DROP TABLE temp.import_row_errors_v1;

-- Each order's raw records, one row per import that created or changed it.
CREATE TABLE order_sources (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    import_run_id INTEGER NOT NULL REFERENCES import_runs(id),
    first_row     INTEGER NOT NULL,   -- line of the file its first record starts on
    rows          TEXT NOT NULL       -- its records as CSV text, re-quoted, one per line
);
CREATE INDEX order_sources_order ON order_sources(order_id, id);

ALTER TABLE orders ADD COLUMN import_hash TEXT;
ALTER TABLE orders ADD COLUMN channel_state TEXT
    CHECK (channel_state IN ('open', 'cancelled', 'shipped'));

ALTER TABLE customers ADD COLUMN postcode TEXT;
CREATE INDEX customers_name_postcode ON customers(name, postcode);
