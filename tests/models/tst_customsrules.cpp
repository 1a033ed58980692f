// Which customs form a parcel needs: none at home or inside the EU customs union,
// a commercial invoice for couriers, and for the post CN22 up to 300 SDR and 2 kg,
// CN23 above either limit or for a currency without a published limit.

#include "models/customsrules.h"

#include <QTest>

using models::CustomsForm;
using models::Money;

class TestCustomsRules : public QObject
{
    Q_OBJECT

private slots:
    void formFor_data();
    void formFor();
    void limits();
    void postalCarriers_data();
    void postalCarriers();
};

void TestCustomsRules::formFor_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("grams");
    QTest::addColumn<QString>("carrier");
    QTest::addColumn<CustomsForm>("form");

    const QString rm = QStringLiteral("Royal Mail");
    QTest::newRow("domestic GB") << "GB"
                                 << "GB" << 50000LL << "GBP" << 500 << rm << CustomsForm::None;
    QTest::newRow("domestic, lower case")
        << "gb"
        << "GB" << 50000LL << "GBP" << 500 << rm << CustomsForm::None;
    QTest::newRow("EU to EU") << "NL"
                              << "DE" << 99999LL << "EUR" << 9000 << "DPD" << CustomsForm::None;
    QTest::newRow("EU to EU, Ireland") << "NL"
                                       << "IE" << 1000LL << "EUR" << 100 << rm << CustomsForm::None;
    QTest::newRow("GB to EU by post, small")
        << "GB"
        << "DE" << 2000LL << "GBP" << 400 << rm << CustomsForm::Cn22;
    QTest::newRow("GB to EU by courier")
        << "GB"
        << "FR" << 2000LL << "GBP" << 400 << "DPD" << CustomsForm::CommercialInvoice;
    QTest::newRow("EU to GB by courier")
        << "NL"
        << "GB" << 2000LL << "EUR" << 400 << "DHL" << CustomsForm::CommercialInvoice;
    QTest::newRow("at the GBP limit")
        << "GB"
        << "US" << 27000LL << "GBP" << 2000 << rm << CustomsForm::Cn22;
    QTest::newRow("a penny over the GBP limit")
        << "GB"
        << "US" << 27001LL << "GBP" << 500 << rm << CustomsForm::Cn23;
    QTest::newRow("one gram over 2 kg")
        << "GB"
        << "US" << 1000LL << "GBP" << 2001 << rm << CustomsForm::Cn23;
    QTest::newRow("USD limit") << "GB"
                               << "US" << 40000LL << "USD" << 900 << rm << CustomsForm::Cn22;
    QTest::newRow("over USD limit") << "GB"
                                    << "US" << 40001LL << "USD" << 900 << rm << CustomsForm::Cn23;
    QTest::newRow("EUR limit") << "NL"
                               << "US" << 32500LL << "EUR" << 900 << "PostNL" << CustomsForm::Cn22;
    QTest::newRow("JPY, no decimals") << "GB"
                                      << "JP" << 60000LL << "JPY" << 900 << rm << CustomsForm::Cn22;
    QTest::newRow("currency without a limit")
        << "GB"
        << "AU" << 100LL << "XAF" << 100 << rm << CustomsForm::Cn23;
    QTest::newRow("service name as carrier")
        << "GB"
        << "US" << 1000LL << "GBP" << 300 << "Royal Mail International Tracked"
        << CustomsForm::Cn22;
    QTest::newRow("no carrier yet: by post")
        << "GB"
        << "CA" << 1000LL << "GBP" << 300 << "" << CustomsForm::Cn22;
    QTest::newRow("unknown destination") << "GB"
                                         << "" << 1000LL << "GBP" << 300 << rm << CustomsForm::Cn22;
    QTest::newRow("EU to Switzerland")
        << "DE"
        << "CH" << 1000LL << "EUR" << 300 << "UPS" << CustomsForm::CommercialInvoice;
}

void TestCustomsRules::formFor()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(int, grams);
    QFETCH(QString, carrier);
    QFETCH(CustomsForm, form);
    const models::CustomsShipment s{from, to, Money(minor, currency), grams, carrier};
    QCOMPARE(models::customsFormName(models::customsFormFor(s)), models::customsFormName(form));
}

void TestCustomsRules::limits()
{
    QCOMPARE(models::cn22ValueLimit(QStringLiteral("GBP")), Money(27000, QStringLiteral("GBP")));
    QCOMPARE(models::cn22ValueLimit(QStringLiteral("jpy")), Money(60000, QStringLiteral("JPY")));
    QVERIFY(!models::cn22ValueLimit(QStringLiteral("XAF")).has_value());
    QVERIFY(models::isEuCustomsUnion(QStringLiteral("ie")));
    QVERIFY(!models::isEuCustomsUnion(QStringLiteral("GB")));
    QVERIFY(!models::isEuCustomsUnion(QStringLiteral("CH")));
}

void TestCustomsRules::postalCarriers_data()
{
    QTest::addColumn<QString>("carrier");
    QTest::addColumn<bool>("postal");
    QTest::newRow("Royal Mail") << "Royal Mail" << true;
    QTest::newRow("service") << "Royal Mail Tracked 48" << true;
    QTest::newRow("USPS") << "usps" << true;
    QTest::newRow("PostNL") << "PostNL" << true;
    QTest::newRow("DPD") << "DPD" << false;
    QTest::newRow("DHL Express") << "DHL Express Worldwide" << false;
    QTest::newRow("Evri") << "Evri" << false;
    QTest::newRow("none") << "" << true;
}

void TestCustomsRules::postalCarriers()
{
    QFETCH(QString, carrier);
    QFETCH(bool, postal);
    QCOMPARE(models::isPostalCarrier(carrier), postal);
}

QTEST_APPLESS_MAIN(TestCustomsRules)
#include "tst_customsrules.moc"
