#pragma once

#include "importers/api/apihttp.h"
#include "importers/api/channelconnection.h"
#include "models/orderimportsink.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace importers::api {

struct PullOptions
{
    // Orders created or changed on the channel since then (UTC); invalid: the last
    // kDefaultPullDays days.
    QDateTime sinceUtc;
    int pageSize = 0; // 0: the channel's largest page
    ApiRetryPolicy retry;
};

inline constexpr int kDefaultPullDays = 30;

struct PullProgress
{
    int pages = 0;  // pages read so far
    int orders = 0; // orders read so far (then written, in the second half)
    int written = 0;
    QString notice; // a wait or a retry, in words; empty otherwise
};
using PullProgressFn = std::function<void(const PullProgress &)>;

struct PullReport
{
    enum class Status
    {
        Pulled,    // committed: every page read and written in one transaction
        Failed,    // a page could not be had or read: nothing written
        Cancelled, // stopped by the user: nothing written
    };
    QString channel;
    QString source; // "orders API of shop x.myshopify.com": the run's name
    Status status = Status::Failed;
    QString message; // why it failed or was cancelled
    int pages = 0;
    int requests = 0; // HTTP requests sent, retries included
    int retries = 0;
    models::ImportRunTotals totals;
};

// "pulled", "failed", "cancelled": the --json contract.
QString pullStatusCode(PullReport::Status status);

// Pulls a channel's orders from its API into `sink`: walks every page (following
// the channel's own paging), maps each order to an ImportedOrder as its export file
// would, and only when every page has been read writes them all in ONE transaction,
// through the same sink as a file import: the same order is keyed by (channel,
// external id), so a repeated or overlapping pull changes nothing, a changed order
// is updated with a timeline event, unknown SKUs hold the order, and each order's
// JSON is kept as its source. An order on two pages (paging drift) is written once,
// as last seen. A failure or a Cancel at any point writes nothing but the attempt.
//
// Blocking: run it on a worker thread or in a command. `cancelled` is polled while
// waiting for the network and between orders.
PullReport pullOrders(const ChannelConnection &connection, models::OrderImportSink &sink,
                      const PullOptions &options, const QString &userName,
                      const PullProgressFn &progress = {}, const ApiCancelledFn &cancelled = {});

} // namespace importers::api
