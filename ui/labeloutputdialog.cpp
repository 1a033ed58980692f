#include "ui/labeloutputdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrinterInfo>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ui {

using printing::LabelOutputKind;
using printing::LabelOutputSettings;

namespace {

const QString kGroup = QStringLiteral("packBench/labelOutput");

QString kindCode(LabelOutputKind kind)
{
    switch (kind) {
    case LabelOutputKind::NetworkZpl:
        return QStringLiteral("zpl");
    case LabelOutputKind::SystemPrinter:
        return QStringLiteral("printer");
    case LabelOutputKind::PdfFolder:
        return QStringLiteral("pdf");
    }
    return QString();
}

LabelOutputKind kindFromCode(const QString &code)
{
    if (code == QLatin1String("printer"))
        return LabelOutputKind::SystemPrinter;
    if (code == QLatin1String("pdf"))
        return LabelOutputKind::PdfFolder;
    return LabelOutputKind::NetworkZpl;
}

// "(system default)" first, then every installed printer; `current` kept even
// when it is not installed now, so saving does not forget it.
QComboBox *printerBox(const QString &current, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->addItem(QObject::tr("(system default)"), QString());
    for (const QString &name : QPrinterInfo::availablePrinterNames())
        box->addItem(name, name);
    if (!current.isEmpty() && box->findData(current) < 0)
        box->addItem(QObject::tr("%1 (not installed)").arg(current), current);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

} // namespace

LabelOutputSettings loadLabelOutputSettings()
{
    QSettings s;
    s.beginGroup(kGroup);
    LabelOutputSettings out;
    out.kind = kindFromCode(s.value(QStringLiteral("kind")).toString());
    out.networkPrinter = s.value(QStringLiteral("networkPrinter")).toString();
    out.dpi = s.value(QStringLiteral("dpi"), 203).toInt() == 300 ? 300 : 203;
    out.systemPrinter = s.value(QStringLiteral("systemPrinter")).toString();
    out.pdfFolder = s.value(QStringLiteral("pdfFolder")).toString();
    out.packingSlip = s.value(QStringLiteral("packingSlip"), false).toBool();
    out.slipPrinter = s.value(QStringLiteral("slipPrinter")).toString();
    return out;
}

void saveLabelOutputSettings(const LabelOutputSettings &settings)
{
    QSettings s;
    s.beginGroup(kGroup);
    s.setValue(QStringLiteral("kind"), kindCode(settings.kind));
    s.setValue(QStringLiteral("networkPrinter"), settings.networkPrinter.trimmed());
    s.setValue(QStringLiteral("dpi"), settings.dpi);
    s.setValue(QStringLiteral("systemPrinter"), settings.systemPrinter);
    s.setValue(QStringLiteral("pdfFolder"), settings.pdfFolder.trimmed());
    s.setValue(QStringLiteral("packingSlip"), settings.packingSlip);
    s.setValue(QStringLiteral("slipPrinter"), settings.slipPrinter);
}

LabelOutputDialog::LabelOutputDialog(const LabelOutputSettings &settings, QWidget *parent)
    : QDialog(parent), m_kind(new QComboBox(this)), m_pages(new QStackedWidget(this)),
      m_network(new QLineEdit(settings.networkPrinter, this)), m_dpi(new QComboBox(this)),
      m_systemPrinter(printerBox(settings.systemPrinter, this)),
      m_folder(new QLineEdit(settings.pdfFolder, this)),
      m_slip(new QCheckBox(tr("Print a &packing slip with each order"), this)),
      m_slipPrinter(printerBox(settings.slipPrinter, this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Label printer for this bench"));
    m_kind->addItem(tr("Network label printer (ZPL)"), kindCode(LabelOutputKind::NetworkZpl));
    m_kind->addItem(tr("System printer"), kindCode(LabelOutputKind::SystemPrinter));
    m_kind->addItem(tr("PDF files in a folder"), kindCode(LabelOutputKind::PdfFolder));
    m_kind->setCurrentIndex(m_kind->findData(kindCode(settings.kind)));

    m_network->setObjectName(QStringLiteral("networkPrinter"));
    m_network->setPlaceholderText(tr("HOST:PORT, e.g. 10.0.0.7:9100"));
    m_dpi->addItem(tr("203 dpi (8 dots/mm)"), 203);
    m_dpi->addItem(tr("300 dpi (12 dots/mm)"), 300);
    m_dpi->setCurrentIndex(settings.dpi == 300 ? 1 : 0);
    auto *zplPage = new QWidget(m_pages);
    auto *zplForm = new QFormLayout(zplPage);
    zplForm->addRow(tr("Printer &address:"), m_network);
    zplForm->addRow(tr("&Resolution:"), m_dpi);

    auto *systemPage = new QWidget(m_pages);
    auto *systemForm = new QFormLayout(systemPage);
    systemForm->addRow(tr("&Printer (4x6 in labels):"), m_systemPrinter);

    auto *pdfPage = new QWidget(m_pages);
    auto *pdfForm = new QFormLayout(pdfPage);
    auto *browse = new QPushButton(tr("&Browse…"), pdfPage);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_folder->setObjectName(QStringLiteral("pdfFolder"));
    pdfForm->addRow(tr("&Folder:"), folderRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for label PDFs"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    m_pages->addWidget(zplPage);
    m_pages->addWidget(systemPage);
    m_pages->addWidget(pdfPage);

    m_slip->setChecked(settings.packingSlip);
    auto *slipForm = new QFormLayout;
    slipForm->addRow(m_slip);
    slipForm->addRow(tr("Packing slip p&rinter:"), m_slipPrinter);
    auto *slipNote = new QLabel(tr("With PDF files, the slip goes into the same folder."), this);
    slipForm->addRow(slipNote);

    m_problem->setStyleSheet(QStringLiteral("color: #c5221f;"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QFormLayout;
    top->addRow(tr("&Labels go to:"), m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages);
    layout->addLayout(slipForm);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &LabelOutputDialog::showKind);
    // A problem shown on Save is gone once something is changed.
    connect(m_kind, &QComboBox::currentIndexChanged, m_problem, &QWidget::hide);
    connect(m_network, &QLineEdit::textEdited, m_problem, &QWidget::hide);
    connect(m_folder, &QLineEdit::textEdited, m_problem, &QWidget::hide);
    connect(m_slip, &QCheckBox::toggled, m_slipPrinter, &QWidget::setEnabled);
    m_slipPrinter->setEnabled(m_slip->isChecked());
    showKind();
    m_kind->setFocus();
}

void LabelOutputDialog::showKind()
{
    m_pages->setCurrentIndex(m_kind->currentIndex());
}

LabelOutputSettings LabelOutputDialog::settings() const
{
    LabelOutputSettings s;
    s.kind = kindFromCode(m_kind->currentData().toString());
    s.networkPrinter = m_network->text().trimmed();
    s.dpi = m_dpi->currentData().toInt();
    s.systemPrinter = m_systemPrinter->currentData().toString();
    s.pdfFolder = m_folder->text().trimmed();
    s.packingSlip = m_slip->isChecked();
    s.slipPrinter = m_slipPrinter->currentData().toString();
    return s;
}

void LabelOutputDialog::accept()
{
    const QString problem = settings().problem();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace ui
