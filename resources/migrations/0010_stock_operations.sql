-- Backroom schema version 10: (to be written).
SELECT 1;
