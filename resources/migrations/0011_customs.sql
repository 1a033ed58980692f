-- Backroom schema version 11: what a customs declaration says about each product.
-- hs_code: the Harmonized System tariff number, 6 digits (the international part)
-- up to 10 (national subheadings), digits only, e.g. '691200'.
-- origin_country: ISO 3166-1 alpha-2 code of the country the goods were made in.
-- Both stay NULL until the merchant knows them; a declaration then says so.
ALTER TABLE products ADD COLUMN hs_code TEXT
    CHECK (hs_code IS NULL OR length(hs_code) BETWEEN 6 AND 10);
ALTER TABLE products ADD COLUMN origin_country TEXT
    CHECK (origin_country IS NULL OR length(origin_country) = 2);
