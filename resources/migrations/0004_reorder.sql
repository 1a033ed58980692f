-- Backroom schema version 4: reorder suggestions.
-- How suggestions are worked out, changed on the Reorder screen's settings:
-- * reorder.window_days: the trailing window of sales that demand is measured over;
-- * reorder.service_level: 0 keeps each product's fixed safety stock; 90, 95, 98 or 99
--   sizes safety stock as z·σ·√(lead time) for that chance of not running out;
-- * reorder.cover_days: 0 orders up to each product's max; N orders enough for N days
--   beyond the reorder point;
-- * reorder.backtest_weeks: how many recent weeks a seasonal forecast must beat the
--   trailing average on before it is used (0: always the trailing average).
INSERT INTO settings (key, value) VALUES
    ('reorder.window_days', '90'),
    ('reorder.service_level', '0'),
    ('reorder.cover_days', '0'),
    ('reorder.backtest_weeks', '4')
ON CONFLICT (key) DO NOTHING;
