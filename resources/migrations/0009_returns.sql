-- Backroom schema version 9: returns (RMA) from authorisation to restock and refund.
--
-- The returns table of version 1 allowed neither 'refund_pending' nor 'cancelled', and
-- gave every request an RMA number before it was authorised. SQLite cannot change a
-- CHECK constraint in place, so both tables are rebuilt by the documented procedure
-- (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table, copy
-- the rows, drop the old one, rename the new one, recreate the indexes.
--
-- The migration runs inside the runner's transaction with foreign keys on, where
-- PRAGMA foreign_keys cannot be switched off (step 1 of the procedure). Dropping
-- `returns` with foreign keys on would run an implicit DELETE that cascades into
-- return_lines (ON DELETE CASCADE), so return_lines is rebuilt as well and the old
-- child is dropped before the old parent: nothing is ever deleted by a cascade, and
-- every foreign key is checked as the rows are copied.
--
-- Statuses (models/returnauthorisation.h holds the transition table):
--   requested -> authorised (RMA number given) -> received -> inspected
--   -> refund_pending -> refunded -> closed; rejected; cancelled.
-- Restocked and written off are per line (return_lines.disposition), no longer the
-- whole return's status: rows of version 1 in those two statuses were inspected with
-- a refund amount set, so they become 'refund_pending' ('refunded' when refunded_at
-- is set).

CREATE TABLE returns_new (
    id                     INTEGER PRIMARY KEY,
    rma_number             TEXT UNIQUE,   -- NULL until authorised: "RMA-000123"
    order_id               INTEGER NOT NULL REFERENCES orders(id),
    status                 TEXT NOT NULL CHECK (status IN ('requested', 'authorised', 'received',
                               'inspected', 'refund_pending', 'refunded', 'closed', 'rejected',
                               'cancelled')),
    reason                 TEXT NOT NULL,  -- damaged, wrong_item, not_as_described,
                                           -- doesnt_fit, changed_mind, arrived_late
    customer_note          TEXT,
    location_id            INTEGER REFERENCES locations(id),   -- where it comes back to
    suggested_location_id  INTEGER REFERENCES locations(id),   -- what the rule proposed
    location_reason        TEXT,           -- why, in words
    currency               TEXT NOT NULL,
    refund_minor           INTEGER NOT NULL DEFAULT 0 CHECK (refund_minor >= 0),
    shipping_refund_minor  INTEGER NOT NULL DEFAULT 0 CHECK (shipping_refund_minor >= 0),
    restocking_fee_minor   INTEGER NOT NULL DEFAULT 0 CHECK (restocking_fee_minor >= 0),
    refund_reference       TEXT,
    status_reason          TEXT,           -- why it was rejected or cancelled
    exchange_order_id      INTEGER REFERENCES orders(id),      -- the replacement order
    requested_at           TEXT NOT NULL,
    authorised_at          TEXT,
    received_at            TEXT,
    inspected_at           TEXT,
    refund_approved_at     TEXT,
    refunded_at            TEXT,
    closed_at              TEXT,
    user_name              TEXT
);

INSERT INTO returns_new (id, rma_number, order_id, status, reason, customer_note, location_id,
                         currency, refund_minor, restocking_fee_minor, refund_reference,
                         requested_at, authorised_at, received_at, inspected_at,
                         refund_approved_at, refunded_at, closed_at)
SELECT id, rma_number, order_id,
       CASE WHEN status IN ('restocked', 'written_off')
            THEN CASE WHEN refunded_at IS NULL THEN 'refund_pending' ELSE 'refunded' END
            ELSE status END,
       reason, customer_note, location_id, currency, MAX(refund_minor, 0), restocking_fee_minor,
       refund_reference, requested_at, authorised_at, received_at, inspected_at,
       CASE WHEN status IN ('restocked', 'written_off', 'refunded', 'closed')
            THEN inspected_at END,
       refunded_at, closed_at
FROM returns;

CREATE TABLE return_lines_new (
    id                INTEGER PRIMARY KEY,
    return_id         INTEGER NOT NULL REFERENCES returns_new(id) ON DELETE CASCADE,
    order_line_id     INTEGER NOT NULL REFERENCES order_lines(id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    quantity_received INTEGER NOT NULL DEFAULT 0 CHECK (quantity_received >= 0
                          AND quantity_received <= quantity),
    reason            TEXT NOT NULL,
    condition         TEXT CHECK (condition IN ('resellable', 'refurbish', 'damaged')),
    disposition       TEXT CHECK (disposition IN ('restock', 'write_off')),
    location_id       INTEGER REFERENCES locations(id),   -- where it was restocked or written off
    bin_id            INTEGER REFERENCES bins(id),
    note              TEXT,                               -- the write-off reason, or a remark
    inspected_at      TEXT
);

INSERT INTO return_lines_new (id, return_id, order_line_id, quantity, quantity_received, reason,
                              condition, disposition, location_id, bin_id, note, inspected_at)
SELECT l.id, l.return_id, l.order_line_id, l.quantity, MIN(l.quantity_received, l.quantity),
       l.reason, l.condition, l.disposition,
       CASE WHEN l.disposition IS NOT NULL THEN r.location_id END, l.bin_id, l.note,
       CASE WHEN l.disposition IS NOT NULL THEN r.inspected_at END
FROM return_lines l JOIN returns r ON r.id = l.return_id;

DROP TABLE return_lines;
DROP TABLE returns;
ALTER TABLE returns_new RENAME TO returns;
ALTER TABLE return_lines_new RENAME TO return_lines;

CREATE INDEX returns_order ON returns(order_id);
CREATE INDEX returns_status ON returns(status, requested_at);
CREATE INDEX returns_received ON returns(status, received_at);
CREATE INDEX returns_requested ON returns(requested_at, id);
CREATE INDEX return_lines_return ON return_lines(return_id);
CREATE INDEX return_lines_order_line ON return_lines(order_line_id);

-- A return written off is booked in ('return_received', +n) and out again
-- ('write_off', -n) in one transaction: on hand stays the sum of the ledger and
-- available never rises.
INSERT INTO reason_codes (code, label, manual) VALUES ('return_received', 'Return received', 0)
ON CONFLICT (code) DO NOTHING;

-- returns.restocking_fee_percent: taken off the items of a return the shop is not at
-- fault for (doesn't fit, changed mind); returns.inspection_days: a received return
-- waiting longer than this for inspection is listed as overdue.
INSERT INTO settings (key, value) VALUES
    ('returns.restocking_fee_percent', '0'),
    ('returns.inspection_days', '3')
ON CONFLICT (key) DO NOTHING;
