-- Backroom schema version 5: what the Orders screen's filters and search need.
--
-- Filters: status, location, channel and placed-date ranges are served by the v1
-- indexes (orders_status_placed, orders_location_status, the channel's UNIQUE key,
-- orders_placed). "Late" (ship-by passed, not shipped) needs an index of its own:
-- open orders are a few thousand among a million, so a partial index keeps it small.
-- The storage layer repeats this exact status list in its query so SQLite can use it.
CREATE INDEX orders_open_ship_by ON orders(ship_by)
    WHERE status IN ('new', 'on_hold', 'ready', 'picking', 'packed', 'backordered',
                     'partially_shipped');

-- Search: substrings of the order number, buyer and ship-to names, e-mail, SKU and
-- tracking number. Trigram full-text indexes with external content, one per table:
-- the text is not copied, FTS5 reads it from the table when it needs it.
CREATE VIRTUAL TABLE orders_search USING fts5(
    order_number, buyer_name, buyer_email, ship_name,
    content='orders', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE order_lines_search USING fts5(
    sku, content='order_lines', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE shipments_search USING fts5(
    tracking_number, content='shipments', content_rowid='id', tokenize='trigram');

-- New and changed rows wait here to be indexed. Indexing a row from a trigger of its
-- own would cost an import six times its time: FTS5 writes its pending terms out at
-- the end of every statement that may roll back on its own, which is every row an
-- importer inserts, and merging those one-row segments is the cost. Indexed from
-- here, a whole import is one statement per index. Search also reads this table
-- (plainly), so a row is found before it is indexed.
CREATE TABLE search_pending (
    kind TEXT NOT NULL CHECK (kind IN ('order', 'line', 'shipment')),
    id   INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
    INSERT OR IGNORE INTO search_pending (kind, id) VALUES ('order', new.id);
END;
-- A row already indexed is taken out of the index with the values it was indexed
-- with (external content needs them); one still waiting has nothing to take out.
CREATE TRIGGER orders_search_update
AFTER UPDATE OF order_number, buyer_name, buyer_email, ship_name ON orders BEGIN
    INSERT INTO orders_search (orders_search, rowid, order_number, buyer_name, buyer_email,
                               ship_name)
    SELECT 'delete', old.id, old.order_number, old.buyer_name, old.buyer_email, old.ship_name
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 'order' AND id = old.id);
    INSERT OR IGNORE INTO search_pending (kind, id) VALUES ('order', new.id);
END;
CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
    INSERT INTO orders_search (orders_search, rowid, order_number, buyer_name, buyer_email,
                               ship_name)
    SELECT 'delete', old.id, old.order_number, old.buyer_name, old.buyer_email, old.ship_name
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 'order' AND id = old.id);
    DELETE FROM search_pending WHERE kind = 'order' AND id = old.id;
END;

CREATE TRIGGER order_lines_search_insert AFTER INSERT ON order_lines BEGIN
    INSERT OR IGNORE INTO search_pending (kind, id) VALUES ('line', new.id);
END;
CREATE TRIGGER order_lines_search_update AFTER UPDATE OF sku ON order_lines BEGIN
    INSERT INTO order_lines_search (order_lines_search, rowid, sku)
    SELECT 'delete', old.id, old.sku
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 'line' AND id = old.id);
    INSERT OR IGNORE INTO search_pending (kind, id) VALUES ('line', new.id);
END;
CREATE TRIGGER order_lines_search_delete AFTER DELETE ON order_lines BEGIN
    INSERT INTO order_lines_search (order_lines_search, rowid, sku)
    SELECT 'delete', old.id, old.sku
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 'line' AND id = old.id);
    DELETE FROM search_pending WHERE kind = 'line' AND id = old.id;
END;

CREATE TRIGGER shipments_search_insert AFTER INSERT ON shipments BEGIN
    INSERT OR IGNORE INTO search_pending (kind, id) VALUES ('shipment', new.id);
END;
CREATE TRIGGER shipments_search_update AFTER UPDATE OF tracking_number ON shipments BEGIN
    INSERT INTO shipments_search (shipments_search, rowid, tracking_number)
    SELECT 'delete', old.id, old.tracking_number
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 'shipment' AND id = old.id);
    INSERT OR IGNORE INTO search_pending (kind, id) VALUES ('shipment', new.id);
END;
CREATE TRIGGER shipments_search_delete AFTER DELETE ON shipments BEGIN
    INSERT INTO shipments_search (shipments_search, rowid, tracking_number)
    SELECT 'delete', old.id, old.tracking_number
    WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 'shipment' AND id = old.id);
    DELETE FROM search_pending WHERE kind = 'shipment' AND id = old.id;
END;

-- An import indexes what it wrote as it finishes, inside its own transaction. The
-- same statements are run by storage::indexPendingSearch() for other writers.
CREATE TRIGGER search_pending_after_import
AFTER UPDATE OF status ON import_runs WHEN new.status = 'succeeded' BEGIN
    INSERT INTO orders_search (rowid, order_number, buyer_name, buyer_email, ship_name)
    SELECT o.id, o.order_number, o.buyer_name, o.buyer_email, o.ship_name
    FROM search_pending p JOIN orders o ON o.id = p.id WHERE p.kind = 'order';
    INSERT INTO order_lines_search (rowid, sku)
    SELECT l.id, l.sku FROM search_pending p JOIN order_lines l ON l.id = p.id
    WHERE p.kind = 'line';
    INSERT INTO shipments_search (rowid, tracking_number)
    SELECT s.id, s.tracking_number FROM search_pending p JOIN shipments s ON s.id = p.id
    WHERE p.kind = 'shipment';
    DELETE FROM search_pending;
END;

-- No merging of index segments while an import commits: with FTS5's default
-- (automerge 4) each import's new segments set off merges that rewrite large parts
-- of a million-order index inside the import's transaction (11.7 s of commit for
-- 100,000 orders, against 2.8 s without). storage::SearchIndexer merges in small
-- steps on its own thread instead, and FTS5's crisis merge still bounds the count.
INSERT INTO orders_search (orders_search, rank) VALUES ('automerge', 0);
INSERT INTO order_lines_search (order_lines_search, rank) VALUES ('automerge', 0);
INSERT INTO shipments_search (shipments_search, rank) VALUES ('automerge', 0);

-- Orders already in the database wait to be indexed like any others: the app works
-- the backlog off in slices on a thread of its own (storage::SearchIndexer), so
-- upgrading a shop of a million orders takes seconds, not the half minute a rebuild
-- here would hold it closed; search finds waiting rows meanwhile.
INSERT INTO search_pending (kind, id) SELECT 'order', id FROM orders;
INSERT INTO search_pending (kind, id) SELECT 'line', id FROM order_lines;
INSERT INTO search_pending (kind, id) SELECT 'shipment', id FROM shipments;
