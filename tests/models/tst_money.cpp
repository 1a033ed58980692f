#include "models/money.h"

#include <QLocale>
#include <QTest>

using models::Money;

namespace models {
// Lets QCOMPARE print both sides when two amounts differ.
char *toString(const Money &m)
{
    return QTest::toString(m.toPlainString() + QLatin1Char(' ') + m.currency());
}
} // namespace models

// Reading and writing amounts of money as merchants and channel exports write them.
// Where a text is ambiguous, the row name says what a merchant would mean and the
// expected value follows it.
class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void decimalsFor_data();
    void decimalsFor();
    void parse_data();
    void parse();
    void parseRefuses_data();
    void parseRefuses();
    void toPlainString_data();
    void toPlainString();
    void toDisplayString_data();
    void toDisplayString();
    void roundTrip_data();
    void roundTrip();
    void arithmetic();
    void equalityNeedsSameCurrency();
};

void TestMoney::decimalsFor_data()
{
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("decimals");

    QTest::newRow("EUR has cents") << QStringLiteral("EUR") << 2;
    QTest::newRow("USD has cents") << QStringLiteral("USD") << 2;
    QTest::newRow("GBP has pence") << QStringLiteral("GBP") << 2;
    QTest::newRow("JPY has no minor unit") << QStringLiteral("JPY") << 0;
    QTest::newRow("KWD has fils, three decimals") << QStringLiteral("KWD") << 3;
    QTest::newRow("unknown code defaults to two") << QStringLiteral("XYZ") << 2;
}

