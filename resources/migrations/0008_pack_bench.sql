-- Backroom schema version 8: (to be written).
SELECT 1;
