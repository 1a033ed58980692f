// CN22 on a 4x6 label, CN23 and the commercial invoice on A4: every barcode read
// back from the image and the PDF, the text customs reads (HS codes, origins,
// totals) in the PDF, items continuing onto a second page, and the refusals.

#include "documentcheck.h"
#include "printing/customsdeclaration.h"

#include <QTemporaryDir>

using models::CustomsForm;
using models::Money;
using printing::CustomsDeclarationData;
using printing::CustomsItem;

namespace {

CustomsDeclarationData sample(CustomsForm form, int items = 2)
{
    CustomsDeclarationData d;
    d.form = form;
    d.sender = {QStringLiteral("Hearth & Field"),
                QStringLiteral("Leeds warehouse"),
                QStringLiteral("Unit 4, Aire Valley Park"),
                QString(),
                QStringLiteral("Leeds"),
                QString(),
                QStringLiteral("LS10 1AB"),
                QStringLiteral("GB"),
                QString()};
    d.recipient = {QStringLiteral("Lee Sample"),
                   QString(),
                   QStringLiteral("1 Main St"),
                   QString(),
                   QStringLiteral("Austin"),
                   QStringLiteral("TX"),
                   QStringLiteral("73301"),
                   QStringLiteral("US"),
                   QString()};
    d.orderNumber = QStringLiteral("#1002");
    d.trackingNumber = QStringLiteral("EF864604994GB");
    d.carrier = QStringLiteral("Royal Mail");
    d.service = QStringLiteral("Royal Mail International Tracked");
    d.date = QDate(2026, 6, 1);
    for (int i = 0; i < items; ++i)
        d.items.append({QStringLiteral("Stoneware mug %1").arg(i + 1),
                        QStringLiteral("HF-MUG-%1").arg(i + 1, 4, 10, QLatin1Char('0')), 2, 760,
                        Money(1900 + i, QStringLiteral("GBP")), QStringLiteral("691200"),
                        QStringLiteral("GB")});
    d.postage = Money(1450, QStringLiteral("GBP"));
    d.grossWeightGrams = 1750;
    return d;
}

} // namespace

class TestCustomsDeclaration : public QObject
{
    Q_OBJECT

private slots:
    void readsBack_data();
    void readsBack();
    void cn22IsALabel();
    void manyItemsContinue();
    void gapsAndRefusals();

private:
    QTemporaryDir m_dir;
};

void TestCustomsDeclaration::readsBack_data()
{
    QTest::addColumn<CustomsForm>("form");
    QTest::addColumn<bool>("tracked");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("codes");
    QTest::newRow("CN22") << CustomsForm::Cn22 << true << "CN 22" << 1;
    QTest::newRow("CN22 untracked") << CustomsForm::Cn22 << false << "CN 22" << 1;
    QTest::newRow("CN23") << CustomsForm::Cn23 << true << "CN 23" << 2;
    QTest::newRow("invoice") << CustomsForm::CommercialInvoice << true << "COMMERCIAL INVOICE" << 2;
    QTest::newRow("invoice untracked")
        << CustomsForm::CommercialInvoice << false << "COMMERCIAL INVOICE" << 1;
}

