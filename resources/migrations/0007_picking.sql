-- Backroom schema version 7: pick lists.
-- A pick list gathers ready orders of one location into numbered slots (totes or
-- cart shelves, one order each) and lists what to take from which bin, in walking
-- order. Creating it moves its orders to 'picking'; the pack bench reads
-- pick_lists and pick_list_orders to find an order by its slot barcode
-- ("PL-000012-03": the list code, a dash, the slot number zero-padded to 2 digits).

CREATE TABLE pick_lists (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,   -- "PL-000001": "PL-" and the id zero-padded to 6 digits
    location_id INTEGER NOT NULL REFERENCES locations(id),
    kind        TEXT NOT NULL CHECK (kind IN ('batch', 'single')),
    status      TEXT NOT NULL CHECK (status IN ('open', 'picked', 'cancelled')),
    created_at  TEXT NOT NULL,
    user_name   TEXT NOT NULL,
    closed_at   TEXT                    -- when it was marked picked or cancelled
);
CREATE INDEX pick_lists_location_status ON pick_lists(location_id, status, id);

-- The orders on a list, one per slot. An order a short pick took off the list keeps
-- its row (and its slot number) with removed_at set; its status says where it went.
CREATE TABLE pick_list_orders (
    pick_list_id INTEGER NOT NULL REFERENCES pick_lists(id),
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    slot         INTEGER NOT NULL CHECK (slot > 0),
    removed_at   TEXT,
    PRIMARY KEY (pick_list_id, order_id),
    UNIQUE (pick_list_id, slot)
);
CREATE INDEX pick_list_orders_order ON pick_list_orders(order_id);

-- What to take: one line per product and bin, in walking order (line_no), with the
-- units the picker reported missing.
CREATE TABLE pick_list_lines (
    id             INTEGER PRIMARY KEY,
    pick_list_id   INTEGER NOT NULL REFERENCES pick_lists(id),
    line_no        INTEGER NOT NULL CHECK (line_no > 0),
    product_id     INTEGER NOT NULL REFERENCES products(id),
    bin_id         INTEGER REFERENCES bins(id),   -- NULL: the product has no bin there
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    short_quantity INTEGER NOT NULL DEFAULT 0
                   CHECK (short_quantity >= 0 AND short_quantity <= quantity),
    UNIQUE (pick_list_id, line_no)
);

-- How a line's units are shared out: per order line, into that order's slot.
CREATE TABLE pick_list_line_orders (
    pick_list_line_id INTEGER NOT NULL REFERENCES pick_list_lines(id),
    order_line_id     INTEGER NOT NULL REFERENCES order_lines(id),
    slot              INTEGER NOT NULL CHECK (slot > 0),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (pick_list_line_id, order_line_id)
);
CREATE INDEX pick_list_line_orders_order_line ON pick_list_line_orders(order_line_id);

-- Units a picker could not find: the bin held fewer than the ledger said.
INSERT INTO reason_codes (code, label, manual) VALUES
    ('short_pick', 'Short pick: bin was wrong', 0)
ON CONFLICT (code) DO NOTHING;

-- What happens to an order a short pick leaves without its stock: 'hold' puts it on
-- hold for a person to look at; 'backorder' lets it wait for stock like any other.
INSERT INTO settings (key, value) VALUES ('picking.short_pick', 'hold')
ON CONFLICT (key) DO NOTHING;
