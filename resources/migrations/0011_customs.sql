-- Backroom schema version 11: (to be written).
SELECT 1;