void TestMoney::decimalsFor()
{
    QFETCH(QString, currency);
    QFETCH(int, decimals);
    QCOMPARE(Money::decimalsFor(currency), decimals);
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("defaultCurrency");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");

    const QString usd = QStringLiteral("USD");
    const QString eur = QStringLiteral("EUR");
    const QString gbp = QStringLiteral("GBP");
    const QString jpy = QStringLiteral("JPY");
    const QString kwd = QStringLiteral("KWD");
    const QString aud = QStringLiteral("AUD");

    // English grouping and decimals.
    QTest::newRow("1,234.56 USD") << QStringLiteral("1,234.56") << usd << qint64(123456) << usd;
    QTest::newRow("1,234.56 keeps the default EUR")
        << QStringLiteral("1,234.56") << eur << qint64(123456) << eur;
    QTest::newRow("1,234,567.89 repeated comma groups")
        << QStringLiteral("1,234,567.89") << usd << qint64(123456789) << usd;
    QTest::newRow("1.234.567 repeated dot groups, no decimals")
        << QStringLiteral("1.234.567") << usd << qint64(123456700) << usd;
    // Continental grouping and decimals.
    QTest::newRow("1.234,56 € symbol after, wins over default")
        << QStringLiteral("1.234,56 €") << usd << qint64(123456) << eur;
    QTest::newRow("1.234.567,89 € continental millions")
        << QStringLiteral("1.234.567,89 €") << usd << qint64(123456789) << eur;
    QTest::newRow("12,5 lone comma with one digit is a decimal comma")
        << QStringLiteral("12,5") << eur << qint64(1250) << eur;
    QTest::newRow("12,50 € decimal comma")
        << QStringLiteral("12,50 €") << eur << qint64(1250) << eur;
    QTest::newRow("1 234,56 € space groups (fr)")
        << QStringLiteral("1 234,56 €") << eur << qint64(123456) << eur;
    QTest::newRow("1\u00a0234,56 € no-break space groups")
        << QStringLiteral("1\u00a0234,56 €") << eur << qint64(123456) << eur;
    QTest::newRow("1'234.56 CHF apostrophe groups (ch)")
        << QStringLiteral("1'234.56 CHF") << eur << qint64(123456) << QStringLiteral("CHF");
    // Symbols and codes.
    QTest::newRow("£12.00") << QStringLiteral("£12.00") << usd << qint64(1200) << gbp;
    QTest::newRow("£0.99") << QStringLiteral("£0.99") << gbp << qint64(99) << gbp;
    QTest::newRow("$1,200 lone comma with three digits groups")
        << QStringLiteral("$1,200") << usd << qint64(120000) << usd;
    QTest::newRow("$ with a dollar default is that dollar (AUD)")
        << QStringLiteral("$1,200") << aud << qint64(120000) << aud;
    QTest::newRow("$ with a non-dollar default is USD")
        << QStringLiteral("$1,200") << eur << qint64(120000) << usd;
    QTest::newRow("US$5") << QStringLiteral("US$5") << aud << qint64(500) << usd;
    QTest::newRow("A$5") << QStringLiteral("A$5") << usd << qint64(500) << aud;
    QTest::newRow("CA$5") << QStringLiteral("CA$5") << usd << qint64(500) << QStringLiteral("CAD");
    QTest::newRow("NZ$5") << QStringLiteral("NZ$5") << usd << qint64(500) << QStringLiteral("NZD");
    QTest::newRow("EUR 12 code before") << QStringLiteral("EUR 12") << usd << qint64(1200) << eur;
    QTest::newRow("12.00 GBP code after")
        << QStringLiteral("12.00 GBP") << usd << qint64(1200) << gbp;
    QTest::newRow("eur 12 lower-case code")
        << QStringLiteral("eur 12") << usd << qint64(1200) << eur;
    // Signs.
    QTest::newRow("-3.50") << QStringLiteral("-3.50") << usd << qint64(-350) << usd;
    QTest::newRow("(3.50) accounting negative")
        << QStringLiteral("(3.50)") << usd << qint64(-350) << usd;
    QTest::newRow("(£3.50) accounting negative with symbol")
        << QStringLiteral("(£3.50)") << usd << qint64(-350) << gbp;
    QTest::newRow("3.50- trailing minus (ERP exports)")
        << QStringLiteral("3.50-") << usd << qint64(-350) << usd;
    QTest::newRow("\u22123.50 typographic minus")
        << QStringLiteral("\u22123.50") << usd << qint64(-350) << usd;
    QTest::newRow("-$3.50 minus before symbol")
        << QStringLiteral("-$3.50") << usd << qint64(-350) << usd;
    QTest::newRow("$-3.50 minus after symbol")
        << QStringLiteral("$-3.50") << usd << qint64(-350) << usd;
    QTest::newRow("+5 explicit plus") << QStringLiteral("+5") << usd << qint64(500) << usd;
    // Spaces, short forms.
    QTest::newRow("' 0.5 ' padded") << QStringLiteral(" 0.5 ") << usd << qint64(50) << usd;
    QTest::newRow(".5 no leading zero") << QStringLiteral(".5") << usd << qint64(50) << usd;
    QTest::newRow("0") << QStringLiteral("0") << usd << qint64(0) << usd;
    QTest::newRow("-0 is zero") << QStringLiteral("-0") << usd << qint64(0) << usd;
    // Rounding half away from zero to the currency's decimals. A lone dot is a decimal
    // point in a currency with cents (machine form), so "12.345" is 12.345 rounded.
    QTest::newRow("12.345 lone dot is decimal, rounds half up to 12.35")
        << QStringLiteral("12.345") << usd << qint64(1235) << usd;
    QTest::newRow("-12.345 rounds half away from zero to -12.35")
        << QStringLiteral("-12.345") << usd << qint64(-1235) << usd;
    QTest::newRow("(12.345) rounds half away from zero to -12.35")
        << QStringLiteral("(12.345)") << usd << qint64(-1235) << usd;
    QTest::newRow("12.344 rounds down") << QStringLiteral("12.344") << eur << qint64(1234) << eur;
    QTest::newRow("12.3449 rounds on the first dropped digit only")
        << QStringLiteral("12.3449") << eur << qint64(1234) << eur;
    QTest::newRow("0.005 rounds up to a cent")
        << QStringLiteral("0.005") << usd << qint64(1) << usd;
    QTest::newRow("-0.005 rounds to minus a cent")
        << QStringLiteral("-0.005") << usd << qint64(-1) << usd;
    QTest::newRow("0.004 rounds to zero") << QStringLiteral("0.004") << usd << qint64(0) << usd;
    QTest::newRow("9.995 carries into the units")
        << QStringLiteral("9.995") << gbp << qint64(1000) << gbp;
    QTest::newRow("1,234.565 grouped and rounded")
        << QStringLiteral("1,234.565") << usd << qint64(123457) << usd;
    // JPY: no minor unit.
    QTest::newRow("¥1,200") << QStringLiteral("¥1,200") << usd << qint64(1200) << jpy;
    QTest::newRow("1200 JPY default") << QStringLiteral("1200") << jpy << qint64(1200) << jpy;
    QTest::newRow("¥1.200 lone dot groups in a currency without decimals")
        << QStringLiteral("¥1.200") << jpy << qint64(1200) << jpy;
    QTest::newRow("¥1,234,567") << QStringLiteral("¥1,234,567") << usd << qint64(1234567) << jpy;
    QTest::newRow("¥12.5 rounds half up to 13")
        << QStringLiteral("¥12.5") << jpy << qint64(13) << jpy;
    QTest::newRow("¥12.4 rounds down to 12") << QStringLiteral("¥12.4") << jpy << qint64(12) << jpy;
    QTest::newRow("-¥0.5 rounds away from zero to -1")
        << QStringLiteral("-¥0.5") << jpy << qint64(-1) << jpy;
    QTest::newRow("\uffe5500 full-width yen")
        << QStringLiteral("\uffe5500") << usd << qint64(500) << jpy;
    // KWD: three decimals.
    QTest::newRow("12.345 KWD is exact")
        << QStringLiteral("12.345 KWD") << usd << qint64(12345) << kwd;
    QTest::newRow("KWD 1,234.500")
        << QStringLiteral("KWD 1,234.500") << usd << qint64(1234500) << kwd;
    QTest::newRow("12.3455 KWD rounds half up to 12.346")
        << QStringLiteral("12.3455 KWD") << usd << qint64(12346) << kwd;
    QTest::newRow("0.5 with KWD default") << QStringLiteral("0.5") << kwd << qint64(500) << kwd;
    QTest::newRow("1.234 with KWD default is 1.234 dinars")
        << QStringLiteral("1.234") << kwd << qint64(1234) << kwd;
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, defaultCurrency);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);

    const models::Result<Money> m = Money::parse(text, defaultCurrency);
    QVERIFY2(m.ok(), qPrintable(m.error()));
    QCOMPARE(m->minorUnits(), minor);
    QCOMPARE(m->currency(), currency);
}

