#pragma once

#include <QString>

#include <cstdio>

namespace app {

inline void printOut(const QString &text)
{
    std::fputs(qUtf8Printable(text + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

inline void printError(const QString &text)
{
    std::fputs(qUtf8Printable(QStringLiteral("backroom: ") + text + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

} // namespace app
