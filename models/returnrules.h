#pragma once

#include "models/returnauthorisation.h"

#include <QList>
#include <QString>

#include <optional>

namespace models {

// The transition table of a return. Each allowed move is one row; anything else is
// refused with a message that names the return, where it is and where it may go.
class ReturnWorkflow
{
public:
    struct Transition
    {
        ReturnStatus from;
        ReturnStatus to;
    };
    static const QList<Transition> &table();
    static QList<ReturnStatus> allowedFrom(ReturnStatus from);
    static bool allows(ReturnStatus from, ReturnStatus to);
    // Ok, or "RMA-000123 is received: it can go to inspected or rejected, not to refunded".
    static Status check(const QString &returnName, ReturnStatus from, ReturnStatus to);
};

// One RMA's hold on an order line. Requested and authorised returns hold what they
// ask for; once received, what arrived; rejected and cancelled ones hold nothing.
struct ReturnClaim
{
    ReturnStatus status = ReturnStatus::Requested;
    int quantity = 0;
    int quantityReceived = 0;
};
int claimedQuantity(const ReturnClaim &claim);

// What an order line may still send back: shipped minus what every RMA already
// holds of it (never below zero).
int returnableQuantity(int shipped, const QList<ReturnClaim> &claims);

// One line of a new return, with what the order says about it.
struct ReturnRequestLine
{
    int lineNo = 0;
    QString sku;
    int shipped = 0;
    int alreadyReturned = 0; // held by other RMAs (claimedQuantity summed)
    int requested = 0;
};

// Refuses an empty request, a line asked for zero or fewer units, and any line that
// asks for more than is returnable: "line 2 (MUG-01): 3 asked, only 1 returnable
// (2 shipped, 1 already returned)".
Status checkReturnRequest(const QString &orderNumber, const QList<ReturnRequestLine> &lines);

// Units counted in at the returns bench, per line: no more than was authorised.
Status checkReceivedQuantity(const QString &returnName, const QString &sku, int authorised,
                             int received);

// What to refund.
struct RefundLine
{
    qint64 unitPriceMinor = 0; // what was paid per unit, after the line's discount
    int quantity = 0;          // units being refunded
};

struct RefundInput
{
    ReturnReason reason = ReturnReason::ChangedMind;
    QList<RefundLine> lines;
    qint64 orderShippingMinor = 0;
    bool shippingRefundedBefore = false; // an earlier RMA of the order paid it back
    int restockingFeePercent = 0;        // 0..100, for returns that are not the shop's fault
    qint64 orderTotalMinor = 0;
    qint64 alreadyRefundedMinor = 0; // by earlier RMAs of the order
};

struct RefundSuggestion
{
    qint64 itemsMinor = 0;
    qint64 shippingMinor = 0;
    qint64 restockingFeeMinor = 0;
    qint64 totalMinor = 0;
    QString explanation; // "2 × 12.50 items; shipping refunded: damaged; no fee"
};

// Items at the price paid; the order's shipping when the reason is the shop's fault
// (once per order); a restocking fee (rounded down) off the items when it is not; the
// total never negative and never more than what is left of the order's total.
RefundSuggestion suggestRefund(const RefundInput &input, const QString &currency = QString());

// Where a return should come back to.
struct ReturnLocationCandidate
{
    qint64 id = 0;
    QString code;
    bool storeOrWarehouse = true; // a 3PL is never suggested
    bool active = true;
    bool isDefaultReturns = false;
    QString country;
    QString region;
    QString city;
    QString postcode;
    std::optional<double> latitude;
    std::optional<double> longitude;
    int routingPriority = 0;
    // Of the returned products, how many this location is short of: out of stock
    // (available <= 0) or below the product's reorder point.
    int productsShort = 0;
};

struct ReturnDestination // the order's ship-to: where the customer is
{
    QString country;
    QString region;
    QString city;
    QString postcode;
};

struct ReturnLocationSuggestion
{
    std::optional<qint64> locationId;
    QString reason; // "MKY is short of 1 returned item and is the nearest (same country)"
};

// The postcode's area: its leading letters ("LS10 1AB" -> "LS"), or for postcodes
// that start with digits the first two ("3089 JH" -> "30"). Upper case.
QString postcodeArea(const QString &postcode);

// A store or warehouse short of a returned product, nearest the customer, else the
// default returns location. Backroom has no coordinates for customers, so "nearest"
// is judged from the ship-to address:
//   1. same country and same postcode area or town;
//   2. same country and same region;
//   3. same country;
//   4. anywhere else.
// Within a rank, when some location (short or not) shares the customer's postcode
// area or town, the one closest to it in a straight line (latitude/longitude) wins:
// the customer lives near that location. Then the lower routing priority, then the
// code. With no short location, the default returns location; with none of those,
// no suggestion (the owner picks).
ReturnLocationSuggestion suggestReturnLocation(const ReturnDestination &customer,
                                               const QList<ReturnLocationCandidate> &candidates);

// Great-circle distance in kilometres.
double distanceKm(double lat1, double lon1, double lat2, double lon2);

} // namespace models
