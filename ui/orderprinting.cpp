#include "ui/orderprinting.h"

#include "printing/orderdocuments.h"
#include "printing/packingslip.h"
#include "printing/shippinglabel.h"
#include "ui/documentprinter.h"

#include <QApplication>
#include <QPrintPreviewDialog>
#include <QProgressDialog>

namespace ui {

namespace {

const QString Label4x6 = QStringLiteral("4x6 in label");
const QString Label4x4 = QStringLiteral("4x4 in label");
const QString Roll62 = QStringLiteral("62 mm roll");
const QString A4FourUp = QStringLiteral("A4, four per sheet");

printing::LabelStock stockFor(const QString &paper)
{
    if (paper == Label4x4)
        return printing::LabelStock::Label4x4;
    if (paper == Roll62)
        return printing::LabelStock::Roll62mm;
    if (paper == A4FourUp)
        return printing::LabelStock::A4FourUp;
    return printing::LabelStock::Label4x6;
}

QString ordersText(qsizetype n)
{
    return n == 1 ? QObject::tr("1 order") : QObject::tr("%1 orders").arg(n);
}

} // namespace

OrderPrinting::OrderPrinting(models::OrderDocumentSource *source, QWidget *parent)
    : QObject(parent), m_source(source), m_parent(parent),
      m_labels(new DocumentPrinter(QStringLiteral("label"), this)),
      m_slips(new DocumentPrinter(QStringLiteral("packing-slip"), this))
{}

QStringList OrderPrinting::labelPapers()
{
    return {Label4x6, Label4x4, Roll62, A4FourUp};
}

QStringList OrderPrinting::slipPapers()
{
    return {QStringLiteral("A4"), QStringLiteral("Letter")};
}

OrderPrinting::Loaded OrderPrinting::load(const QList<qint64> &ids)
{
    Loaded loaded;
    // A few orders read in a blink; a long selection shows its progress and can stop.
    QProgressDialog progress(tr("Reading orders for printing…"), tr("Cancel"), 0, int(ids.size()),
                             m_parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i % 8 == 0) {
            progress.setValue(int(i));
            if (progress.wasCanceled()) {
                loaded.cancelled = true;
                return loaded;
            }
        }
        auto order = m_source->orderDocument(ids.at(i));
        if (order)
            loaded.orders.append(order.value());
        else
            loaded.problems.append(order.error());
    }
    progress.setValue(int(ids.size()));
    return loaded;
}

models::Result<QList<printing::Document>>
OrderPrinting::labelDocuments(const QList<models::OrderDocumentData> &orders, const QString &paper,
                              const QDate &today, QStringList *problems)
{
    QList<printing::LabelData> labels;
    for (const models::OrderDocumentData &o : orders) {
        auto forOrder = printing::labelsForOrder(o, today);
        if (!forOrder) {
            if (problems)
                problems->append(forOrder.error());
            continue;
        }
        // A label whose codes cannot be made is named and left out, not the batch.
        for (const printing::LabelData &l : forOrder.value()) {
            if (auto codes = printing::encodeLabelCodes(l); !codes) {
                if (problems)
                    problems->append(codes.error());
                continue;
            }
            labels.append(l);
        }
    }
    if (labels.isEmpty())
        return models::Error{tr("No labels to print.")};
    auto document = printing::shippingLabelDocument(labels, stockFor(paper), 203);
    if (!document)
        return models::Error{document.error()};
    return QList<printing::Document>{document.value()};
}

models::Result<QList<printing::Document>>
OrderPrinting::packingSlipDocuments(const QList<models::OrderDocumentData> &orders,
                                    const QString &paper, QStringList *problems)
{
    const printing::PageSetup page =
        paper == u"Letter" ? printing::PageSetup::letter() : printing::PageSetup::a4();
    QList<printing::Document> documents;
    for (const models::OrderDocumentData &o : orders) {
        auto document = printing::packingSlipDocument(printing::packingSlipForOrder(o), page);
        if (document)
            documents.append(document.value());
        else if (problems)
            problems->append(document.error());
    }
    if (documents.isEmpty())
        return models::Error{tr("No packing slips to print.")};
    return documents;
}

QPrintPreviewDialog *OrderPrinting::preview(const QString &type, const QList<qint64> &ids,
                                            QString *message)
{
    const Loaded loaded = load(ids);
    if (loaded.cancelled) {
        *message = tr("Printing cancelled.");
        return nullptr;
    }
    const bool labels = type == u"label";
    const QList<models::OrderDocumentData> orders = loaded.orders;
    const QDate today = QDate::currentDate();
    // Which orders were left out is the same on every paper: count them once.
    QStringList problems = loaded.problems;
    const auto first = labels ? labelDocuments(orders, Label4x6, today, &problems)
                              : packingSlipDocuments(orders, QStringLiteral("A4"), &problems);
    if (!first) {
        *message = problems.isEmpty() ? first.error() : problems.join(QStringLiteral("; "));
        return nullptr;
    }
    const DocumentPrinter::Builder build =
        [labels, orders, today](const QString &paper) -> models::Result<QList<printing::Document>> {
        return labels ? labelDocuments(orders, paper, today, nullptr)
                      : packingSlipDocuments(orders, paper, nullptr);
    };
    const qsizetype printed = orders.size() - (problems.size() - loaded.problems.size());
    const QString what = labels ? tr("Labels for %1").arg(ordersText(printed))
                                : tr("Packing slips for %1").arg(ordersText(printed));
    *message = problems.isEmpty()
                   ? what
                   : tr("%1; left out: %2").arg(what, problems.join(QStringLiteral("; ")));
    DocumentPrinter *printer = labels ? m_labels : m_slips;
    return printer->createPreview(build, labels ? labelPapers() : slipPapers(), what, m_parent);
}

QPrintPreviewDialog *OrderPrinting::labelPreview(const QList<qint64> &ids, QString *message)
{
    return preview(QStringLiteral("label"), ids, message);
}

QPrintPreviewDialog *OrderPrinting::packingSlipPreview(const QList<qint64> &ids, QString *message)
{
    return preview(QStringLiteral("packing-slip"), ids, message);
}

} // namespace ui
