#include "ui/documentprinter.h"

#include "printing/documentbatch.h"

#include <QComboBox>
#include <QLabel>
#include <QPageLayout>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QSettings>
#include <QToolBar>

#include <memory>

namespace ui {

DocumentPrinter::DocumentPrinter(const QString &type, QObject *parent)
    : QObject(parent), m_type(type)
{}

QString DocumentPrinter::key(const char *name) const
{
    return QStringLiteral("printing/%1/%2").arg(m_type, QLatin1String(name));
}

QString DocumentPrinter::rememberedPrinter() const
{
    return QSettings().value(key("printer")).toString();
}

QString DocumentPrinter::rememberedPaper(const QString &fallback) const
{
    const QString paper = QSettings().value(key("paper")).toString();
    return paper.isEmpty() ? fallback : paper;
}

void DocumentPrinter::rememberPaper(const QString &pageSetupName)
{
    QSettings().setValue(key("paper"), pageSetupName);
}

void DocumentPrinter::rememberPrinter(const QPrinter &printer)
{
    if (printer.outputFormat() == QPrinter::NativeFormat && !printer.printerName().isEmpty())
        QSettings().setValue(key("printer"), printer.printerName());
}

void DocumentPrinter::preparePrinter(QPrinter &printer) const
{
    const QString name = rememberedPrinter();
    if (name.isEmpty() || printer.outputFormat() != QPrinter::NativeFormat)
        return;
    if (!QPrinterInfo::printerInfo(name).isNull())
        printer.setPrinterName(name);
}

models::Result<printing::RenderReport>
DocumentPrinter::print(const QList<printing::Document> &documents, QPrinter &printer)
{
    printer.setFullPage(true);
    auto report = printing::paintDocuments(documents, printer);
    m_lastError = report ? QString() : report.error();
    return report;
}

QPrintPreviewDialog *DocumentPrinter::createPreview(const Builder &build, const QStringList &papers,
                                                    const QString &title, QWidget *parent)
{
    auto documents = std::make_shared<QList<printing::Document>>();
    const QString remembered = papers.isEmpty() ? QString() : rememberedPaper(papers.first());
    const QString paper = papers.contains(remembered) ? remembered : papers.value(0);
    if (auto built = build(paper)) {
        *documents = built.value();
        m_lastError.clear();
    } else {
        m_lastError = built.error();
    }

    auto *printer = new QPrinter(QPrinter::HighResolution);
    preparePrinter(*printer);
    printer->setDocName(title);
    if (!documents->isEmpty()) {
        const printing::PageSetup &setup = documents->first().pageSetup();
        printer->setPageLayout(QPageLayout(setup.pageSize(), QPageLayout::Portrait,
                                           QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    }
    auto *dialog = new QPrintPreviewDialog(printer, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->resize(900, 1000);
    // The dialog does not own its printer.
    connect(dialog, &QObject::destroyed, this, [printer] { delete printer; });
    connect(dialog, &QPrintPreviewDialog::paintRequested, this,
            [this, documents](QPrinter *p) { (void)print(*documents, *p); });
    connect(dialog, &QDialog::accepted, this, [this, printer] { rememberPrinter(*printer); });

    auto *bar = dialog->findChild<QToolBar *>();
    auto *preview = dialog->findChild<QPrintPreviewWidget *>();
    if (papers.size() > 1 && bar && preview) {
        auto *box = new QComboBox(bar);
        box->setObjectName(QStringLiteral("paperBox"));
        box->addItems(papers);
        box->setCurrentText(paper);
        box->setToolTip(tr("Paper or label stock, remembered for this kind of document"));
        bar->addSeparator();
        bar->addWidget(new QLabel(tr(" Paper: "), bar));
        bar->addWidget(box);
        connect(box, &QComboBox::currentTextChanged, this,
                [this, build, documents, preview](const QString &chosen) {
                    auto built = build(chosen);
                    if (!built) {
                        m_lastError = built.error();
                        return;
                    }
                    *documents = built.value();
                    rememberPaper(chosen);
                    preview->updatePreview();
                });
    }
    return dialog;
}

QPrintPreviewDialog *DocumentPrinter::createPreview(const QList<printing::Document> &documents,
                                                    const QString &title, QWidget *parent)
{
    return createPreview(
        [documents](const QString &) -> models::Result<QList<printing::Document>> {
            return documents;
        },
        {}, title, parent);
}

bool DocumentPrinter::preview(const Builder &build, const QStringList &papers, const QString &title,
                              QWidget *parent)
{
    QPrintPreviewDialog *dialog = createPreview(build, papers, title, parent);
    return dialog->exec() == QDialog::Accepted && m_lastError.isEmpty();
}

} // namespace ui
