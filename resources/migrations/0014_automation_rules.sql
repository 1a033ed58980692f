-- Automation rules the owner writes: conditions on a new order's fields, actions that
-- follow. Run in position order over the new orders before each allocation run.
CREATE TABLE automation_rules (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    position        INTEGER NOT NULL,
    match_all       INTEGER NOT NULL DEFAULT 1 CHECK (match_all IN (0, 1)),
    conditions_json TEXT NOT NULL DEFAULT '[]',  -- [{"field","op","value","currency"}]
    actions_json    TEXT NOT NULL DEFAULT '[]',  -- [{"action","text","number"}]
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX automation_rules_position ON automation_rules(position);

-- Where a rule asked the order to ship from. The allocator keeps orders.location_id
-- for the location it chose; this is the owner's preference, set before allocation.
ALTER TABLE orders ADD COLUMN preferred_location_id INTEGER REFERENCES locations(id);
