#include "importers/countrycodes.h"

#include <QSet>
#include <QtTest>

using importers::countryAlpha3;
using importers::countryCodeFor;
using importers::countryCodes;
using importers::countryName;
using importers::normaliseCountryName;

class TestCountryCodes : public QObject
{
    Q_OBJECT

private slots:
    void codeFor_data();
    void codeFor();
    void normalise_data();
    void normalise();
    void everyCountryByNameAndCodes();
    void tableIsComplete();
    void namesOfCodes_data();
    void namesOfCodes();
};

void TestCountryCodes::codeFor_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    // ISO short names as eBay and the other channels write them.
    QTest::newRow("united states") << u"United States"_qs << u"US"_qs;
    QTest::newRow("united kingdom") << u"United Kingdom"_qs << u"GB"_qs;
    QTest::newRow("germany") << u"Germany"_qs << u"DE"_qs;
    QTest::newRow("australia") << u"Australia"_qs << u"AU"_qs;
    QTest::newRow("new zealand") << u"New Zealand"_qs << u"NZ"_qs;
    QTest::newRow("korea, republic of") << u"Korea, Republic of"_qs << u"KR"_qs;
    QTest::newRow("iso with parentheses") << u"Holy See (Vatican City State)"_qs << u"VA"_qs;
    QTest::newRow("virgin islands, u.s.") << u"Virgin Islands, U.S."_qs << u"VI"_qs;
    QTest::newRow("virgin islands (u.s.)") << u"Virgin Islands (U.S.)"_qs << u"VI"_qs;
    QTest::newRow("virgin islands, british") << u"Virgin Islands, British"_qs << u"VG"_qs;
    QTest::newRow("the gambia") << u"The Gambia"_qs << u"GM"_qs;
    QTest::newRow("gambia, the") << u"Gambia, The"_qs << u"GM"_qs;
    // Aliases.
    QTest::newRow("USA") << u"USA"_qs << u"US"_qs;
    QTest::newRow("U.S.A.") << u"U.S.A."_qs << u"US"_qs;
    QTest::newRow("U.S.") << u"U.S."_qs << u"US"_qs;
    QTest::newRow("united states of america") << u"United States of America"_qs << u"US"_qs;
    QTest::newRow("UK") << u"UK"_qs << u"GB"_qs;
    QTest::newRow("U.K.") << u"U.K."_qs << u"GB"_qs;
    QTest::newRow("great britain") << u"Great Britain"_qs << u"GB"_qs;
    QTest::newRow("england") << u"England"_qs << u"GB"_qs;
    QTest::newRow("scotland") << u"scotland"_qs << u"GB"_qs;
    QTest::newRow("wales") << u"WALES"_qs << u"GB"_qs;
    QTest::newRow("northern ireland") << u"Northern Ireland"_qs << u"GB"_qs;
    QTest::newRow("ireland is not the uk") << u"Ireland"_qs << u"IE"_qs;
    QTest::newRow("deutschland") << u"Deutschland"_qs << u"DE"_qs;
    QTest::newRow("holland") << u"Holland"_qs << u"NL"_qs;
    QTest::newRow("the netherlands") << u"The Netherlands"_qs << u"NL"_qs;
    QTest::newRow("republic of korea") << u"Republic of Korea"_qs << u"KR"_qs;
    QTest::newRow("south korea") << u"South Korea"_qs << u"KR"_qs;
    QTest::newRow("korea, south (eBay)") << u"Korea, South"_qs << u"KR"_qs;
    QTest::newRow("north korea") << u"North Korea"_qs << u"KP"_qs;
    QTest::newRow("russia") << u"Russia"_qs << u"RU"_qs;
    QTest::newRow("russian federation") << u"Russian Federation"_qs << u"RU"_qs;
    QTest::newRow("vietnam") << u"Vietnam"_qs << u"VN"_qs;
    QTest::newRow("viet nam") << u"Viet Nam"_qs << u"VN"_qs;
    QTest::newRow("czech republic") << u"Czech Republic"_qs << u"CZ"_qs;
    QTest::newRow("czechia") << u"Czechia"_qs << u"CZ"_qs;
    QTest::newRow("ivory coast") << u"Ivory Coast"_qs << u"CI"_qs;
    QTest::newRow("cote d'ivoire, curly apostrophe") << u"Côte d’Ivoire"_qs << u"CI"_qs;
    QTest::newRow("turkey") << u"Turkey"_qs << u"TR"_qs;
    QTest::newRow("türkiye") << u"Türkiye"_qs << u"TR"_qs;
    QTest::newRow("uae") << u"UAE"_qs << u"AE"_qs;
    QTest::newRow("hong kong") << u"Hong Kong"_qs << u"HK"_qs;
    QTest::newRow("st. lucia") << u"St. Lucia"_qs << u"LC"_qs;
    QTest::newRow("st kitts & nevis") << u"St Kitts & Nevis"_qs << u"KN"_qs;
    QTest::newRow("bosnia-herzegovina") << u"Bosnia-Herzegovina"_qs << u"BA"_qs;
    QTest::newRow("trinidad & tobago") << u"Trinidad & Tobago"_qs << u"TT"_qs;
    QTest::newRow("macedonia") << u"Macedonia"_qs << u"MK"_qs;
    QTest::newRow("swaziland") << u"Swaziland"_qs << u"SZ"_qs;
    QTest::newRow("kosovo") << u"Kosovo"_qs << u"XK"_qs;
    // Own-language names, accents or not.
    QTest::newRow("españa") << u"España"_qs << u"ES"_qs;
    QTest::newRow("espana") << u"Espana"_qs << u"ES"_qs;
    QTest::newRow("österreich") << u"Österreich"_qs << u"AT"_qs;
    QTest::newRow("schweiz") << u"Schweiz"_qs << u"CH"_qs;
    QTest::newRow("italia") << u"Italia"_qs << u"IT"_qs;
    QTest::newRow("belgië") << u"België"_qs << u"BE"_qs;
    QTest::newRow("éire") << u"Éire"_qs << u"IE"_qs;
    QTest::newRow("česká republika") << u"Česká republika"_qs << u"CZ"_qs;
    QTest::newRow("åland islands") << u"Åland Islands"_qs << u"AX"_qs;
    QTest::newRow("aland islands") << u"Aland Islands"_qs << u"AX"_qs;
    QTest::newRow("réunion") << u"Réunion"_qs << u"RE"_qs;
    QTest::newRow("curaçao") << u"CURAÇAO"_qs << u"CW"_qs;
    // Codes.
    QTest::newRow("alpha-2") << u"DE"_qs << u"DE"_qs;
    QTest::newRow("alpha-2 lower case") << u"gb"_qs << u"GB"_qs;
    QTest::newRow("alpha-3") << u"DEU"_qs << u"DE"_qs;
    QTest::newRow("alpha-3 lower case") << u"aus"_qs << u"AU"_qs;
    QTest::newRow("alpha-3 GBR") << u"GBR"_qs << u"GB"_qs;
    QTest::newRow("EU code for Greece") << u"EL"_qs << u"GR"_qs;
    // Blanks and case.
    QTest::newRow("blanks around and inside") << u"  united   states "_qs << u"US"_qs;
    QTest::newRow("no-break space") << u"New\u00a0Zealand"_qs << u"NZ"_qs;
    // Unknown.
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << u"   "_qs << QString();
    QTest::newRow("fiction") << u"Narnia"_qs << QString();
    QTest::newRow("not a code") << u"ZZ"_qs << QString();
    QTest::newRow("punctuation only") << u"..."_qs << QString();
    QTest::newRow("a word of a name") << u"United"_qs << QString();
    QTest::newRow("the alone") << u"The"_qs << QString();
}

