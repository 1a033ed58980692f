-- Backroom schema version 12: receiving purchase orders.
-- Conventions as in 0001: times are TEXT ISO-8601 UTC, codes lower-case text.

-- One delivery booked against a purchase order: who counted it and when. Its stock
-- movements carry reference_type 'purchase_order' and the PO number, as the demo's do.
CREATE TABLE po_receipts (
    id                INTEGER PRIMARY KEY,
    purchase_order_id INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    received_at       TEXT NOT NULL,
    user_name         TEXT NOT NULL,
    units_received    INTEGER NOT NULL DEFAULT 0 CHECK (units_received >= 0),
    units_damaged     INTEGER NOT NULL DEFAULT 0 CHECK (units_damaged >= 0)
);
CREATE INDEX po_receipts_po ON po_receipts(purchase_order_id, received_at);

-- What a delivery got wrong, per line: more than was outstanding ('over'), some but
-- fewer ('under', a short delivery), or units that arrived unusable ('damaged': they
-- are booked in as received, then written off with reason 'damaged').
CREATE TABLE po_discrepancies (
    id                     INTEGER PRIMARY KEY,
    purchase_order_id      INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    purchase_order_line_id INTEGER NOT NULL REFERENCES purchase_order_lines(id) ON DELETE CASCADE,
    receipt_id             INTEGER NOT NULL REFERENCES po_receipts(id) ON DELETE CASCADE,
    kind                   TEXT NOT NULL CHECK (kind IN ('over', 'under', 'damaged')),
    quantity               INTEGER NOT NULL CHECK (quantity > 0),
    note                   TEXT,
    user_name              TEXT NOT NULL,
    created_at             TEXT NOT NULL
);
CREATE INDEX po_discrepancies_po ON po_discrepancies(purchase_order_id, id);
CREATE INDEX po_discrepancies_line ON po_discrepancies(purchase_order_line_id);
CREATE INDEX po_discrepancies_receipt ON po_discrepancies(receipt_id);

-- The Purchasing screen filters by supplier (and status).
CREATE INDEX purchase_orders_supplier ON purchase_orders(supplier_id, status);
