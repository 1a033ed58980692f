#pragma once

#include <QByteArrayView>
#include <QString>

namespace importers {

// Windows-1252, the "ANSI" code page Excel on Western Windows saves CSV in.
// Our own table rather than QStringDecoder("windows-1252"), which exists only
// where Qt is built with ICU (Debian, not the official Windows/macOS builds).
// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character and become the C1
// control of the same value, as Windows and ICU do.
QChar windows1252ToUnicode(uchar byte);
QString decodeWindows1252(QByteArrayView bytes);

} // namespace importers
