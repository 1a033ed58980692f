#pragma once

#include "models/orderpriority.h"
#include "models/orderstatus.h"
#include "models/result.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

#include <optional>

namespace models {

enum class PickListKind
{
    Batch,  // several orders, one slot each, picked in one walk
    Single, // one order
};

enum class PickListStatus
{
    Open,
    Picked,
    Cancelled,
};

QString pickListKindCode(PickListKind kind); // "batch", "single"
std::optional<PickListKind> pickListKindFromCode(QStringView code);
QString pickListStatusCode(PickListStatus status); // "open", "picked", "cancelled"
std::optional<PickListStatus> pickListStatusFromCode(QStringView code);
QString pickListStatusLabel(PickListStatus status);

// One order line's units as they go into a slot.
struct PickAllocation
{
    int slot = 0;
    qint64 orderId = 0;
    qint64 orderLineId = 0;
    int quantity = 0;
    // The kit these units are parts of ("GIFT-01"): the order line sells the kit and the
    // line picks one of its components. Empty: the order line is this product.
    QString kitSku;
};

// How a pick line's units are marked for the kits they are parts of: "" when none is,
// "for GIFT-01" when all are parts of one kit, else each share in the order first met,
// "2 for GIFT-01, 1 on its own" (units ordered as the product itself are "on its own").
QString pickKitNote(const QList<PickAllocation> &allocations);

// One line of a pick list: a product at a bin, the total to take and how it is
// shared out between the slots.
struct PickLine
{
    qint64 id = 0;  // 0 until stored
    int lineNo = 0; // 1.. in walking order
    qint64 productId = 0;
    QString sku;
    QString title;
    QString barcode; // the product's primary barcode; empty: none
    std::optional<qint64> binId;
    QString binCode;     // empty: no bin at the list's location
    int binSequence = 0; // bins.pick_sequence
    int quantity = 0;
    int shortQuantity = 0; // units the picker reported missing
    QList<PickAllocation> allocations;
};

// One order on a list.
struct PickListOrder
{
    int slot = 0;
    qint64 orderId = 0;
    QString orderNumber;
    QString channelCode;
    OrderStatus status = OrderStatus::Picking;
    bool removed = false; // taken off the list by a short pick
};

struct PickListSummary
{
    qint64 id = 0;
    QString code; // "PL-000012"
    qint64 locationId = 0;
    QString locationCode;
    QString locationName;
    PickListKind kind = PickListKind::Batch;
    PickListStatus status = PickListStatus::Open;
    QDateTime createdUtc;
    QString user;
    int orders = 0; // still on the list
    int lines = 0;
    int units = 0;
    int shortUnits = 0;
};

struct PickListDetail
{
    PickListSummary summary;
    QList<PickListOrder> orders; // by slot
    QList<PickLine> lines;       // in walking order
};

// A location pick lists can be made for, with how many orders wait there.
struct PickLocation
{
    qint64 id = 0;
    QString code;
    QString name;
    int readyOrders = 0;
};

// A ready order as a wave sees it.
struct WaveCandidate
{
    PriorityFacts priority; // priority.orderId is the order's id
    QString orderNumber;
    QString channelCode;
    QString shippingService; // the carrier service the buyer chose; empty: none
};

// The ready orders of a location and the shop's priority rules.
struct ReadyOrders
{
    QList<WaveCandidate> orders;
    PriorityPolicy priority;
};

struct PickListRequest
{
    qint64 locationId = 0;
    QList<qint64> orderIds;
    PickListKind kind = PickListKind::Batch; // Single: one list per order
};

// What marking a line short did.
struct ShortPickOutcome
{
    int missing = 0;
    bool backordered = false; // false: the orders were put on hold
    QStringList orderNumbers; // the orders taken off the list, latest priority first
    QString message;          // for the status line
};

// What the Pick lists screen reads and does; storage/ implements it over the database.
class PickListSource
{
public:
    virtual ~PickListSource() = default;

    virtual Result<QList<PickLocation>> locations() = 0;
    virtual Result<ReadyOrders> readyOrders(qint64 locationId) = 0;
    // Open lists at the location, newest first.
    virtual Result<QList<PickListSummary>> openLists(qint64 locationId) = 0;
    virtual Result<PickListDetail> list(qint64 listId) = 0;

    // One batch list, or one single-order list per order. Orders that are not ready
    // at the location are refused, by number, and nothing is written.
    virtual Result<QList<PickListSummary>> create(const PickListRequest &request) = 0;
    // The picker found `missing` units fewer than the line asks for.
    virtual Result<ShortPickOutcome> markShort(qint64 listId, qint64 lineId, int missing) = 0;
    virtual Status markPicked(qint64 listId) = 0;
    // Its orders still being picked go back to ready.
    virtual Status cancel(qint64 listId) = 0;
};

} // namespace models
