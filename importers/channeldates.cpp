#include "importers/channeldates.h"

#include <QDate>
#include <QTime>

#include <array>
#include <optional>

namespace importers {

namespace {

// Walks the text once, without allocating: a million rows each carry several
// dates, and QDateTime::fromString with a format costs far more than this.
class Cursor
{
public:
    explicit Cursor(QStringView text) : m_text(text) {}

    bool atEnd() const { return m_at >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_at); }
    bool peekDigit() const { return isDigit(peek()); }
    bool peekLetter() const
    {
        const char16_t c = peek().unicode();
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    }
    bool take(QChar c)
    {
        if (atEnd() || m_text.at(m_at) != c)
            return false;
        ++m_at;
        return true;
    }
    int skipSpaces()
    {
        int count = 0;
        while (!atEnd() && m_text.at(m_at) == u' ') {
            ++m_at;
            ++count;
        }
        return count;
    }
    // Digits as a number: at least `minDigits`, at most `maxDigits`; sets `digits`
    // to how many were read.
    std::optional<int> number(int minDigits, int maxDigits, int *digits = nullptr)
    {
        int value = 0;
        int count = 0;
        while (count < maxDigits && peekDigit()) {
            value = value * 10 + (m_text.at(m_at).unicode() - u'0');
            ++m_at;
            ++count;
        }
        if (digits)
            *digits = count;
        if (count < minDigits || peekDigit())
            return std::nullopt;
        return value;
    }
    QStringView letters()
    {
        const qsizetype start = m_at;
        while (peekLetter())
            ++m_at;
        return m_text.sliced(start, m_at - start);
    }
    // Fraction digits after a decimal point, as milliseconds (truncated).
    int milliseconds()
    {
        int ms = 0;
        int count = 0;
        while (peekDigit()) {
            if (count < 3)
                ms = ms * 10 + (m_text.at(m_at).unicode() - u'0');
            ++m_at;
            ++count;
        }
        for (; count < 3; ++count)
            ms *= 10;
        return ms;
    }

private:
    static bool isDigit(QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; }

