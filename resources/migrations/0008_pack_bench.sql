-- Backroom schema version 8: the pack bench.
-- The packer scans an order, then each item; every scan is logged, and the order is
-- marked packed with its box and weight when the last item is scanned.

-- Product sizes in millimetres, for suggesting a box. NULL: not measured.
ALTER TABLE products ADD COLUMN length_mm INTEGER CHECK (length_mm > 0);
ALTER TABLE products ADD COLUMN width_mm INTEGER CHECK (width_mm > 0);
ALTER TABLE products ADD COLUMN height_mm INTEGER CHECK (height_mm > 0);

-- The cartons a bench packs into. A box's code is printed as a barcode on its shelf:
-- scanning it chooses the box.
CREATE TABLE pack_boxes (
    code             TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    length_mm        INTEGER NOT NULL CHECK (length_mm > 0),
    width_mm         INTEGER NOT NULL CHECK (width_mm > 0),
    height_mm        INTEGER NOT NULL CHECK (height_mm > 0),
    max_weight_grams INTEGER NOT NULL DEFAULT 0 CHECK (max_weight_grams >= 0),  -- 0: no limit
    tare_grams       INTEGER NOT NULL DEFAULT 0 CHECK (tare_grams >= 0),
    active           INTEGER NOT NULL DEFAULT 1
);
INSERT INTO pack_boxes (code, name, length_mm, width_mm, height_mm, max_weight_grams,
                        tare_grams) VALUES
    ('BOX-XS', 'Padded envelope', 250, 180, 30, 1000, 20),
    ('BOX-S', 'Small box', 230, 160, 80, 5000, 90),
    ('BOX-M', 'Medium box', 310, 220, 150, 15000, 180),
    ('BOX-L', 'Large box', 450, 350, 250, 25000, 350),
    ('BOX-XL', 'Extra large box', 600, 400, 400, 30000, 600)
ON CONFLICT (code) DO NOTHING;

-- What the bench recorded for a packed order: the box it went in and what the
-- parcel weighs (typed at the bench, or estimated from the items and the box when
-- weight_estimated is 1). Shipping reads these to buy the label.
ALTER TABLE orders ADD COLUMN packed_at TEXT;
ALTER TABLE orders ADD COLUMN packed_by TEXT;
ALTER TABLE orders ADD COLUMN pack_box_code TEXT REFERENCES pack_boxes(code);
ALTER TABLE orders ADD COLUMN pack_weight_grams INTEGER CHECK (pack_weight_grams > 0);
ALTER TABLE orders ADD COLUMN pack_weight_estimated INTEGER NOT NULL DEFAULT 0;

-- Every scan at a bench: the order it was for (NULL before one is loaded or when the
-- code named none), what was scanned, and what it came to:
--   right, wrong, over, unknown      an item scan (wrong/over/unknown count nothing)
--   quantity                         "x12": units added to the last good scan
--   undo, undo_empty, refused        corrections and refused commands
--   box, weight                      a box chosen, a weight typed
--   order, order_refused             an order scanned
--   packed                           the last item scanned: the order is packed
-- units: the units the scan added to the order (negative for an undo).
CREATE TABLE pack_scans (
    id        INTEGER PRIMARY KEY,
    order_id  INTEGER REFERENCES orders(id),
    station   TEXT NOT NULL,
    packer    TEXT NOT NULL,
    at        TEXT NOT NULL,
    code      TEXT NOT NULL,
    result    TEXT NOT NULL CHECK (result IN ('right', 'wrong', 'over', 'unknown', 'quantity',
                  'undo', 'undo_empty', 'refused', 'box', 'weight', 'order', 'order_refused',
                  'packed')),
    units     INTEGER NOT NULL DEFAULT 0,
    detail    TEXT
);
-- Today's figures read a day of scans; an order's scans are read when it is packed.
CREATE INDEX pack_scans_at ON pack_scans(at);
CREATE INDEX pack_scans_order ON pack_scans(order_id);

-- A scanned channel SKU is looked up without knowing its channel.
CREATE INDEX channel_skus_sku ON channel_skus(channel_sku);
