#pragma once

#include "models/order.h"
#include "models/orderexceptions.h"
#include "models/orderpriority.h"
#include "models/routing.h"
#include "storage/sqlallocator.h"
#include "storage/sqlkits.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace storage {

// One allocation session over a connection: the settings, locations and rates read
// once, the statements prepared once, and the per-transaction stock figures. Every
// method that writes runs inside a write transaction the caller holds.
class AllocationRun
{
public:
    enum class Mode
    {
        Queue,    // an allocation run or a backorder fill: new and backordered orders
        Released, // a person released the order: no review checks
    };

    AllocationRun(QSqlDatabase db, AllocationOptions options);

    // Reads settings, locations, rates and kits and prepares the statements.
    models::Status load();

    // Start of a write transaction: stock may have changed since the last one.
    models::Status beginTransaction();

    // The orders an allocation run looks at, highest priority first. With
    // `wantingProduct`: the backordered ones with a line of it, or of a kit containing it.
    models::Result<QList<qint64>> queue(std::optional<qint64> wantingProduct = std::nullopt);

    // Allocates one order (or leaves it as it is) and counts the outcome into `summary`.
    models::Status allocate(qint64 orderId, Mode mode, bool allowSplit, AllocationSummary &summary);

    // Moves an order by hand (hold, cancel, release to new), releasing its reservations
    // when the new status holds none.
    models::Status move(qint64 orderId, models::OrderStatus to, const QString &reason);

private:
    struct OrderFacts;
    struct Level
    {
        int onHand = 0;
        int reserved = 0;
    };

    models::Result<OrderFacts> readOrder(qint64 orderId);
    models::Status releaseReservations(const OrderFacts &order, int *released);
    std::optional<models::OrderHold> reviewChecks(const OrderFacts &order);
    models::Result<QList<models::DuplicateFacts>> nearbyOrders(const OrderFacts &order);
    models::Result<std::optional<int>> medianQuantity(qint64 productId, qint64 excludingOrder);
    models::Status loadLevels(qint64 productId);
    models::Result<QDateTime> lastReceipt(qint64 productId, qint64 locationId);
    models::Status apply(OrderFacts &order, const models::RoutingDecision &decision,
                         AllocationSummary &summary);
    models::Status setStatus(OrderFacts &order, models::OrderStatus to, const QString &reason,
                             std::optional<qint64> locationId);
    models::Status addEvent(qint64 orderId, models::OrderEvent::Kind kind, const QString &detail,
                            std::optional<models::OrderStatus> from = std::nullopt,
                            std::optional<models::OrderStatus> to = std::nullopt);
    QString nowText() const;
    QString codeOf(qint64 locationId) const;

    QSqlDatabase m_db;
    AllocationOptions m_options;
    QDateTime m_now;
    QString m_currency;
    models::PriorityPolicy m_priority;
    models::RoutingPolicy m_routing;
    models::ExceptionPolicy m_exceptions;
    models::RateTable m_rates;
    QList<models::RoutingLocation> m_locations; // stock figures filled per order
    QSet<QString> m_servedCountries;
    bool m_servesAnywhere = false;
    KitMap m_kits; // kit product -> components; read once per run

    // Valid for the current transaction only: another process may write between them.
    QHash<qint64, QHash<qint64, Level>> m_levels; // product -> location -> level
    QHash<qint64, int> m_routedToday;             // location -> orders routed today
    // Receipt dates only move forward and only break ties, so they last the run.
    QHash<QPair<qint64, qint64>, QDateTime> m_receipts;

    QSqlQuery m_readOrder, m_readLines, m_activeReservations, m_releaseReservation, m_unreserve,
        m_levelsOf, m_receipt, m_reserve, m_insertReservation, m_updateOrder, m_insertEvent,
        m_bumpLoad, m_readLoad, m_byEmail, m_byNamePostcode, m_itemsOf, m_median;
};

} // namespace storage
