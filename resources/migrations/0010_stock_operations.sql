-- Backroom schema version 10: the Stock screen's operations (adjustments, transfers,
-- cycle counts, the ledger and its reconciliation) and what keeps its list instant.

-- A cycle-count line is judged against what the system held when it was counted, not
-- when the sheet was printed: stock picked or received between the two is real and
-- stays. on_hand_at_count is that figure, recorded with the count; the posted
-- correction is counted - on_hand_at_count.
ALTER TABLE stock_count_lines ADD COLUMN on_hand_at_count INTEGER;
ALTER TABLE stock_count_lines ADD COLUMN counted_at TEXT;
ALTER TABLE stock_count_lines ADD COLUMN counted_by TEXT;
-- The bin the sheet printed the line under, so the sheet and the variance report
-- stay as they were even if the product moves to another bin afterwards.
ALTER TABLE stock_count_lines ADD COLUMN bin_code TEXT;
ALTER TABLE stock_count_lines ADD COLUMN pick_sequence INTEGER NOT NULL DEFAULT 0;
CREATE INDEX stock_count_lines_product ON stock_count_lines(product_id, count_id);
CREATE INDEX stock_counts_status ON stock_counts(status, location_id);

-- Transfers still on the road, per destination and product: the Stock screen's
-- "in transit" figure and the receiving dialog.
CREATE INDEX transfers_status ON transfers(status, to_location_id);
CREATE INDEX transfer_lines_transfer ON transfer_lines(transfer_id);
CREATE INDEX transfer_lines_product ON transfer_lines(product_id, transfer_id);

-- Inbound purchase orders per product and destination.
CREATE INDEX purchase_orders_location_status ON purchase_orders(location_id, status);

-- The Stock screen's filters.
-- "Out of stock" (nothing available) is a small part of a large list: found through
-- an index on what is available rather than by reading every row.
CREATE INDEX stock_levels_available ON stock_levels(on_hand - reserved);

-- "No movement in N days" would otherwise look up every row's latest movement. The
-- time of the latest movement is kept beside the figures, by the ledger's own
-- triggers: a movement moves it forward; a stock level created after its first
-- movement (the ledger writes the movement first) starts from its movements.
ALTER TABLE stock_levels ADD COLUMN last_moved_at TEXT;
UPDATE stock_levels SET last_moved_at =
    (SELECT MAX(m.created_at) FROM stock_movements m
     WHERE m.product_id = stock_levels.product_id AND m.location_id = stock_levels.location_id);
CREATE INDEX stock_levels_last_moved ON stock_levels(last_moved_at);

CREATE TRIGGER stock_movements_last_moved AFTER INSERT ON stock_movements
BEGIN
    UPDATE stock_levels SET last_moved_at = new.created_at
    WHERE product_id = new.product_id AND location_id = new.location_id
      AND (last_moved_at IS NULL OR last_moved_at < new.created_at);
END;

CREATE TRIGGER stock_levels_first_moved AFTER INSERT ON stock_levels
WHEN new.last_moved_at IS NULL
BEGIN
    UPDATE stock_levels SET last_moved_at =
        (SELECT MAX(m.created_at) FROM stock_movements m
         WHERE m.product_id = new.product_id AND m.location_id = new.location_id)
    WHERE product_id = new.product_id AND location_id = new.location_id;
END;
