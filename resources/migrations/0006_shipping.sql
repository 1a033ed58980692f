-- Backroom schema version 6: (to be written).
SELECT 1;
