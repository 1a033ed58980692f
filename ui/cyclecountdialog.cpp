#include "ui/cyclecountdialog.h"

#include "models/stockoperationrules.h"
#include "printing/countsheetdocument.h"
#include "printing/documentrender.h"
#include "ui/documentprinter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum Column
{
    BinColumn,
    SkuColumn,
    NameColumn,
    ExpectedColumn,
    AtCountColumn,
    CountedColumn,
    VarianceColumn,
    ColumnCount
};

QTableWidgetItem *cell(const QString &text, bool numeric = false, bool editable = false)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(editable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                         : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (numeric)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

QString signedNumber(int n)
{
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

} // namespace

CycleCountDialog::CycleCountDialog(models::StockOperations *operations, qint64 locationId,
                                   QWidget *parent)
    : QDialog(parent), m_operations(operations), m_location(new QComboBox(this)),
      m_bin(new QComboBox(this)), m_counts(new QComboBox(this)), m_scan(new QLineEdit(this)),
      m_table(new QTableWidget(0, ColumnCount, this)), m_summary(new QLabel(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("cycleCountDialog"));
    setWindowTitle(tr("Cycle counts"));
    resize(920, 600);

    m_location->setObjectName(QStringLiteral("countLocation"));
    if (const auto locations = m_operations->locations(); locations.ok())
        for (const models::StockChoice &c : locations.value())
            m_location->addItem(c.label, c.id);
    m_location->setCurrentIndex(std::max(0, m_location->findData(locationId)));
    m_bin->setObjectName(QStringLiteral("countBin"));
    m_bin->setMinimumContentsLength(14);
    m_counts->setObjectName(QStringLiteral("openCounts"));
    m_scan->setObjectName(QStringLiteral("countScan"));
    m_scan->setPlaceholderText(tr("Scan a product: each scan counts one"));
    m_table->setObjectName(QStringLiteral("countLines"));
    m_table->setHorizontalHeaderLabels({tr("Bin"), tr("SKU"), tr("Product"), tr("On sheet"),
                                        tr("Held at count"), tr("Counted"), tr("Variance")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->setToolTip(tr("Type a count in the Counted column, or scan products above"));
    m_summary->setObjectName(QStringLiteral("countSummary"));
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("countError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a40e26;"));
    m_error->hide();

    auto *start = new QPushButton(tr("&Start count"), this);
    start->setObjectName(QStringLiteral("startCount"));
    auto *pdf = new QPushButton(tr("Save sheet as &PDF…"), this);
    pdf->setObjectName(QStringLiteral("countPdf"));
    auto *print = new QPushButton(tr("Pr&int sheet…"), this);
    print->setObjectName(QStringLiteral("countPrint"));
    auto *postButton = new QPushButton(tr("P&ost corrections"), this);
    postButton->setObjectName(QStringLiteral("countPost"));

    auto *newRow = new QHBoxLayout;
    newRow->addWidget(new QLabel(tr("New count at"), this));
    newRow->addWidget(m_location, 1);
    newRow->addWidget(m_bin, 1);
    newRow->addWidget(start);
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(new QLabel(tr("Count"), this));
    openRow->addWidget(m_counts, 2);
    openRow->addWidget(m_scan, 1);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(pdf);
    actionRow->addWidget(print);
    actionRow->addStretch(1);
    actionRow->addWidget(postButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(newRow);
    layout->addLayout(openRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addLayout(actionRow);
    layout->addWidget(buttons);

    connect(m_location, &QComboBox::currentIndexChanged, this, &CycleCountDialog::loadBins);
    connect(start, &QPushButton::clicked, this, &CycleCountDialog::startCount);
    connect(m_counts, &QComboBox::currentIndexChanged, this,
            [this] { selectCount(m_counts->currentData().toLongLong()); });
    connect(m_scan, &QLineEdit::returnPressed, this, [this] {
        scan(m_scan->text());
        m_scan->clear();
    });
    connect(m_table, &QTableWidget::cellChanged, this, &CycleCountDialog::onCellChanged);
    connect(pdf, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save count sheet"),
            QStringLiteral("%1.pdf").arg(printing::countSheetCode(m_count.id)),
            tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            savePdf(path);
    });
    connect(print, &QPushButton::clicked, this, &CycleCountDialog::printSheet);
    connect(postButton, &QPushButton::clicked, this, &CycleCountDialog::post);
    // A scanner ends every code with Enter: it must never press a button as well.
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false);
    loadBins();
    loadOpenCounts(0);
}

QString CycleCountDialog::error() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void CycleCountDialog::fail(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void CycleCountDialog::loadBins()
{
    m_bin->clear();
    m_bin->addItem(tr("Whole location"), qint64(0));
    const auto bins = m_operations->bins(m_location->currentData().toLongLong());
    if (bins.ok())
        for (const models::StockChoice &b : bins.value())
            m_bin->addItem(tr("Bin %1").arg(b.label), b.id);
}

void CycleCountDialog::loadOpenCounts(qint64 select)
{
    const auto open = m_operations->openCounts();
    const QSignalBlocker block(m_counts);
    m_counts->clear();
    const QLocale locale;
    if (open.ok()) {
        for (const models::StockCount &c : open.value())
            m_counts->addItem(
                tr("Count %1: %2 %3, started %4 (%5 lines)")
                    .arg(c.id)
                    .arg(c.locationCode,
                         c.binCode.isEmpty() ? tr("whole location") : tr("bin %1").arg(c.binCode),
                         locale.toString(c.createdUtc.toLocalTime(),
                                         QStringLiteral("yyyy-MM-dd HH:mm")))
                    .arg(c.lines.size()),
                c.id);
    } else {
        fail(open.error());
    }
    const int index = select != 0 ? m_counts->findData(select) : m_counts->count() - 1;
    m_counts->setCurrentIndex(std::max(0, index));
    selectCount(m_counts->currentData().toLongLong());
}

void CycleCountDialog::startCount()
{
    const auto id = m_operations->startCount(m_location->currentData().toLongLong(),
                                             m_bin->currentData().toLongLong());
    if (!id.ok()) {
        fail(id.error());
        return;
    }
    fail({});
    loadOpenCounts(id.value());
    m_scan->setFocus();
}

void CycleCountDialog::selectCount(qint64 countId)
{
    if (countId == 0) {
        m_count = {};
        showCount();
        return;
    }
    const auto count = m_operations->count(countId);
    if (!count.ok()) {
        fail(count.error());
        return;
    }
    m_count = count.value();
    if (m_counts->currentData().toLongLong() != countId) {
        const QSignalBlocker block(m_counts);
        m_counts->setCurrentIndex(std::max(0, m_counts->findData(countId)));
    }
    showCount();
}

void CycleCountDialog::showCount()
{
    m_filling = true;
    const int n = static_cast<int>(m_count.lines.size());
    m_table->setRowCount(n);
    int counted = 0;
    int differing = 0;
    int up = 0;
    int down = 0;
    int moved = 0;
    for (int row = 0; row < n; ++row) {
        const models::CountLine &l = m_count.lines.at(row);
        m_table->setItem(row, BinColumn, cell(l.binCode));
        m_table->setItem(row, SkuColumn, cell(l.sku));
        m_table->setItem(row, NameColumn, cell(l.name));
        m_table->setItem(row, ExpectedColumn, cell(QString::number(l.expected), true));
        auto *atCount = cell(l.onHandAtCount ? QString::number(*l.onHandAtCount) : QString(), true);
        if (l.movedSinceSheet()) {
            atCount->setForeground(QColor(0xb0, 0x5a, 0x00));
            atCount->setToolTip(tr("Stock moved between printing and counting: the count is "
                                   "judged against what was held when it was entered"));
            ++moved;
        }
        m_table->setItem(row, AtCountColumn, atCount);
        m_table->setItem(row, CountedColumn,
                         cell(l.counted ? QString::number(*l.counted) : QString(), true, true));
        const int variance = l.variance();
        auto *v = cell(l.counted ? signedNumber(variance) : QString(), true);
        if (l.varianceRatio() > models::kCountVarianceTolerance)
            v->setForeground(QColor(0xc0, 0x1c, 0x28));
        m_table->setItem(row, VarianceColumn, v);
        if (l.counted) {
            ++counted;
            if (variance != 0)
                ++differing;
            (variance > 0 ? up : down) += std::abs(variance);
        }
    }
    m_filling = false;
    if (m_count.id == 0) {
        m_summary->setText(tr("No count is open. Choose a location (and a bin) and start one."));
        return;
    }
    m_summary->setText(
        tr("%1 lines, %2 counted, %3 with a variance (+%4 / −%5 units)%6. "
           "Posting writes one count-correction movement per differing line.")
            .arg(n)
            .arg(counted)
            .arg(differing)
            .arg(up)
            .arg(down)
            .arg(moved > 0 ? tr("; %1 moved since the sheet was made").arg(moved) : QString()));
}

void CycleCountDialog::onCellChanged(int row, int column)
{
    if (m_filling || column != CountedColumn || row >= m_count.lines.size())
        return;
    const QString text = m_table->item(row, column)->text().trimmed();
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0) {
        fail(tr("%1: \"%2\" is not a count").arg(m_count.lines.at(row).sku, text));
        return;
    }
    if (const models::Status s =
            m_operations->enterCount(m_count.id, m_count.lines.at(row).productId, n);
        !s) {
        fail(s.error());
        return;
    }
    fail({});
    selectCount(m_count.id);
}

void CycleCountDialog::scan(const QString &code)
{
    if (m_count.id == 0) {
        fail(tr("Start or choose a count before scanning"));
        return;
    }
    const auto id = m_operations->findProduct(code);
    if (!id.ok() || id.value() == 0) {
        fail(id.ok() ? tr("No product has the barcode or SKU \"%1\"").arg(code.trimmed())
                     : id.error());
        return;
    }
    int already = 0;
    for (const models::CountLine &l : m_count.lines)
        if (l.productId == id.value() && l.counted)
            already = *l.counted;
    if (const models::Status s = m_operations->enterCount(m_count.id, id.value(), already + 1);
        !s) {
        fail(s.error());
        return;
    }
    fail({});
    selectCount(m_count.id);
    for (int row = 0; row < m_count.lines.size(); ++row)
        if (m_count.lines.at(row).productId == id.value())
            m_table->setCurrentCell(row, CountedColumn);
}

bool CycleCountDialog::savePdf(const QString &path)
{
    const auto doc = printing::countSheetDocument(m_count, printing::PageSetup::a4());
    if (!doc.ok()) {
        fail(doc.error());
        return false;
    }
    const auto written =
        printing::writePdf(doc.value(), path, printing::countSheetCode(m_count.id));
    if (!written.ok()) {
        fail(written.error());
        return false;
    }
    fail({});
    return true;
}

void CycleCountDialog::printSheet()
{
    const auto doc = printing::countSheetDocument(m_count, printing::PageSetup::a4());
    if (!doc.ok()) {
        fail(doc.error());
        return;
    }
    auto *printer = new DocumentPrinter(QStringLiteral("count-sheet"), this);
    QPrintPreviewDialog *preview = printer->createPreview(
        QList<printing::Document>{doc.value()}, printing::countSheetCode(m_count.id), this);
    preview->open();
}

void CycleCountDialog::post()
{
    if (m_count.id == 0) {
        fail(tr("No count to post"));
        return;
    }
    const qint64 id = m_count.id;
    const auto summary = m_operations->postCount(id);
    if (!summary.ok()) {
        fail(summary.error());
        return;
    }
    m_message =
        tr("Count %1 posted: %2 corrections (+%3 / −%4 units)%5")
            .arg(id)
            .arg(summary->corrections)
            .arg(summary->unitsUp)
            .arg(summary->unitsDown)
            .arg(summary->notCounted > 0
                     ? tr("; %1 lines not counted left as they were").arg(summary->notCounted)
                     : QString());
    m_changed = true;
    fail({});
    loadOpenCounts(0);
    m_summary->setText(m_message);
}

} // namespace ui