void TestMoney::parseRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("defaultCurrency");

    const QString usd = QStringLiteral("USD");
    QTest::newRow("abc") << QStringLiteral("abc") << usd;
    QTest::newRow("empty") << QString() << usd;
    QTest::newRow("only spaces") << QStringLiteral("   ") << usd;
    QTest::newRow("12.3.4x") << QStringLiteral("12.3.4x") << usd;
    QTest::newRow("12.3.4 dots that cannot be thousands") << QStringLiteral("12.3.4") << usd;
    QTest::newRow("1,2,3 commas that cannot be thousands") << QStringLiteral("1,2,3") << usd;
    QTest::newRow("1,234,56 last group too short (typo)") << QStringLiteral("1,234,56") << usd;
    QTest::newRow("1234,567 first group too long (1234.567 or 1,234,567?)")
        << QStringLiteral("1234,567") << usd;
    QTest::newRow("1.234,567.89 mixed grouping") << QStringLiteral("1.234,567.89") << usd;
    QTest::newRow("only a symbol") << QStringLiteral("$") << usd;
    QTest::newRow("only a minus") << QStringLiteral("-") << usd;
    QTest::newRow("empty parentheses") << QStringLiteral("()") << usd;
    QTest::newRow("double minus") << QStringLiteral("--3") << usd;
    QTest::newRow("exponent") << QStringLiteral("1e5") << usd;
    QTest::newRow("stray character") << QStringLiteral("12#") << usd;
    QTest::newRow("two codes") << QStringLiteral("12 EUR GBP") << usd;
    QTest::newRow("symbol and a code that disagree") << QStringLiteral("€12 GBP") << usd;
    QTest::newRow("a word, not a code") << QStringLiteral("12 euros") << usd;
    QTest::newRow("too large") << QStringLiteral("9999999999999999") << usd;
}

void TestMoney::parseRefuses()
{
    QFETCH(QString, text);
    QFETCH(QString, defaultCurrency);

    const models::Result<Money> m = Money::parse(text, defaultCurrency);
    QVERIFY2(!m.ok(), qPrintable(QStringLiteral("accepted as %1 %2")
                                     .arg(m.ok() ? m->toPlainString() : QString(),
                                          m.ok() ? m->currency() : QString())));
    QVERIFY(m.error().startsWith(QStringLiteral("not an amount of money")));
    QVERIFY(m.error().contains(QLatin1Char('"') + text + QLatin1Char('"')));
}

void TestMoney::toPlainString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("plain");

    QTest::newRow("USD 1234.56") << qint64(123456) << QStringLiteral("USD")
                                 << QStringLiteral("1234.56");
    QTest::newRow("EUR zero") << qint64(0) << QStringLiteral("EUR") << QStringLiteral("0.00");
    QTest::newRow("GBP -3.50") << qint64(-350) << QStringLiteral("GBP") << QStringLiteral("-3.50");
    QTest::newRow("USD five cents") << qint64(5) << QStringLiteral("USD") << QStringLiteral("0.05");
    QTest::newRow("USD minus five cents")
        << qint64(-5) << QStringLiteral("USD") << QStringLiteral("-0.05");
    QTest::newRow("JPY 1200") << qint64(1200) << QStringLiteral("JPY") << QStringLiteral("1200");
    QTest::newRow("JPY -1") << qint64(-1) << QStringLiteral("JPY") << QStringLiteral("-1");
    QTest::newRow("KWD 12.345") << qint64(12345) << QStringLiteral("KWD")
                                << QStringLiteral("12.345");
    QTest::newRow("KWD one fils") << qint64(1) << QStringLiteral("KWD") << QStringLiteral("0.001");
}