void TestCountryCodes::codeFor()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QCOMPARE(countryCodeFor(text), code);
}

void TestCountryCodes::normalise_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normal");

    QTest::newRow("case and blanks") << u"  United   KINGDOM "_qs << u"united kingdom"_qs;
    QTest::newRow("accents") << u"Côte d'Ivoire"_qs << u"cote divoire"_qs;
    QTest::newRow("dots") << u"U.S.A."_qs << u"usa"_qs;
    QTest::newRow("comma and parentheses")
        << u"Cocos (Keeling) Islands"_qs << u"cocos keeling islands"_qs;
    QTest::newRow("ampersand") << u"Antigua & Barbuda"_qs << u"antigua and barbuda"_qs;
    QTest::newRow("leading the") << u"The Bahamas"_qs << u"bahamas"_qs;
    QTest::newRow("st is saint") << u"St. Vincent"_qs << u"saint vincent"_qs;
    QTest::newRow("sharp s") << u"Königstraße"_qs << u"konigstrasse"_qs;
    QTest::newRow("ø") << u"Færøerne"_qs << u"faeroerne"_qs;
    QTest::newRow("hyphen") << u"Guinea-Bissau"_qs << u"guinea bissau"_qs;
    QTest::newRow("empty") << QString() << QString();
}

void TestCountryCodes::normalise()
{
    QFETCH(QString, text);
    QFETCH(QString, normal);
    QCOMPARE(normaliseCountryName(text), normal);
}

// Every country is found by its ISO name, alpha-2 and alpha-3 code: no alias or
// code of another country shadows it.
void TestCountryCodes::everyCountryByNameAndCodes()
{
    for (const QString &code : countryCodes()) {
        const QString name = countryName(code);
        const QString alpha3 = countryAlpha3(code);
        QVERIFY2(!name.isEmpty(), qPrintable(code));
        QCOMPARE(alpha3.size(), 3);
        QCOMPARE(countryCodeFor(code), code);
        QCOMPARE(countryCodeFor(code.toLower()), code);
        QCOMPARE(countryCodeFor(alpha3), code);
        QCOMPARE(countryCodeFor(name), code);
        QCOMPARE(countryCodeFor(name.toUpper()), code);
    }
}

void TestCountryCodes::tableIsComplete()
{
    const QStringList codes = countryCodes();
    // The 249 entries of ISO 3166-1 and Kosovo.
    QCOMPARE(codes.size(), 250);
    QCOMPARE(QSet<QString>(codes.cbegin(), codes.cend()).size(), codes.size());
    QStringList alpha3;
    for (const QString &code : codes) {
        QCOMPARE(code.size(), 2);
        QCOMPARE(code, code.toUpper());
        alpha3.append(countryAlpha3(code));
    }
    QCOMPARE(QSet<QString>(alpha3.cbegin(), alpha3.cend()).size(), codes.size());
}

void TestCountryCodes::namesOfCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("alpha3");

    QTest::newRow("GB") << u"GB"_qs << u"United Kingdom"_qs << u"GBR"_qs;
    QTest::newRow("lower case") << u"us"_qs << u"United States"_qs << u"USA"_qs;
    QTest::newRow("accented name") << u"AX"_qs << u"Åland Islands"_qs << u"ALA"_qs;
    QTest::newRow("unknown") << u"ZZ"_qs << QString() << QString();
    QTest::newRow("alias is not a code") << u"UK"_qs << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString();
}

void TestCountryCodes::namesOfCodes()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, alpha3);
    QCOMPARE(countryName(code), name);
    QCOMPARE(countryAlpha3(code), alpha3);
}

QTEST_APPLESS_MAIN(TestCountryCodes)
#include "tst_countrycodes.moc"
