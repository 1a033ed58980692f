-- Backroom schema version 13: the Orders screen's saved views.
--
-- A view is the filter bar's state, the search text and the sort under a name the
-- user chose ("Late Amazon orders"). The definition is a small JSON object read by
-- models/orderview; built-in views (Late, On hold, Ready to pick) are not stored.
CREATE TABLE order_views (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Combined shipment offer: open orders going to the same postcode, found by the
-- postcode as compared (upper case, no spaces). Only open orders are indexed, a few
-- thousand among a million. storage/sqlcombinedshipments.cpp repeats this exact
-- expression and status list so SQLite can use the index.
CREATE INDEX orders_open_ship_postcode ON orders(upper(replace(ship_postcode, ' ', '')))
    WHERE status IN ('new', 'ready', 'on_hold', 'backordered');
