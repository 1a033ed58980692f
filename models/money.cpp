#include "models/money.h"

#include <QHash>

#include <algorithm>
#include <cstdlib>

namespace models {

namespace {

struct SymbolCurrency
{
    const char16_t *symbol;
    const char16_t *currency;
};

// Longest symbols first so "A$" is found before "$".
constexpr SymbolCurrency kSymbols[] = {
    {u"AU$", u"AUD"}, {u"CA$", u"CAD"}, {u"NZ$", u"NZD"}, {u"US$", u"USD"}, {u"HK$", u"HKD"},
    {u"A$", u"AUD"},  {u"C$", u"CAD"},  {u"€", u"EUR"},   {u"£", u"GBP"},   {u"¥", u"JPY"},
    {u"￥", u"JPY"},  {u"₹", u"INR"},   {u"zł", u"PLN"},  {u"R$", u"BRL"},
};

bool isDollarCurrency(QStringView c)
{
    return c == u"USD" || c == u"AUD" || c == u"CAD" || c == u"NZD" || c == u"HKD" || c == u"SGD" ||
           c == u"MXN";
}

qint64 pow10(int n)
{
    qint64 r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

Error parseError(QStringView text, const QString &why)
{
    return Error{QStringLiteral("not an amount of money: \"%1\" (%2)").arg(text.toString(), why)};
}

} // namespace

Money::Money(qint64 minorUnits, QString currency)
    : m_minor(minorUnits), m_currency(std::move(currency))
{}

int Money::decimalsFor(QStringView currency)
{
    static const QHash<QString, int> special = {
        {QStringLiteral("JPY"), 0}, {QStringLiteral("KRW"), 0}, {QStringLiteral("ISK"), 0},
        {QStringLiteral("VND"), 0}, {QStringLiteral("CLP"), 0}, {QStringLiteral("HUF"), 2},
        {QStringLiteral("PYG"), 0}, {QStringLiteral("UGX"), 0}, {QStringLiteral("XAF"), 0},
        {QStringLiteral("XOF"), 0}, {QStringLiteral("BHD"), 3}, {QStringLiteral("KWD"), 3},
        {QStringLiteral("OMR"), 3}, {QStringLiteral("JOD"), 3}, {QStringLiteral("TND"), 3},
        {QStringLiteral("LYD"), 3}, {QStringLiteral("IQD"), 3},
    };
    return special.value(currency.toString(), 2);
}

QString Money::symbolFor(QStringView currency)
{
    if (currency == u"USD")
        return QStringLiteral("$");
    if (currency == u"EUR")
        return QStringLiteral("€");
    if (currency == u"GBP")
        return QStringLiteral("£");
    if (currency == u"JPY")
        return QStringLiteral("¥");
    if (currency == u"AUD")
        return QStringLiteral("A$");
    if (currency == u"CAD")
        return QStringLiteral("C$");
    if (currency == u"NZD")
        return QStringLiteral("NZ$");
    if (currency == u"INR")
        return QStringLiteral("₹");
    return currency.toString() + QLatin1Char(' ');
}

Result<Money> Money::parse(QStringView text, const QString &defaultCurrency)
{
    QString s = text.trimmed().toString();
    if (s.isEmpty())
        return parseError(text, QStringLiteral("empty"));

    bool negative = false;
    if (s.startsWith(QLatin1Char('(')) && s.endsWith(QLatin1Char(')'))) {
        negative = true;
        s = s.mid(1, s.size() - 2).trimmed();
    }
    s.replace(QChar(0x2212), QLatin1Char('-')); // typographic minus

    QString currency;
    for (const auto &sc : kSymbols) {
        const QString symbol = QString::fromUtf16(sc.symbol);
        if (s.contains(symbol)) {
            currency = QString::fromUtf16(sc.currency);
            s.remove(symbol);
            break;
        }
    }
    if (currency.isEmpty() && s.contains(QLatin1Char('$'))) {
        currency = isDollarCurrency(defaultCurrency) ? defaultCurrency : QStringLiteral("USD");
        s.remove(QLatin1Char('$'));
    }
    // An ISO code written beside the number ("EUR 12,00", "12.00 GBP").
    QString letters;
    for (QChar c : std::as_const(s))
        if (c.isLetter())
            letters += c;
    if (!letters.isEmpty()) {
        if (letters.size() != 3 || !currency.isEmpty())
            return parseError(text, QStringLiteral("unexpected letters \"%1\"").arg(letters));
        currency = letters.toUpper();
        s.remove(letters);
    }
    if (currency.isEmpty())
        currency = defaultCurrency;

    s = s.trimmed();
    if (s.startsWith(QLatin1Char('-'))) {
        negative = !negative;
        s = s.mid(1);
    } else if (s.endsWith(QLatin1Char('-'))) {
        negative = !negative;
        s.chop(1);
    } else if (s.startsWith(QLatin1Char('+'))) {
        s = s.mid(1);
    }

    // Keep digits and separators; spaces, no-break spaces and apostrophes group thousands.
    QString number;
    for (QChar c : std::as_const(s)) {
        if (c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char(','))
            number += c;
        else if (c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F) || c == QLatin1Char('\''))
            continue;
        else
            return parseError(text, QStringLiteral("unexpected character '%1'").arg(c));
    }
    if (number.isEmpty() ||
        !std::any_of(number.cbegin(), number.cend(), [](QChar c) { return c.isDigit(); }))
        return parseError(text, QStringLiteral("no digits"));

