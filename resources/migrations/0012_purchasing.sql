-- Backroom schema version 12: (to be written).
SELECT 1;
