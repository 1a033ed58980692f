#include "importers/ebaydates.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace importers {

namespace {

models::Error dateError(QStringView text, const QString &why)
{
    return models::Error{QStringLiteral("not a date: \"%1\" (%2)").arg(text.toString(), why)};
}

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool allLetters(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
            return false;
    }
    return true;
}

// 1..12 for an English month name, abbreviated ("Nov", "Sept") or full; 0 otherwise.
int monthFromName(QStringView name)
{
    static constexpr std::array<const char16_t *, 12> Names = {
        u"january", u"february", u"march",     u"april",   u"may",      u"june",
        u"july",    u"august",   u"september", u"october", u"november", u"december"};
    if (name.size() < 3)
        return 0;
    const QString lower = name.toString().toLower();
    for (std::size_t i = 0; i < Names.size(); ++i) {
        const QStringView full(Names[i]);
        if (lower == full || lower == full.first(3) || (i == 8 && lower == u"sept"))
            return int(i) + 1;
    }
    return 0;
}

// A year of two or four digits; two digits are this century.
std::optional<int> yearFrom(QStringView digits)
{
    if (!allDigits(digits) || (digits.size() != 2 && digits.size() != 4))
        return std::nullopt;
    const int year = digits.toInt();
    return digits.size() == 2 ? 2000 + year : year;
}

std::optional<int> dayFrom(QStringView digits)
{
    if (!allDigits(digits) || digits.size() > 2)
        return std::nullopt;
    return digits.toInt();
}

// "14:05", "14:05:09", "2:05 PM", "2:05:09pm".
models::Result<QTime> parseTime(QStringView whole, QStringView text)
{
    QStringView rest = text.trimmed();
    int addHours = 0;
    bool twelveHour = false;
    if (rest.endsWith(u"am", Qt::CaseInsensitive) || rest.endsWith(u"pm", Qt::CaseInsensitive)) {
        twelveHour = true;
        addHours = rest.endsWith(u"pm", Qt::CaseInsensitive) ? 12 : 0;
        rest = rest.chopped(2).trimmed();
    }
    const QList<QStringView> parts = rest.split(u':');
    if (parts.size() < 2 || parts.size() > 3)
        return dateError(whole, QStringLiteral("the time is not hh:mm or hh:mm:ss"));
    for (const QStringView part : parts) {
        if (!allDigits(part) || part.size() > 2)
            return dateError(whole, QStringLiteral("the time is not hh:mm or hh:mm:ss"));
    }
    int hour = parts.at(0).toInt();
    const int minute = parts.at(1).toInt();
    const int second = parts.size() == 3 ? parts.at(2).toInt() : 0;
    if (twelveHour) {
        if (hour < 1 || hour > 12)
            return dateError(whole, QStringLiteral("no such time"));
        hour = hour % 12 + addHours;
    }
    const QTime time(hour, minute, second);
    if (!time.isValid())
        return dateError(whole, QStringLiteral("no such time"));
    return time;
}

// Where an ISO value ends its time with a zone: "Z", "+02:00", "-0500".
bool hasIsoOffset(QStringView text)
{
    if (text.endsWith(u'Z') || text.endsWith(u'z'))
        return true;
    const qsizetype timeStart = text.indexOf(u':');
    return timeStart > 10 &&
           (text.indexOf(u'+', timeStart) > 0 || text.indexOf(u'-', timeStart) > 0);
}

} // namespace

models::Result<EbayLocalDateTime> parseEbayLocalDateTime(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return dateError(text, QStringLiteral("empty"));

    // The date is the first word; ISO may join the time with a 'T'.
    qsizetype dateEnd = 0;
    while (dateEnd < trimmed.size() && !trimmed.at(dateEnd).isSpace())
        ++dateEnd;
    QStringView datePart = trimmed.first(dateEnd);
    QStringView timePart = trimmed.sliced(dateEnd).trimmed();
    const qsizetype t = datePart.indexOf(u'T');
    if (t == 10 && timePart.isEmpty()) {
        timePart = datePart.sliced(t + 1);
        datePart = datePart.first(t);
    }

    const QList<QStringView> parts = datePart.split(u'-');
    if (parts.size() != 3)
        return dateError(text, QStringLiteral("expected a form like Nov-06-26 or 06-Nov-26"));

    std::optional<int> year;
    std::optional<int> day;
    int month = 0;
    if (parts.at(0).size() == 4 && allDigits(parts.at(0))) { // 2026-11-06
        year = yearFrom(parts.at(0));
        day = dayFrom(parts.at(2));
        if (allDigits(parts.at(1)) && parts.at(1).size() <= 2)
            month = parts.at(1).toInt();
    } else if (allLetters(parts.at(0))) { // Nov-06-26
        month = monthFromName(parts.at(0));
        day = dayFrom(parts.at(1));
        year = yearFrom(parts.at(2));
    } else if (allLetters(parts.at(1))) { // 06-Nov-26
        day = dayFrom(parts.at(0));
        month = monthFromName(parts.at(1));
        year = yearFrom(parts.at(2));
    } else {
        return dateError(text, QStringLiteral("day and month cannot be told apart"));
    }
    if (month < 1 || month > 12)
        return dateError(text, QStringLiteral("unknown month"));
    if (!day || !year)
        return dateError(text, QStringLiteral("expected a form like Nov-06-26 or 06-Nov-26"));
    const QDate date(*year, month, *day);
    if (!date.isValid())
        return dateError(text, QStringLiteral("no such day"));

    EbayLocalDateTime result{date, QTime(0, 0)};
    if (!timePart.isEmpty()) {
        auto time = parseTime(text, timePart);
        if (!time)
            return models::Error{time.error()};
        result.time = *time;
    }
    return result;
}

models::Result<QDateTime> parseEbayDateTime(QStringView text, const QTimeZone &zone)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.size() > 10 && allDigits(trimmed.first(4)) && hasIsoOffset(trimmed)) {
        const QDateTime withOffset = QDateTime::fromString(trimmed.toString(), Qt::ISODate);
        if (!withOffset.isValid())
            return dateError(text, QStringLiteral("not an ISO 8601 date and time"));
        return withOffset.toUTC();
    }
    auto local = parseEbayLocalDateTime(text);
    if (!local)
        return models::Error{local.error()};
    const QTimeZone in = zone.isValid() ? zone : QTimeZone::utc();
    const QDateTime inZone(local->date, local->time, in);
    if (inZone.isValid())
        return inZone.toUTC();
    // Skipped by a spring-forward change: read with the offset in force before
    // it, which lands as far past the change as the time was past its start.
    const QDateTime asUtc(local->date, local->time, QTimeZone::utc());
    const int offsetBefore = in.offsetFromUtc(asUtc.addDays(-1));
    const QDateTime moved = asUtc.addSecs(-offsetBefore);
    if (!moved.isValid())
        return dateError(text, QStringLiteral("not a time in %1").arg(QString::fromUtf8(in.id())));
    return moved.toUTC();
}

} // namespace importers
