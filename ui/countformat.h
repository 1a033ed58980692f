#pragma once

#include <QString>

namespace ui {

// A count as people read it, with thousands grouped ("1,000,000"). Under the C
// locale (no LANG, C.UTF-8, CI) Qt would print "1000000"; English grouping is used
// there instead, since a million-row count must stay readable at a glance.
QString formatCount(qint64 n);

} // namespace ui
