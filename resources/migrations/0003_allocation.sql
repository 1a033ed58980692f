-- Backroom schema version 3: what order allocation and routing need beyond v1.
-- Conventions as in 0001: money is INTEGER minor units beside a TEXT currency.

-- Whether a store may ship online orders from its shelves, and how many units of
-- each product it keeps back for walk-in customers when it does.
ALTER TABLE locations ADD COLUMN ships_from_store INTEGER NOT NULL DEFAULT 1;
ALTER TABLE locations ADD COLUMN store_buffer INTEGER NOT NULL DEFAULT 1 CHECK (store_buffer >= 0);
-- Orders a location can pack in a day; NULL is no limit.
ALTER TABLE locations ADD COLUMN daily_capacity INTEGER CHECK (daily_capacity >= 0);

-- What a parcel costs and how long it takes. A row applies to one location, or to
-- every location in from_country, or (both NULL) to every location; to one
-- destination country or (NULL) anywhere; to postcodes starting with
-- postcode_prefix ('' is every postcode); up to max_weight_grams (NULL: any weight).
-- The most specific matching row wins: location, then origin country, then
-- destination country, then the longest postcode prefix, then the smallest weight band.
-- Costs are in the shop's currency so locations compare directly.
CREATE TABLE location_rates (
    id               INTEGER PRIMARY KEY,
    location_id      INTEGER REFERENCES locations(id) ON DELETE CASCADE,
    from_country     TEXT,
    country          TEXT,
    postcode_prefix  TEXT NOT NULL DEFAULT '',
    max_weight_grams INTEGER CHECK (max_weight_grams > 0),
    cost_minor       INTEGER NOT NULL CHECK (cost_minor >= 0),
    currency         TEXT NOT NULL,
    transit_days     INTEGER NOT NULL CHECK (transit_days >= 0)
);
CREATE INDEX location_rates_location ON location_rates(location_id);

-- Orders routed to a location per day, so a location's daily capacity is known
-- without counting the timeline.
CREATE TABLE location_daily_load (
    location_id INTEGER NOT NULL REFERENCES locations(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,   -- YYYY-MM-DD, UTC
    orders      INTEGER NOT NULL DEFAULT 0 CHECK (orders >= 0),
    PRIMARY KEY (location_id, day)
);

-- Duplicate detection looks for the same buyer within an hour.
CREATE INDEX orders_buyer_email ON orders(buyer_email, placed_at);
CREATE INDEX orders_ship_name_postcode ON orders(ship_postcode, ship_name, placed_at);
-- Stock age for routing: the latest receipt per product and location.
CREATE INDEX stock_movements_receipts ON stock_movements(product_id, location_id, created_at)
    WHERE quantity > 0;

-- Default tariffs so a new shop routes sensibly before its own rates are entered:
-- UK locations ship cheapest at home, Dutch ones within the EU.
INSERT INTO location_rates (from_country, country, postcode_prefix, max_weight_grams,
                            cost_minor, currency, transit_days) VALUES
    ('GB', 'GB', '',   2000, 395, 'GBP', 2),
    ('GB', 'GB', '',   NULL, 695, 'GBP', 2),
    ('GB', 'GB', 'BT', NULL, 895, 'GBP', 3),
    ('GB', 'GB', 'HS', NULL, 995, 'GBP', 4),
    ('GB', 'GB', 'ZE', NULL, 995, 'GBP', 4),
    ('GB', 'IE', '',   NULL, 950, 'GBP', 4),
    ('GB', 'DE', '',   NULL, 1050, 'GBP', 4),
    ('GB', 'FR', '',   NULL, 1050, 'GBP', 4),
    ('GB', 'NL', '',   NULL, 1050, 'GBP', 4),
    ('GB', 'US', '',   NULL, 1450, 'GBP', 6),
    ('GB', 'CA', '',   NULL, 1450, 'GBP', 7),
    ('GB', 'AU', '',   NULL, 1950, 'GBP', 9),
    ('GB', NULL, '',   NULL, 1950, 'GBP', 8),
    ('NL', 'NL', '',   NULL, 450, 'GBP', 1),
    ('NL', 'DE', '',   NULL, 650, 'GBP', 2),
    ('NL', 'FR', '',   NULL, 650, 'GBP', 2),
    ('NL', 'BE', '',   NULL, 550, 'GBP', 1),
    ('NL', 'IE', '',   NULL, 750, 'GBP', 3),
    ('NL', 'GB', '',   NULL, 1150, 'GBP', 4),
    ('NL', 'US', '',   NULL, 1550, 'GBP', 6),
    ('NL', NULL, '',   NULL, 1950, 'GBP', 8);

-- Allocation settings, kept unless the shop already chose its own.
INSERT INTO settings (key, value) VALUES
    ('allocation.shortfall', 'backorder'),          -- backorder | hold
    ('allocation.split', 'allow'),                  -- never | ask | allow
    ('allocation.wait_cost_per_day_minor', '100'),  -- what a day of waiting is worth
    ('allocation.restock_days', '7'),               -- how long missing stock usually takes
    ('allocation.priority', 'manual,expedited,ship_by,vip_value,placed'),
    ('allocation.high_value_minor', '15000'),
    ('allocation.quantity_factor', '10'),           -- x the SKU's median quantity
    ('allocation.quantity_minimum', '10'),
    ('allocation.duplicate_window_minutes', '60')
ON CONFLICT (key) DO NOTHING;
