#pragma once

#include "models/result.h"
#include "printing/document.h"
#include "printing/documentrender.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QPrinter;
class QPrintPreviewDialog;
class QWidget;

namespace ui {

// Preview and printing of documents that are already laid out (labels, packing
// slips, pick lists, customs forms, purchase orders), one job per batch. The
// printer and the paper are remembered per document type in QSettings
// ("printing/<type>/printer", "printing/<type>/paper"), so labels go to the label
// printer and slips to the laser without asking each time.
class DocumentPrinter : public QObject
{
    Q_OBJECT
public:
    // `type` names the kind of document, e.g. "label" or "packing-slip".
    explicit DocumentPrinter(const QString &type, QObject *parent = nullptr);

    const QString &type() const { return m_type; }

    // The remembered printer's name; empty: the system default.
    QString rememberedPrinter() const;
    // The name of the remembered paper (a printing::PageSetup name: "A4", "Letter",
    // "4x6 in label", ...); `fallback` when none was remembered.
    QString rememberedPaper(const QString &fallback) const;
    void rememberPaper(const QString &pageSetupName);
    // Remembers the printer a job went to (not a PDF file).
    void rememberPrinter(const QPrinter &printer);

    // Points `printer` at the remembered printer when it is still installed.
    void preparePrinter(QPrinter &printer) const;

    // Prints every page of `documents` on `printer` as one job, each page on its
    // own document's paper.
    models::Result<printing::RenderReport> print(const QList<printing::Document> &documents,
                                                 QPrinter &printer);

    // Lays the documents out on the named paper.
    using Builder = std::function<models::Result<QList<printing::Document>>(const QString &paper)>;

    // A preview whose Print button prints every page as one job; not shown: the
    // caller shows or exec()s it, and it deletes itself when closed. With
    // `papers`, a Paper box on its toolbar lays the documents out again on the
    // chosen one and remembers it for this type. The printer is remembered when
    // the user prints.
    QPrintPreviewDialog *createPreview(const Builder &build, const QStringList &papers,
                                       const QString &title, QWidget *parent);
    QPrintPreviewDialog *createPreview(const QList<printing::Document> &documents,
                                       const QString &title, QWidget *parent);

    // Opens the preview modally; true when the user printed.
    bool preview(const Builder &build, const QStringList &papers, const QString &title,
                 QWidget *parent);

    // The last layout or print error, empty after a good one.
    const QString &lastError() const { return m_lastError; }

private:
    QString key(const char *name) const;

    QString m_type;
    QString m_lastError;
};

} // namespace ui