void TestMoney::toPlainString()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, plain);
    QCOMPARE(Money(minor, currency).toPlainString(), plain);
}

void TestMoney::toDisplayString_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("display");

    QTest::newRow("EUR") << qint64(123456) << QStringLiteral("EUR") << QStringLiteral("€1,234.56");
    QTest::newRow("GBP negative") << qint64(-350) << QStringLiteral("GBP")
                                  << QStringLiteral("-£3.50");
    QTest::newRow("JPY") << qint64(1200) << QStringLiteral("JPY") << QStringLiteral("¥1,200");
    QTest::newRow("USD millions") << qint64(123456789) << QStringLiteral("USD")
                                  << QStringLiteral("$1,234,567.89");
    QTest::newRow("USD zero") << qint64(0) << QStringLiteral("USD") << QStringLiteral("$0.00");
    QTest::newRow("AUD") << qint64(500) << QStringLiteral("AUD") << QStringLiteral("A$5.00");
    QTest::newRow("KWD has no symbol, shows its code")
        << qint64(1234567) << QStringLiteral("KWD") << QStringLiteral("KWD 1,234.567");
}

void TestMoney::toDisplayString()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, display);
    QCOMPARE(Money(minor, currency).toDisplayString(), display);
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");

    const QStringList currencies = {
        QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"), QStringLiteral("JPY"),
        QStringLiteral("KWD"), QStringLiteral("AUD"), QStringLiteral("CAD"), QStringLiteral("CHF")};
    const qint64 amounts[] = {0,    1,     -1,     7,       99,      100,       -350,
                              1234, 12345, 123456, -123456, 1000000, 123456789, 987654321012};
    for (const QString &c : currencies)
        for (qint64 a : amounts)
            QTest::addRow("%s %lld", qPrintable(c), static_cast<long long>(a)) << a << c;
}

void TestMoney::roundTrip()
{
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    const Money money(minor, currency);

    // The plain form carries no currency: it is read back with the currency beside it.
    const models::Result<Money> plain = Money::parse(money.toPlainString(), currency);
    QVERIFY2(plain.ok(), qPrintable(plain.error()));
    QCOMPARE(*plain, money);

    // The display form names its currency: a different default must not matter.
    const QString other =
        currency == QLatin1String("GBP") ? QStringLiteral("SEK") : QStringLiteral("GBP");
    const QString shown = money.toDisplayString();
    const models::Result<Money> display = Money::parse(shown, other);
    QVERIFY2(display.ok(), qPrintable(shown + QStringLiteral(": ") + display.error()));
    QCOMPARE(display->currency(), currency);
    QCOMPARE(display->minorUnits(), minor);
}

void TestMoney::arithmetic()
{
    const QString eur = QStringLiteral("EUR");
    const Money a(1050, eur);
    const Money b(275, eur);

    QCOMPARE(a + b, Money(1325, eur));
    QCOMPARE(a - b, Money(775, eur));
    QCOMPARE(b - a, Money(-775, eur));
    QCOMPARE(-a, Money(-1050, eur));
    QCOMPARE(b * 3, Money(825, eur));
    QCOMPARE(b * 0, Money(0, eur));

    Money sum = Money::zero(eur);
    QVERIFY(sum.isZero());
    for (int i = 0; i < 10; ++i)
        sum += Money(10, eur); // ten times 0.10: exact, unlike a double
    QCOMPARE(sum, Money(100, eur));
    QCOMPARE(sum.toPlainString(), QStringLiteral("1.00"));

    QVERIFY((b - a).isNegative());
    QVERIFY(!a.isNegative());
    QVERIFY(!(a - a).isNegative());
    QVERIFY((a - a).isZero());

    // A default-constructed total takes the currency of what is added to it.
    Money total;
    total += Money(500, QStringLiteral("JPY"));
    QCOMPARE(total, Money(500, QStringLiteral("JPY")));
}

void TestMoney::equalityNeedsSameCurrency()
{
    QCOMPARE(Money(100, QStringLiteral("EUR")), Money(100, QStringLiteral("EUR")));
    QVERIFY(Money(100, QStringLiteral("EUR")) != Money(100, QStringLiteral("USD")));
    QVERIFY(Money(100, QStringLiteral("EUR")) != Money(101, QStringLiteral("EUR")));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
