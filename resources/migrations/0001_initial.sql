-- Backroom schema version 1: the whole domain of DESIGN.md.
-- Conventions: money is INTEGER minor units beside a TEXT ISO 4217 currency;
-- times are TEXT ISO-8601 in UTC ("2026-11-25T09:30:00Z"); codes are lower-case text.
-- Each statement ends with ';' at the end of a line; the runner splits on complete
-- statements (sqlite3_complete), so ';' inside strings or triggers is safe.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE channels (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,          -- shopify, amazon, ebay
    name         TEXT NOT NULL,
    currency     TEXT NOT NULL,
    stock_buffer INTEGER NOT NULL DEFAULT 0 CHECK (stock_buffer >= 0),
    active       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE suppliers (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    email           TEXT,
    phone           TEXT,
    currency        TEXT NOT NULL,
    lead_time_days  INTEGER NOT NULL DEFAULT 14 CHECK (lead_time_days >= 0),
    min_order_minor INTEGER NOT NULL DEFAULT 0,
    notes           TEXT
);

CREATE TABLE products (
    id               INTEGER PRIMARY KEY,
    sku              TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    supplier_id      INTEGER REFERENCES suppliers(id),
    supplier_sku     TEXT,
    cost_minor       INTEGER NOT NULL DEFAULT 0,
    cost_currency    TEXT NOT NULL,
    price_minor      INTEGER NOT NULL DEFAULT 0,
    price_currency   TEXT NOT NULL,
    weight_grams     INTEGER NOT NULL DEFAULT 0,
    lead_time_days   INTEGER CHECK (lead_time_days >= 0),  -- NULL: the supplier's
    safety_stock     INTEGER NOT NULL DEFAULT 0 CHECK (safety_stock >= 0),
    reorder_min      INTEGER NOT NULL DEFAULT 0,
    reorder_max      INTEGER NOT NULL DEFAULT 0,
    pack_size        INTEGER NOT NULL DEFAULT 1 CHECK (pack_size >= 1),
    supplier_min_qty INTEGER NOT NULL DEFAULT 1,
    is_kit           INTEGER NOT NULL DEFAULT 0,
    active           INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL
);
CREATE INDEX products_name ON products(name);
CREATE INDEX products_supplier ON products(supplier_id);

CREATE TABLE product_barcodes (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    barcode    TEXT NOT NULL UNIQUE,
    symbology  TEXT NOT NULL CHECK (symbology IN ('EAN13', 'UPCA', 'EAN8', 'GTIN14', 'CODE128')),
    is_primary INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX product_barcodes_product ON product_barcodes(product_id);

-- A kit or bundle is sold as one SKU and moves its components.
CREATE TABLE kit_components (
    kit_product_id       INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    component_product_id INTEGER NOT NULL REFERENCES products(id),
    quantity             INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (kit_product_id, component_product_id)
);

-- What a channel calls a product when it is not our SKU.
CREATE TABLE channel_skus (
    id                INTEGER PRIMARY KEY,
    channel_id        INTEGER NOT NULL REFERENCES channels(id),
    channel_sku       TEXT NOT NULL,
    product_id        INTEGER NOT NULL REFERENCES products(id),
    units_per_listing INTEGER NOT NULL DEFAULT 1 CHECK (units_per_listing > 0),
    UNIQUE (channel_id, channel_sku)
);
CREATE INDEX channel_skus_product ON channel_skus(product_id);

CREATE TABLE locations (
    id                INTEGER PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('warehouse', 'store', '3pl')),
    address_line1     TEXT,
    address_line2     TEXT,
    city              TEXT,
    region            TEXT,
    postcode          TEXT,
    country           TEXT NOT NULL,
    latitude_e6       INTEGER,   -- micro-degrees, for "nearest location" routing
    longitude_e6      INTEGER,
    routing_priority  INTEGER NOT NULL DEFAULT 0,
    allows_backorders INTEGER NOT NULL DEFAULT 0,
    is_default_returns INTEGER NOT NULL DEFAULT 0,
    active            INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE bins (
    id            INTEGER PRIMARY KEY,
    location_id   INTEGER NOT NULL REFERENCES locations(id),
    code          TEXT NOT NULL,
    pick_sequence INTEGER NOT NULL DEFAULT 0,
    UNIQUE (location_id, code)
);
CREATE INDEX bins_pick_order ON bins(location_id, pick_sequence);

-- Where a product sits in a location (one primary bin, overflow bins allowed).
CREATE TABLE product_bins (
    product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    bin_id      INTEGER NOT NULL REFERENCES bins(id),
    is_primary  INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (product_id, bin_id)
);
CREATE INDEX product_bins_bin ON product_bins(bin_id);

CREATE TABLE reason_codes (
    code        TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    manual      INTEGER NOT NULL DEFAULT 0   -- offered for hand adjustments
);
INSERT INTO reason_codes (code, label, manual) VALUES
    ('opening', 'Opening balance', 0),
    ('received', 'Received', 0),
    ('shipped', 'Shipped', 0),
    ('restocked', 'Return restocked', 0),
    ('damaged', 'Damaged', 1),
    ('lost', 'Lost', 1),
    ('found', 'Found', 1),
    ('count_correction', 'Count correction', 1),
    ('sample', 'Sample', 1),
    ('write_off', 'Write-off', 1),
    ('transfer_out', 'Transfer out', 0),
    ('transfer_in', 'Transfer in', 0);

-- The figures per product and location. on_hand always equals the sum of that
-- pair's stock_movements; reserved the sum of its active reservations.
CREATE TABLE stock_levels (
    product_id  INTEGER NOT NULL REFERENCES products(id),
    location_id INTEGER NOT NULL REFERENCES locations(id),
    on_hand     INTEGER NOT NULL DEFAULT 0,
    reserved    INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    PRIMARY KEY (product_id, location_id)
);
CREATE INDEX stock_levels_location ON stock_levels(location_id, product_id);

-- The append-only ledger.
CREATE TABLE stock_movements (
    id             INTEGER PRIMARY KEY,
    product_id     INTEGER NOT NULL REFERENCES products(id),
    location_id    INTEGER NOT NULL REFERENCES locations(id),
    bin_id         INTEGER REFERENCES bins(id),
    quantity       INTEGER NOT NULL CHECK (quantity <> 0),
    reason_code    TEXT NOT NULL REFERENCES reason_codes(code),
    reference_type TEXT,   -- order, purchase_order, return, adjustment, transfer, count
    reference_id   TEXT,
    note           TEXT,
    user_name      TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX stock_movements_product ON stock_movements(product_id, location_id, created_at);
CREATE INDEX stock_movements_time ON stock_movements(created_at);
CREATE INDEX stock_movements_reference ON stock_movements(reference_type, reference_id);

CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
BEGIN
    SELECT RAISE(ABORT, 'stock_movements is append-only: record a correcting movement instead');
END;

CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
BEGIN
    SELECT RAISE(ABORT, 'stock_movements is append-only: record a correcting movement instead');
END;

CREATE TABLE transfers (
    id               INTEGER PRIMARY KEY,
    from_location_id INTEGER NOT NULL REFERENCES locations(id),
    to_location_id   INTEGER NOT NULL REFERENCES locations(id),
    status           TEXT NOT NULL CHECK (status IN ('draft', 'in_transit', 'received', 'cancelled')),
    created_at       TEXT NOT NULL,
    shipped_at       TEXT,
    received_at      TEXT,
    user_name        TEXT NOT NULL
);

CREATE TABLE transfer_lines (
    id                INTEGER PRIMARY KEY,
    transfer_id       INTEGER NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
    product_id        INTEGER NOT NULL REFERENCES products(id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    quantity_received INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stock_counts (
    id          INTEGER PRIMARY KEY,
    location_id INTEGER NOT NULL REFERENCES locations(id),
    bin_id      INTEGER REFERENCES bins(id),
    status      TEXT NOT NULL CHECK (status IN ('open', 'counted', 'posted', 'cancelled')),
    created_at  TEXT NOT NULL,
    posted_at   TEXT,
    user_name   TEXT NOT NULL
);

CREATE TABLE stock_count_lines (
    id         INTEGER PRIMARY KEY,
    count_id   INTEGER NOT NULL REFERENCES stock_counts(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id),
    expected   INTEGER NOT NULL,
    counted    INTEGER,
    UNIQUE (count_id, product_id)
);

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    email      TEXT,
    name       TEXT NOT NULL,
    phone      TEXT,
    is_vip     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX customers_email ON customers(email);

CREATE TABLE import_runs (
    id             INTEGER PRIMARY KEY,
    channel_id     INTEGER REFERENCES channels(id),
    source         TEXT NOT NULL CHECK (source IN ('file', 'api', 'demo')),
    file_name      TEXT,
    file_sha256    TEXT,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    status         TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    rows_read      INTEGER NOT NULL DEFAULT 0,
    orders_created INTEGER NOT NULL DEFAULT 0,
    orders_updated INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    message        TEXT,
    user_name      TEXT NOT NULL
);

CREATE TABLE import_row_errors (
    id            INTEGER PRIMARY KEY,
    import_run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
    row_number    INTEGER NOT NULL,
    field         TEXT,
    message       TEXT NOT NULL,
    raw           TEXT
);
CREATE INDEX import_row_errors_run ON import_row_errors(import_run_id, row_number);

CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    channel_id       INTEGER NOT NULL REFERENCES channels(id),
    external_id      TEXT NOT NULL,
    order_number     TEXT NOT NULL,
    customer_id      INTEGER REFERENCES customers(id),
    status           TEXT NOT NULL CHECK (status IN ('new', 'on_hold', 'ready', 'picking',
                         'packed', 'partially_shipped', 'shipped', 'delivered', 'backordered',
                         'cancelled')),
    hold_reason      TEXT,
    priority         INTEGER NOT NULL DEFAULT 0,
    placed_at        TEXT NOT NULL,
    ship_by          TEXT,
    deliver_by       TEXT,
    buyer_name       TEXT,
    buyer_email      TEXT,
    ship_name        TEXT,
    ship_company     TEXT,
    ship_line1       TEXT,
    ship_line2       TEXT,
    ship_city        TEXT,
    ship_region      TEXT,
    ship_postcode    TEXT,
    ship_country     TEXT,
    ship_phone       TEXT,
    shipping_service TEXT,
    is_expedited     INTEGER NOT NULL DEFAULT 0,
    currency         TEXT NOT NULL,
    subtotal_minor   INTEGER NOT NULL DEFAULT 0,
    shipping_minor   INTEGER NOT NULL DEFAULT 0,
    tax_minor        INTEGER NOT NULL DEFAULT 0,
    discount_minor   INTEGER NOT NULL DEFAULT 0,
    total_minor      INTEGER NOT NULL DEFAULT 0,
    refunded_minor   INTEGER NOT NULL DEFAULT 0,
    payment_status   TEXT,
    item_count       INTEGER NOT NULL DEFAULT 0,   -- sum of line quantities, kept with the lines
    location_id      INTEGER REFERENCES locations(id),
    notes            TEXT,
    import_run_id    INTEGER REFERENCES import_runs(id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (channel_id, external_id)
);
CREATE INDEX orders_placed ON orders(placed_at, id);
CREATE INDEX orders_ship_by ON orders(ship_by, id);
CREATE INDEX orders_status_placed ON orders(status, placed_at);
CREATE INDEX orders_number ON orders(order_number);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_location_status ON orders(location_id, status);

CREATE TABLE order_lines (
    id                INTEGER PRIMARY KEY,
    order_id          INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    line_no           INTEGER NOT NULL,
    external_line_id  TEXT,
    product_id        INTEGER REFERENCES products(id),
    sku               TEXT NOT NULL,
    title             TEXT NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor  INTEGER NOT NULL DEFAULT 0,
    total_minor       INTEGER NOT NULL DEFAULT 0,
    tax_minor         INTEGER NOT NULL DEFAULT 0,
    discount_minor    INTEGER NOT NULL DEFAULT 0,
    quantity_shipped  INTEGER NOT NULL DEFAULT 0 CHECK (quantity_shipped >= 0),
    quantity_returned INTEGER NOT NULL DEFAULT 0 CHECK (quantity_returned >= 0),
    UNIQUE (order_id, line_no)
);
CREATE INDEX order_lines_sku ON order_lines(sku);
CREATE INDEX order_lines_product ON order_lines(product_id);

-- The order's timeline: every status change, reservation, routing, note.
CREATE TABLE order_events (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL,   -- imported, status, reserved, routed, note, shipped, returned
    from_status TEXT,
    to_status   TEXT,
    detail      TEXT,
    user_name   TEXT NOT NULL
);
CREATE INDEX order_events_order ON order_events(order_id, at);

CREATE TABLE reservations (
    id            INTEGER PRIMARY KEY,
    order_line_id INTEGER NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
    product_id    INTEGER NOT NULL REFERENCES products(id),
    location_id   INTEGER NOT NULL REFERENCES locations(id),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    status        TEXT NOT NULL CHECK (status IN ('active', 'released', 'consumed')),
    created_at    TEXT NOT NULL,
    closed_at     TEXT
);
CREATE INDEX reservations_stock ON reservations(product_id, location_id, status);
CREATE INDEX reservations_line ON reservations(order_line_id);

CREATE TABLE shipments (
    id              INTEGER PRIMARY KEY,
    order_id        INTEGER NOT NULL REFERENCES orders(id),
    location_id     INTEGER REFERENCES locations(id),
    carrier         TEXT,
    service         TEXT,
    tracking_number TEXT,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'labelled', 'shipped', 'delivered', 'voided')),
    cost_minor      INTEGER NOT NULL DEFAULT 0,
    currency        TEXT,
    label_format    TEXT,
    created_at      TEXT NOT NULL,
    shipped_at      TEXT,
    delivered_at    TEXT
);
CREATE INDEX shipments_order ON shipments(order_id);
CREATE INDEX shipments_tracking ON shipments(tracking_number);

CREATE TABLE parcels (
    id              INTEGER PRIMARY KEY,
    shipment_id     INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    weight_grams    INTEGER NOT NULL DEFAULT 0,
    length_mm       INTEGER,
    width_mm        INTEGER,
    height_mm       INTEGER,
    tracking_number TEXT
);
CREATE INDEX parcels_shipment ON parcels(shipment_id);

CREATE TABLE shipment_lines (
    shipment_id   INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    order_line_id INTEGER NOT NULL REFERENCES order_lines(id),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_line_id)
);

CREATE TABLE returns (
    id                    INTEGER PRIMARY KEY,
    rma_number            TEXT NOT NULL UNIQUE,
    order_id              INTEGER NOT NULL REFERENCES orders(id),
    status                TEXT NOT NULL CHECK (status IN ('requested', 'authorised', 'received',
                              'inspected', 'restocked', 'written_off', 'refunded', 'closed',
                              'rejected')),
    reason                TEXT NOT NULL,
    customer_note         TEXT,
    location_id           INTEGER REFERENCES locations(id),   -- where it comes back to
    currency              TEXT NOT NULL,
    refund_minor          INTEGER NOT NULL DEFAULT 0,
    restocking_fee_minor  INTEGER NOT NULL DEFAULT 0,
    refund_reference      TEXT,
    requested_at          TEXT NOT NULL,
    authorised_at         TEXT,
    received_at           TEXT,
    inspected_at          TEXT,
    refunded_at           TEXT,
    closed_at             TEXT
);
CREATE INDEX returns_order ON returns(order_id);
CREATE INDEX returns_status ON returns(status, requested_at);

CREATE TABLE return_lines (
    id                INTEGER PRIMARY KEY,
    return_id         INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    order_line_id     INTEGER NOT NULL REFERENCES order_lines(id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    quantity_received INTEGER NOT NULL DEFAULT 0,
    reason            TEXT NOT NULL,
    condition         TEXT CHECK (condition IN ('resellable', 'refurbish', 'damaged')),
    disposition       TEXT CHECK (disposition IN ('restock', 'write_off')),
    bin_id            INTEGER REFERENCES bins(id),
    note              TEXT
);
CREATE INDEX return_lines_return ON return_lines(return_id);
CREATE INDEX return_lines_order_line ON return_lines(order_line_id);

CREATE TABLE purchase_orders (
    id          INTEGER PRIMARY KEY,
    po_number   TEXT NOT NULL UNIQUE,
    supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
    location_id INTEGER NOT NULL REFERENCES locations(id),
    status      TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'partially_received',
                    'received', 'closed', 'cancelled')),
    currency    TEXT NOT NULL,
    ordered_at  TEXT,
    expected_at TEXT,
    received_at TEXT,
    notes       TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX purchase_orders_status ON purchase_orders(status, expected_at);

CREATE TABLE purchase_order_lines (
    id                INTEGER PRIMARY KEY,
    purchase_order_id INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    product_id        INTEGER NOT NULL REFERENCES products(id),
    quantity_ordered  INTEGER NOT NULL CHECK (quantity_ordered > 0),
    quantity_received INTEGER NOT NULL DEFAULT 0 CHECK (quantity_received >= 0),
    unit_cost_minor   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX purchase_order_lines_po ON purchase_order_lines(purchase_order_id);
CREATE INDEX purchase_order_lines_product ON purchase_order_lines(product_id);
