#pragma once

#include "app/demo/democatalogue.h"
#include "app/demo/demorandom.h"
#include "app/demoshop.h"
#include "storage/sqlitebulkloader.h"

#include <QDateTime>

#include <array>
#include <vector>

namespace app::demo {

// Simulates 180 days of a homewares shop selling on Shopify, Amazon and eBay from
// two warehouses, a shop and a 3PL, day by day: purchase orders arrive, orders are
// placed, reserved, routed, picked, packed, shipped and delivered, some are held,
// cancelled or returned, stock is adjusted and reordered. Every stock change is a
// ledger movement, so the figures add up exactly as in a real shop.
class DemoShopBuilder
{
public:
    DemoShopBuilder(storage::SqliteBulkLoader &loader, const DemoOptions &options);
    models::Result<DemoSummary> run(const DemoProgress &progress);

private:
    static constexpr int kDays = 180;
    static constexpr int kLocations = 4;

    struct Stock
    {
        bool stocked = false;
        qint64 binId = 0;
        qint64 onHand = 0;
        qint64 reserved = 0;
        qint64 onOrder = 0;
        double dailyDemand = 0; // smoothed units a day, for reordering
        qint64 soldToday = 0;
        bool poOpen = false;
    };

    // A stock change due on a later day of the simulation.
    struct Scheduled
    {
        int product = 0;
        int location = 0;
        int quantity = 0; // signed, as the movement
        models::StockReason reason = models::StockReason::Shipped;
        bool consumesReservation = false;
        QString referenceType;
        QString referenceId;
        QString user;
        QDateTime at;
    };

    models::Status setUp();
    models::Status writeOpeningStock();
    models::Status placeOrder(int day, qint64 index);
    models::Status applyScheduled(int day);
    models::Status adjustStock(int day);
    models::Status reorder(int day);

    int dayIndex(const QDateTime &t) const;
    QDateTime dayStart(int day) const;
    Stock &stock(int product, int location)
    {
        return m_stock[static_cast<size_t>(product) * kLocations + location];
    }
    std::vector<int> candidateLocations(const QString &country, const QString &postcode);
    models::Status schedule(const Scheduled &change);

    storage::SqliteBulkLoader &m_loader;
    DemoOptions m_options;
    DemoRandom m_rng;
    QDateTime m_now; // the start of `today`: everything simulated happened before it
    QDateTime m_firstDay;

    std::vector<DemoProduct> m_products;
    std::vector<DemoKit> m_kits; // written after the products; sold, never stocked
    std::vector<qint64> m_kitPopularityCumulative;
    std::vector<qint64> m_popularityCumulative;
    QList<models::Supplier> m_suppliers;
    std::array<qint64, 3> m_channelIds{};
    std::array<qint64, kLocations> m_locationIds{};
    std::array<QString, kLocations> m_locationCodes;
    std::vector<Stock> m_stock;
    std::vector<std::vector<Scheduled>> m_scheduled;
    std::vector<qint64> m_customerIds; // database id per demo person, 0 until first order
    qint64 m_customersCreated = 0;
    qint64 m_channelSequence[3] = {0, 0, 0};
    qint64 m_rmaSequence = 0;
    qint64 m_poSequence = 0;
    DemoSummary m_summary;
};

} // namespace app::demo
