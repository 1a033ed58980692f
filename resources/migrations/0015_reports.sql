-- Indexes the reports read by.
-- Stock-outs and turnover rebuild each product and location's daily balance from the
-- movements since the range began: one range scan by time that carries everything
-- the report needs, so no table row is read. (About 1.5 s CPU on a 1,000,000-order
-- shop's 1.75 million movements.)
CREATE INDEX stock_movements_report ON stock_movements(created_at, product_id, location_id,
                                                       quantity, reason_code);
