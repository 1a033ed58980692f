#pragma once

#include "models/product.h"

#include <QList>

#include <vector>

namespace app::demo {

struct DemoSupplier
{
    models::Supplier supplier;
};

// A product of the demo shop with how well it sells (relative weight) and where it
// is stocked, by location index (0 main warehouse, 1 second warehouse, 2 shop, 3 3PL).
struct DemoProduct
{
    models::Product product;
    qint64 popularity = 1;
    int supplierIndex = 0;
    bool stockedAt[4] = {true, false, false, false};
};

// A kit the demo shop sells: made of catalogue products (by index), never stocked as
// itself, with how often it is chosen among kits (relative weight).
struct DemoKit
{
    models::Product product;                // no supplier, bins or reorder levels
    std::vector<std::pair<int, int>> parts; // catalogue index, quantity per kit
    qint64 popularity = 1;
};

QList<models::Supplier> demoSuppliers();

// `count` products of a homewares shop: realistic names, SKUs, EAN-13 (and some
// UPC-A) barcodes with valid check digits, prices, costs, weights, pack sizes and
// a long-tailed popularity. Deterministic for a seed.
std::vector<DemoProduct> demoCatalogue(quint64 seed, int count);

// Three kits over the catalogue's best sellers: a mug and coaster gift set, a
// multipack of six mugs and a dinnerware starter set for four. Priced below their
// parts, weighing what their parts weigh, with their own EAN-13.
std::vector<DemoKit> demoKits(const std::vector<DemoProduct> &catalogue);

} // namespace app::demo
