#pragma once

#include <QByteArray>
#include <QString>

namespace app {

// Text for the machine-readable outputs, written piece by piece so an export of a
// million orders never holds more than one in memory, with keys in the documented
// order (QJsonObject would sort them).

// A JSON string literal, quotes included (RFC 8259 escaping).
QByteArray jsonString(const QString &text);

// A CSV cell, quoted when needed. Text that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe.
QByteArray csvCell(const QString &text);
QByteArray csvCell(qint64 number);

} // namespace app