    const int decimals = decimalsFor(currency);
    const qsizetype lastDot = number.lastIndexOf(QLatin1Char('.'));
    const qsizetype lastComma = number.lastIndexOf(QLatin1Char(','));
    qsizetype decimalAt = -1;
    if (lastDot >= 0 && lastComma >= 0) {
        decimalAt = std::max(lastDot, lastComma);
    } else if (lastDot >= 0 || lastComma >= 0) {
        const QChar sep = lastDot >= 0 ? QLatin1Char('.') : QLatin1Char(',');
        const qsizetype at = std::max(lastDot, lastComma);
        const qsizetype digitsAfter = number.size() - at - 1;
        const bool repeated = number.count(sep) > 1;
        // "1,234", "¥1.200" and "1.234.567" group thousands; "1,23", "12.5", "12.345"
        // (rounded) and "0.123 KWD" are decimals. A lone dot is a decimal point wherever the
        // currency has decimals: that is how exports and toPlainString() write amounts.
        const bool threeAfter = digitsAfter == 3 && at > 0;
        const bool grouping =
            repeated || (threeAfter && (sep == QLatin1Char(',') ? decimals != 3 : decimals == 0));
        if (!grouping)
            decimalAt = at;
    }

    // Grouping separators must cut the whole part into threes ("1,234,567"): "12.3.4",
    // "1,23,4" or a mix of both is a typo, not an amount to guess at.
    const qsizetype wholeEnd = decimalAt >= 0 ? decimalAt : number.size();
    qsizetype lastSep = -1;
    for (qsizetype i = 0; i <= wholeEnd; ++i) {
        if (i < wholeEnd && number.at(i).isDigit())
            continue;
        if (i == wholeEnd && lastSep < 0)
            break; // no grouping at all
        const qsizetype groupSize = i - lastSep - 1;
        const bool misplaced =
            lastSep < 0 ? (groupSize < 1 || groupSize > 3)
                        : (groupSize != 3 || (i < wholeEnd && number.at(i) != number.at(lastSep)));
        if (misplaced)
            return parseError(text, QStringLiteral("misplaced thousands separator"));
        lastSep = i;
    }

    QString whole;
    QString fraction;
    for (qsizetype i = 0; i < number.size(); ++i) {
        const QChar c = number.at(i);
        if (i == decimalAt)
            continue;
        if (!c.isDigit())
            continue; // a grouping separator
        (decimalAt >= 0 && i > decimalAt ? fraction : whole) += c;
    }
    if (whole.size() > 15)
        return parseError(text, QStringLiteral("too large"));
    if (whole.isEmpty())
        whole = QStringLiteral("0");

    // Round half away from zero when the text has more decimals than the currency.
    bool roundUp = false;
    if (fraction.size() > decimals) {
        roundUp = fraction.at(decimals).digitValue() >= 5;
        fraction.truncate(decimals);
    }
    while (fraction.size() < decimals)
        fraction += QLatin1Char('0');

    qint64 minor = whole.toLongLong() * pow10(decimals) + (decimals ? fraction.toLongLong() : 0);
    if (roundUp)
        ++minor;
    return Money(negative ? -minor : minor, currency);
}

QString Money::toPlainString() const
{
    const int decimals = decimalsFor(m_currency);
    const qint64 absMinor = std::llabs(m_minor);
    const qint64 scale = pow10(decimals);
    QString out = m_minor < 0 ? QStringLiteral("-") : QString();
    out += QString::number(absMinor / scale);
    if (decimals > 0)
        out += QLatin1Char('.') +
               QStringLiteral("%1").arg(absMinor % scale, decimals, 10, QLatin1Char('0'));
    return out;
}

QString Money::toDisplayString(const QLocale &locale) const
{
    const int decimals = decimalsFor(m_currency);
    const qint64 absMinor = std::llabs(m_minor);
    const qint64 scale = pow10(decimals);
    QString number = locale.toString(absMinor / scale);
    if (decimals > 0)
        number += locale.decimalPoint() +
                  QStringLiteral("%1").arg(absMinor % scale, decimals, 10, QLatin1Char('0'));
    const QString sign = m_minor < 0 ? QStringLiteral("-") : QString();
    return sign + symbolFor(m_currency) + number;
}

Money Money::operator+(const Money &other) const
{
    Q_ASSERT(m_currency == other.m_currency || other.m_minor == 0 || m_minor == 0);
    return Money(m_minor + other.m_minor, m_currency.isEmpty() ? other.m_currency : m_currency);
}

Money Money::operator-(const Money &other) const
{
    return *this + (-other);
}

Money &Money::operator+=(const Money &other)
{
    *this = *this + other;
    return *this;
}

} // namespace models
