-- Backroom schema version 6: carriers, their services and rate cards, and what the
-- Shipping screen and the channel confirmations read from shipments.
-- Conventions as in 0001: money is INTEGER minor units beside a TEXT currency;
-- times are TEXT ISO-8601 UTC; a cut-off is the location's local "HH:MM".

-- A carrier the shop hands parcels to. Tracking numbers are typed or scanned from
-- the carrier's own label, or, for carriers that give the shop a range, generated:
-- 's10' is the UPU S10 form (two letters, eight-digit serial, mod-11 check digit,
-- country: "RR123456785GB"); 'luhn' is digits (prefix, zero-padded serial) ending in
-- a Luhn mod-10 check digit. tracking_next is the next serial to hand out.
CREATE TABLE carriers (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,   -- royal_mail, dpd, evri, dhl
    name             TEXT NOT NULL UNIQUE,   -- as shipments.carrier stores it
    amazon_code      TEXT,                   -- Amazon's carrier-code; NULL: 'Other' and the name
    ebay_name        TEXT,                   -- eBay's "Shipping Carrier Used"; NULL: the name
    tracking_scheme  TEXT NOT NULL DEFAULT 'none' CHECK (tracking_scheme IN ('none', 's10', 'luhn')),
    tracking_prefix  TEXT NOT NULL DEFAULT '',
    tracking_suffix  TEXT NOT NULL DEFAULT '',
    tracking_digits  INTEGER NOT NULL DEFAULT 8 CHECK (tracking_digits BETWEEN 1 AND 18),
    tracking_next    INTEGER NOT NULL DEFAULT 1 CHECK (tracking_next >= 0),
    tracking_url     TEXT,                   -- with {tracking} where the number goes
    active           INTEGER NOT NULL DEFAULT 1
);

-- What the owner can buy from a carrier: a level of service, how many working days
-- it takes, and the time of day after which a parcel leaves on the next working day.
CREATE TABLE carrier_services (
    id            INTEGER PRIMARY KEY,
    carrier_id    INTEGER NOT NULL REFERENCES carriers(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,             -- "Royal Mail Tracked 48", as shipments.service
    service_level TEXT NOT NULL CHECK (service_level IN ('economy', 'standard', 'express',
                      'next_day')),
    transit_days  INTEGER NOT NULL CHECK (transit_days >= 0),   -- working days
    cutoff_time   TEXT NOT NULL DEFAULT '16:00',
    tracked       INTEGER NOT NULL DEFAULT 1,
    active        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (carrier_id, name)
);
CREATE INDEX carrier_services_carrier ON carrier_services(carrier_id);

-- A service's rate card: weight band by zone. A zone is a destination country
-- (NULL: anywhere else) narrowed by a postcode prefix ('' every postcode), from an
-- origin country (NULL: any). A parcel takes the most specific matching row: origin,
-- then country, then the longest prefix, then the smallest band it fits
-- (max_weight_grams; NULL: any weight), exactly as location_rates are read.
-- transit_days NULL: the service's.
CREATE TABLE carrier_rates (
    id               INTEGER PRIMARY KEY,
    service_id       INTEGER NOT NULL REFERENCES carrier_services(id) ON DELETE CASCADE,
    from_country     TEXT,
    country          TEXT,
    postcode_prefix  TEXT NOT NULL DEFAULT '',
    max_weight_grams INTEGER CHECK (max_weight_grams > 0),
    cost_minor       INTEGER NOT NULL CHECK (cost_minor >= 0),
    currency         TEXT NOT NULL,
    transit_days     INTEGER CHECK (transit_days >= 0)
);
CREATE INDEX carrier_rates_service ON carrier_rates(service_id);

-- What shipped since a date (channel confirmations, "shipped today").
CREATE INDEX shipments_shipped ON shipments(shipped_at);
CREATE INDEX shipment_lines_order_line ON shipment_lines(order_line_id);
