#include "models/trackingnumber.h"

namespace models {

namespace {

bool allDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

bool allLetters(QStringView s)
{
    for (QChar c : s)
        if (c < u'A' || c > u'Z')
            return false;
    return true;
}

} // namespace

int TrackingNumber::s10CheckDigit(QStringView serial)
{
    if (serial.size() != 8 || !allDigits(serial))
        return -1;
    static const int weights[8] = {8, 6, 4, 2, 3, 5, 9, 7};
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += (serial.at(i).unicode() - u'0') * weights[i];
    const int check = 11 - sum % 11;
    if (check == 10)
        return 0;
    if (check == 11)
        return 5;
    return check;
}

int TrackingNumber::luhnCheckDigit(QStringView digits)
{
    if (!allDigits(digits))
        return -1;
    int sum = 0;
    bool twice = true; // the digit next to the check digit is doubled
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).unicode() - u'0';
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return (10 - sum % 10) % 10;
}

QString TrackingNumber::normalised(QStringView number)
{
    QString out;
    out.reserve(number.size());
    for (QChar c : number)
        if (!c.isSpace())
            out.append(c.toUpper());
    return out;
}

Result<QString> TrackingNumber::generate(const Carrier &carrier, qint64 serial)
{
    switch (carrier.trackingScheme) {
    case TrackingScheme::None:
        return Error{QStringLiteral("%1 does not give tracking numbers to generate: scan or "
                                    "type the number from its label")
                         .arg(carrier.name)};
    case TrackingScheme::S10: {
        if (serial < 0 || serial > 99999999)
            return Error{QStringLiteral("%1: serial %2 does not fit the eight digits of an S10 "
                                        "tracking number; the range is used up")
                             .arg(carrier.name)
                             .arg(serial)};
        const QString digits = QStringLiteral("%1").arg(serial, 8, 10, QLatin1Char('0'));
        return carrier.trackingPrefix + digits + QString::number(s10CheckDigit(digits)) +
               carrier.trackingSuffix;
    }
    case TrackingScheme::Luhn: {
        QString digits =
            QStringLiteral("%1").arg(serial, carrier.trackingDigits, 10, QLatin1Char('0'));
        if (serial < 0 || digits.size() > carrier.trackingDigits)
            return Error{QStringLiteral("%1: serial %2 does not fit %3 digits; the range is "
                                        "used up")
                             .arg(carrier.name)
                             .arg(serial)
                             .arg(carrier.trackingDigits)};
        digits.prepend(carrier.trackingPrefix);
        const int check = luhnCheckDigit(digits);
        if (check < 0)
            return Error{QStringLiteral("%1: the tracking prefix \"%2\" must be digits")
                             .arg(carrier.name, carrier.trackingPrefix)};
        return digits + QString::number(check);
    }
    }
    return Error{QStringLiteral("unknown tracking scheme")};
}

Status TrackingNumber::check(const Carrier &carrier, QStringView number)
{
    const QString n = normalised(number);
    if (n.isEmpty())
        return Error{QStringLiteral("the tracking number is empty")};
    switch (carrier.trackingScheme) {
    case TrackingScheme::None:
        return {};
    case TrackingScheme::S10: {
        if (n.size() != 13 || !allLetters(QStringView(n).left(2)) ||
            !allDigits(QStringView(n).mid(2, 9)) || !allLetters(QStringView(n).right(2)))
            return Error{QStringLiteral("%1 is not a %2 tracking number: it should be two "
                                        "letters, nine digits and two letters (like "
                                        "RR123456785GB)")
                             .arg(n, carrier.name)};
        if (s10CheckDigit(QStringView(n).mid(2, 8)) != n.at(10).unicode() - u'0')
            return Error{QStringLiteral("%1: the check digit is wrong; scan it again or check "
                                        "the digits")
                             .arg(n)};
        return {};
    }
    case TrackingScheme::Luhn: {
        if (!allDigits(n) || n.size() < 2)
            return Error{QStringLiteral("%1 is not a %2 tracking number: it should be digits only")
                             .arg(n, carrier.name)};
        if (luhnCheckDigit(QStringView(n).chopped(1)) != n.back().unicode() - u'0')
            return Error{QStringLiteral("%1: the check digit is wrong; scan it again or check "
                                        "the digits")
                             .arg(n)};
        return {};
    }
    }
    return {};
}

} // namespace models
