#pragma once

#include "models/orderdocument.h"
#include "models/result.h"
#include "printing/document.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QStringList>

class QPrintPreviewDialog;
class QWidget;

namespace ui {

class DocumentPrinter;

// The Orders screen's print actions: reads the selected orders through the
// document source, lays out their labels or packing slips and opens the
// preview, from which they print as one job.
class OrderPrinting : public QObject
{
    Q_OBJECT
public:
    OrderPrinting(models::OrderDocumentSource *source, QWidget *parent);

    // Label stocks and sheets offered in the preview, the first the default.
    static QStringList labelPapers();
    static QStringList slipPapers();

    struct Loaded
    {
        QList<models::OrderDocumentData> orders;
        QStringList problems; // one line per order left out
        bool cancelled = false;
    };
    // Reads the orders, with a progress dialog and Cancel for long selections.
    Loaded load(const QList<qint64> &ids);

    // Every parcel's label of `orders` on `paper`; orders that cannot have one
    // (no address) go to `problems` and are left out.
    static models::Result<QList<printing::Document>>
    labelDocuments(const QList<models::OrderDocumentData> &orders, const QString &paper,
                   const QDate &today, QStringList *problems);
    static models::Result<QList<printing::Document>>
    packingSlipDocuments(const QList<models::OrderDocumentData> &orders, const QString &paper,
                         QStringList *problems);

    // The preview for the selection, not shown (nullptr and `message` set when
    // nothing can be printed). `message` says what is in it and what was left out.
    QPrintPreviewDialog *labelPreview(const QList<qint64> &ids, QString *message);
    QPrintPreviewDialog *packingSlipPreview(const QList<qint64> &ids, QString *message);

private:
    QPrintPreviewDialog *preview(const QString &type, const QList<qint64> &ids, QString *message);

    models::OrderDocumentSource *m_source;
    QWidget *m_parent;
    DocumentPrinter *m_labels;
    DocumentPrinter *m_slips;
};

} // namespace ui