    QStringView m_text;
    qsizetype m_at = 0;
};

// 1-12 for an English month name or its first three letters ("Sept" too), else 0.
int monthFromName(QStringView name)
{
    static constexpr std::array<QStringView, 12> Names = {
        u"january", u"february", u"march",     u"april",   u"may",      u"june",
        u"july",    u"august",   u"september", u"october", u"november", u"december"};
    if (name.size() < 3)
        return 0;
    for (std::size_t i = 0; i < Names.size(); ++i) {
        const QStringView full = Names[i];
        if (name.size() > full.size())
            continue;
        const bool abbreviation = name.size() == 3 || (i == 8 && name.size() == 4);
        if ((abbreviation || name.size() == full.size()) &&
            name.compare(full.first(name.size()), Qt::CaseInsensitive) == 0)
            return int(i) + 1;
    }
    return 0;
}

int fullYear(int year, int digits)
{
    return digits == 2 ? 2000 + year : year;
}

struct DateParts
{
    int year = 0;
    int month = 0;
    int day = 0;
};

bool isDateSeparator(QChar c)
{
    return c == u'-' || c == u'/';
}

std::optional<DateParts> readDate(Cursor &in)
{
    DateParts date;
    int digits = 0;
    if (in.peekLetter()) { // Jul-28-26
        date.month = monthFromName(in.letters());
        const QChar separator = in.peek();
        if (date.month == 0 || !isDateSeparator(separator) || !in.take(separator))
            return std::nullopt;
        const auto day = in.number(1, 2);
        if (!day || !in.take(separator))
            return std::nullopt;
        const auto year = in.number(2, 4, &digits);
        if (!year || digits == 3)
            return std::nullopt;
        date.day = *day;
        date.year = fullYear(*year, digits);
        return date;
    }
    const auto first = in.number(1, 4, &digits);
    const QChar separator = in.peek();
    if (!first || !isDateSeparator(separator) || !in.take(separator))
        return std::nullopt;
    if (digits == 4) { // 2026-06-08
        const auto month = in.number(1, 2);
        if (!month || !in.take(separator))
            return std::nullopt;
        const auto day = in.number(1, 2);
        if (!day)
            return std::nullopt;
        return DateParts{*first, *month, *day};
    }
    if (digits > 2)
        return std::nullopt;
    if (in.peekLetter()) { // 28-Jul-26
        date.day = *first;
        date.month = monthFromName(in.letters());
        if (date.month == 0 || !in.take(separator))
            return std::nullopt;
    } else { // 05-17-2011
        date.month = *first;
        const auto day = in.number(1, 2);
        if (!day || !in.take(separator))
            return std::nullopt;
        date.day = *day;
    }
    const auto year = in.number(2, 4, &digits);
    if (!year || digits == 3)
        return std::nullopt;
    date.year = fullYear(*year, digits);
    return date;
}

// Seconds east of UTC: Z, UTC, GMT, +10, +1000, +10:00 (UTC+10:00 too).
std::optional<int> readOffset(Cursor &in)
{
    if (in.take(u'Z') || in.take(u'z'))
        return 0;
    int offset = 0;
    if (in.peekLetter()) {
        const QStringView zone = in.letters();
        if (zone.compare(u"UTC", Qt::CaseInsensitive) != 0 &&
            zone.compare(u"GMT", Qt::CaseInsensitive) != 0)
            return std::nullopt;
        if (in.atEnd())
            return 0;
    }
    const QChar sign = in.peek();
    if (sign != u'+' && sign != u'-')
        return std::nullopt;
    in.take(sign);
    int digits = 0;
    const auto hours = in.number(1, 4, &digits);
    if (!hours)
        return std::nullopt;
    int minutes = 0;
    if (digits == 4) {
        minutes = *hours % 100;
        offset = *hours / 100 * 3600;
    } else if (digits <= 2) {
        offset = *hours * 3600;
        if (in.take(u':')) {
            const auto m = in.number(2, 2);
            if (!m)
                return std::nullopt;
            minutes = *m;
        }
    } else {
        return std::nullopt;
    }
    if (minutes >= 60 || offset > 14 * 3600)
        return std::nullopt;
    offset += minutes * 60;
    return sign == u'-' ? -offset : offset;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

} // namespace

QDateTime parseChannelDateTime(QStringView text, const QTimeZone &zoneWithoutOffset)
{
    Cursor in(text.trimmed());
    const std::optional<DateParts> date = readDate(in);
    if (!date || !QDate::isValid(date->year, date->month, date->day))
        return {};

    int hour = 0;
    int minute = 0;
    int second = 0;
    int ms = 0;
    std::optional<int> offset;
    if (!in.atEnd()) {
        if (!in.take(u'T') && in.skipSpaces() == 0)
            return {};
        const auto h = in.number(1, 2);
        if (!h || !in.take(u':'))
            return {};
        const auto m = in.number(2, 2);
        if (!m)
            return {};
        hour = *h;
        minute = *m;
        if (in.take(u':')) {
            const auto s = in.number(2, 2);
            if (!s)
                return {};
            second = *s;
            if (in.take(u'.') || in.take(u','))
                ms = in.milliseconds();
        }
        if (hour > 23 || minute > 59 || second > 59)
            return {};
        in.skipSpaces();
        if (!in.atEnd()) {
            offset = readOffset(in);
            if (!offset || !in.atEnd())
                return {};
        }
    }

    if (offset) {
        const qint64 seconds = daysFromCivil(date->year, date->month, date->day) * 86400 +
                               hour * 3600 + minute * 60 + second - *offset;
        return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + ms, Qt::UTC);
    }
    const QDate day(date->year, date->month, date->day);
    const QTime time(hour, minute, second, ms);
    if (!zoneWithoutOffset.isValid())
        return QDateTime(day, time, Qt::UTC);
    return QDateTime(day, time, zoneWithoutOffset).toUTC();
}

} // namespace importers
