-- Backroom schema version 9: (to be written).
SELECT 1;
