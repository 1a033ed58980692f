#pragma once

#include "models/orderqueuerow.h"
#include "models/result.h"

#include <QList>
#include <QString>

namespace models {

// A named way of looking at the order queue: the filter bar's state, the search
// text and the sort, e.g. "Late Amazon orders". Built-in views come with Backroom
// and cannot be deleted; the user's own are kept in the database.
struct OrderView
{
    QString name;
    OrderQueueFilter filter = {};
    OrderSortKey sortKey = OrderSortKey::PlacedAt;
    bool ascending = false;
    bool builtIn = false;

    friend bool operator==(const OrderView &, const OrderView &) = default;
};

// Late, On hold, Ready to pick.
QList<OrderView> builtInOrderViews();

// The stored form: a small JSON object, e.g.
// {"statuses":["ready"],"late":true,"channel":2,"search":"smith","sort":"ship_by","asc":true}.
// Keys left out mean "no restriction", so a view saved today reads the same tomorrow.
QString encodeOrderView(const OrderView &view);
Result<OrderView> decodeOrderView(const QString &name, const QString &text);

// A view name must say something and must not take a built-in's name.
Status checkOrderViewName(const QString &name);

// Where the user's views are kept; storage/ implements it over the database.
class OrderViewStore
{
public:
    virtual ~OrderViewStore() = default;
    // The user's views, by name.
    virtual Result<QList<OrderView>> views() = 0;
    // Saves under view.name, replacing a view of that name.
    virtual Status saveView(const OrderView &view) = 0;
    virtual Status deleteView(const QString &name) = 0;
};

} // namespace models
