-- Backroom schema version 7: (to be written).
SELECT 1;