void TestCustomsDeclaration::readsBack()
{
    QFETCH(CustomsForm, form);
    QFETCH(bool, tracked);
    QFETCH(QString, title);
    QFETCH(int, codes);
    CustomsDeclarationData d = sample(form);
    if (!tracked)
        d.trackingNumber.clear();
    auto document = printing::customsDeclarationDocument(d);
    QVERIFY2(document.ok(), qPrintable(document.error()));
    const QString pdf =
        m_dir.filePath(QStringLiteral("%1.pdf").arg(QString::fromLatin1(QTest::currentDataTag())));
    printtest::verifyBarcodesReadBack(document.value(), pdf, codes);

    printing::RenderReport report;
    printing::renderPage(document.value(), 0, 100, &report);
    QStringList contents;
    for (const printing::PlacedBarcode &b : std::as_const(report.barcodes))
        contents.append(b.content);
    QVERIFY(contents.contains(tracked ? d.trackingNumber : d.orderNumber));
    if (form != CustomsForm::Cn22)
        QVERIFY(contents.contains(d.orderNumber));

    if (printtest::tool("pdftotext").isEmpty())
        return;
    const QString text = printtest::pdfText(pdf);
    printtest::keepShots(
        pdf, QStringLiteral("customs-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY2(text.contains(title), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("691200")));
    QVERIFY(text.contains(QStringLiteral("Stoneware mug")));
    QVERIFY(text.contains(QStringLiteral("£38.01"))); // 19.00 + 19.01
    QVERIFY(text.contains(QStringLiteral("1.750")));  // gross kg
}

void TestCustomsDeclaration::cn22IsALabel()
{
    auto document = printing::customsDeclarationDocument(sample(CustomsForm::Cn22));
    QVERIFY(document.ok());
    QCOMPARE(document->pageSetup().sizeMm, QSizeF(101.6, 152.4));
    const QImage page = printing::renderPage(document.value(), 0, 100);
    // Nothing drawn in the 3 mm the label printer cannot reach.
    const int edge = qCeil(3 / 25.4 * 100) - 1;
    QVERIFY(!printtest::inkOutside(page, page.rect().adjusted(edge, edge, -edge, -edge)));
}

void TestCustomsDeclaration::manyItemsContinue()
{
    auto document =
        printing::customsDeclarationDocument(sample(CustomsForm::CommercialInvoice, 40));
    QVERIFY(document.ok());
    QVERIFY(document->pageCount() >= 2);
    const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
    // The invoice number heads every page.
    printtest::verifyBarcodesReadBack(document.value(), pdf, document->pageCount() + 1);

    // A CN22 says how many did not fit instead of overflowing.
    auto cn22 = printing::customsDeclarationDocument(sample(CustomsForm::Cn22, 20));
    QVERIFY(cn22.ok());
    QCOMPARE(cn22->pageCount(), 1);
    if (printtest::tool("pdftotext").isEmpty())
        return;
    const QString small = m_dir.filePath(QStringLiteral("cn22many.pdf"));
    QVERIFY(printing::writePdf(cn22.value(), small).ok());
    printtest::keepShots(small, QStringLiteral("customs-cn22-many"));
    QVERIFY2(printtest::pdfText(small).contains(QStringLiteral("more item")),
             qPrintable(printtest::pdfText(small)));
}

void TestCustomsDeclaration::gapsAndRefusals()
{
    CustomsDeclarationData d = sample(CustomsForm::Cn23);
    d.items[1].hsCode.clear();
    d.items[1].originCountry.clear();
    QCOMPARE(d.gaps(), QStringList({QStringLiteral("SKU HF-MUG-0002: no HS code"),
                                    QStringLiteral("SKU HF-MUG-0002: no country of origin")}));
    QVERIFY(printing::customsDeclarationDocument(d).ok()); // printed with the gaps marked

    d = sample(CustomsForm::None);
    QVERIFY(!printing::customsDeclarationDocument(d).ok());
    d = sample(CustomsForm::Cn23, 0);
    QVERIFY(!printing::customsDeclarationDocument(d).ok());
    d = sample(CustomsForm::Cn23);
    d.items[1].value = Money(100, QStringLiteral("EUR"));
    QVERIFY(printing::customsDeclarationDocument(d).error().contains(QStringLiteral("currency")));
    d = sample(CustomsForm::Cn22);
    d.trackingNumber = QStringLiteral("EF\u00e9");
    QVERIFY(printing::customsDeclarationDocument(d).error().contains(QStringLiteral("tracking")));
}

QTEST_MAIN(TestCustomsDeclaration)
#include "tst_customsdeclaration.moc"
