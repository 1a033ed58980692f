#pragma once

#include "models/address.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

#include <optional>

namespace models {

// Why an order is stopped before it takes stock. The code is what reports count by.
enum class HoldKind
{
    UnknownSku,
    MissingAddress,
    BadPostcode,
    UnshippableCountry,
    UnusualQuantity,
    LikelyDuplicate,
    OutOfStock,
    SplitDecision,
    NoRate,
    Manual,
    EmptyKit, // a line's product is a kit without components
};

QString holdKindCode(HoldKind kind); // "unknown_sku", "missing_address", ...

struct OrderHold
{
    HoldKind kind = HoldKind::Manual;
    QString reason; // for the timeline and the queue, e.g. "Unknown SKU: MUG-9 (line 2)"
};

// The line facts the checks look at.
struct ExceptionLine
{
    int lineNumber = 0;
    bool productKnown = false;
    QString sku;
    int quantity = 0;
    std::optional<int> medianQuantity; // of this SKU's past order lines, when known
};

// An order as the duplicate check compares it.
struct DuplicateFacts
{
    qint64 orderId = 0;
    QString orderNumber;
    QString channelCode;
    QString email;
    QString name;
    QString postcode;
    QDateTime placedAtUtc;
    QList<QPair<QString, int>> items; // (SKU, quantity)
};

struct ExceptionPolicy
{
    int quantityFactor = 10;  // a line above factor x the SKU's median...
    int quantityMinimum = 10; // ...and above this is unusual
    int duplicateWindowMinutes = 60;
};

// The checks run before an order takes stock. Each returns the hold it calls for,
// or nothing. Pure: the caller gathers the facts.
class OrderExceptions
{
public:
    static std::optional<OrderHold> unknownSku(const QList<ExceptionLine> &lines);
    static std::optional<OrderHold> missingAddressField(const Address &address);
    static std::optional<OrderHold> postcodeMismatch(const Address &address);
    // `servedCountries`: the destinations some location has a rate for; `anywhere`:
    // some location has a rate for any destination.
    static std::optional<OrderHold>
    unshippableCountry(const QString &country, const QSet<QString> &servedCountries, bool anywhere);
    static std::optional<OrderHold> unusualQuantity(const QList<ExceptionLine> &lines,
                                                    const ExceptionPolicy &policy);
    // `earlier`: orders by the same buyer placed near this one. Only an order that
    // came after another with the same items is the duplicate, so the first one ships.
    static std::optional<OrderHold> likelyDuplicate(const DuplicateFacts &order,
                                                    const QList<DuplicateFacts> &others,
                                                    const ExceptionPolicy &policy);

    // Whether the country writes postcodes, and whether one fits its format.
    // Unknown countries accept any non-empty postcode.
    static bool usesPostcodes(QStringView country);
    static bool postcodeFits(QStringView country, QStringView postcode);
};

} // namespace models
