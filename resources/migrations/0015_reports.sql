-- Indexes the reports read by.
SELECT 1;
