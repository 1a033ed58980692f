#pragma once

#include <QString>

namespace app {

// Who is working, for run records, timelines and the stock ledger: the account
// logged in to this PC ($USER, or %USERNAME% on Windows), "unknown" if neither is set.
QString osUserName();

} // namespace app
