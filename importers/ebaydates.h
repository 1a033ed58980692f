#pragma once

#include "models/result.h"

#include <QDate>
#include <QDateTime>
#include <QStringView>
#include <QTime>
#include <QTimeZone>

namespace importers {

// A date (and maybe a time of day) as an eBay orders report writes it, with no zone.
struct EbayLocalDateTime
{
    QDate date;
    QTime time; // midnight when the file gives only a date
};

// Reads the date forms of eBay's orders reports, which depend on the site:
//   "Nov-06-26"  (US, %b-%d-%y)     "06-Nov-26"  (UK, AU)
//   "Nov-06-2026"                   "06-Nov-2026"
//   "2026-11-06"                    (ISO, also "2026-11-06T14:05:00")
// optionally followed by a time: "14:05", "14:05:09", "2:05 PM" or "2:05:09 pm".
// Month names are English, abbreviated or full, in any case; a two-digit year is
// 20yy (eBay is younger than 2000). All-digit forms other than ISO ("06/11/26")
// are refused: day and month cannot be told apart.
models::Result<EbayLocalDateTime> parseEbayLocalDateTime(QStringView text);

// The same, read as the seller's local time in `zone` (the report has no zone)
// and given in UTC. An ISO value with its own offset ("…T14:05:00+02:00", "…Z")
// keeps it. A local time skipped by a daylight-saving change moves forward, as
// clocks do.
models::Result<QDateTime> parseEbayDateTime(QStringView text, const QTimeZone &zone);

} // namespace importers
