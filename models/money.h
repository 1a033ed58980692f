#pragma once

#include "models/result.h"

#include <QLocale>
#include <QString>
#include <QStringView>
#include <QtGlobal>

namespace models {

// An amount of money: integer minor units (cents, pence, yen) plus an ISO 4217
// code. Never a double: sums, splits and comparisons stay exact.
class Money
{
public:
    Money() = default;
    Money(qint64 minorUnits, QString currency);

    static Money zero(const QString &currency) { return Money(0, currency); }

    // How many digits the currency has after the decimal point (JPY 0, USD 2, KWD 3).
    static int decimalsFor(QStringView currency);
    static QString symbolFor(QStringView currency);

    // Reads an amount as merchants and channel exports write it: "1,234.56",
    // "1.234,56 €", "£12.00", "$1,200", "-3.50", "(3.50)", "EUR 12", "12.345" (rounded
    // half away from zero to the currency's decimals). A currency symbol or code in the
    // text wins over defaultCurrency; an ambiguous "$" is read as defaultCurrency when
    // that is a dollar currency, else USD.
    static Result<Money> parse(QStringView text, const QString &defaultCurrency);

    qint64 minorUnits() const { return m_minor; }
    const QString &currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    // Plain machine form: "1234.56", "-3.50", "1200" (JPY). For files and logs.
    QString toPlainString() const;
    // For people: "€1,234.56", "-£3.50", "¥1,200", grouped per the locale.
    QString toDisplayString(const QLocale &locale = QLocale(QLocale::English)) const;

    Money operator+(const Money &other) const;
    Money operator-(const Money &other) const;
    Money operator-() const { return Money(-m_minor, m_currency); }
    Money operator*(qint64 factor) const { return Money(m_minor * factor, m_currency); }
    Money &operator+=(const Money &other);

    friend bool operator==(const Money &, const Money &) = default;

private:
    qint64 m_minor = 0;
    QString m_currency;
};

} // namespace models
