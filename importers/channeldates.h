#pragma once

#include <QDateTime>
#include <QStringView>
#include <QTimeZone>

namespace importers {

// Dates and times as the channels' exports write them, turned into UTC.
//
// The date comes first, in one of:
//   2026-06-08   2026/06/08          year first (Shopify, Amazon ISO-8601)
//   05-17-2011   05/17/2011          month first (Amazon EU examples, US sites)
//   Jul-28-26    Jul-28-2026         month name first (eBay US)
//   28-Jul-26    28-Jul-2026         day first with a month name (eBay AU/UK)
// then optionally a time after a space or a 'T': 22:55, 22:55:28 or 22:55:28.123,
// then optionally an offset, with or without a space before it: Z, UTC, GMT,
// +10, +1000, +10:00, -07:00.
// A two-digit year is 20yy. Text with an offset is exact; without one the time is
// read in `zoneWithoutOffset` (the seller's zone), and a date alone is midnight there.
//
// Returns an invalid QDateTime for anything else (empty text, 2026-02-30, 24:00,
// trailing words), so the caller can name the value in its error. Spaces around
// the text are ignored.
QDateTime parseChannelDateTime(QStringView text, const QTimeZone &zoneWithoutOffset);

} // namespace importers
