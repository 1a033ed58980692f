#include "ui/stockledgerdialog.h"

#include "models/stockledgermodel.h"
#include "models/stockledgersource.h"
#include "ui/countformat.h"
#include "ui/lazytableview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

using models::StockLedgerModel;

namespace {

// Widths from typical values: measuring the rows would read every page.
QList<ColumnLayout> columnLayouts()
{
    QList<ColumnLayout> columns(StockLedgerModel::ColumnCount);
    columns[StockLedgerModel::TimeColumn] = {.sample = QStringLiteral("2026-12-31 23:59")};
    columns[StockLedgerModel::LocationColumn] = {.sample = QStringLiteral("WH-MAIN")};
    columns[StockLedgerModel::ChangeColumn] = {.sample = QStringLiteral("-10,000"),
                                               .numeric = true};
    columns[StockLedgerModel::ReasonColumn] = {.sample = QStringLiteral("Count correction")};
    columns[StockLedgerModel::ReferenceColumn] = {.sample = QStringLiteral("Order #SH-100234")};
    columns[StockLedgerModel::NoteColumn] = {.sample = {}, .numeric = false, .stretch = true};
    columns[StockLedgerModel::UserColumn] = {.sample = QStringLiteral("warehouse")};
    columns[StockLedgerModel::BalanceColumn] = {.sample = QStringLiteral("100,000"),
                                                .numeric = true};
    columns[StockLedgerModel::TotalColumn] = {.sample = QStringLiteral("100,000"), .numeric = true};
    return columns;
}

} // namespace

StockLedgerDialog::StockLedgerDialog(models::StockOperations *operations, qint64 productId,
                                     qint64 locationId, QWidget *parent)
    : QDialog(parent), m_operations(operations), m_productId(productId),
      m_location(new QComboBox(this)), m_summary(new QLabel(this)), m_table(new LazyTableView(this))
{
    setObjectName(QStringLiteral("stockLedgerDialog"));
    setWindowTitle(tr("Stock ledger"));
    resize(1040, 560);

    m_location->setObjectName(QStringLiteral("ledgerLocation"));
    m_location->addItem(tr("All locations"), qint64(0));
    if (const auto locations = m_operations->locations(); locations.ok())
        for (const models::StockChoice &c : locations.value())
            m_location->addItem(c.label, c.id);
    m_location->setCurrentIndex(std::max(0, m_location->findData(locationId)));

    m_summary->setObjectName(QStringLiteral("ledgerSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("ledgerTable"));

    auto *top = new QHBoxLayout;
    auto *locationLabel = new QLabel(tr("&Location"), this);
    locationLabel->setBuddy(m_location);
    top->addWidget(locationLabel);
    top->addWidget(m_location);
    top->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);

    connect(m_location, &QComboBox::currentIndexChanged, this, &StockLedgerDialog::load);
    load();
}

StockLedgerDialog::~StockLedgerDialog()
{
    // The model reads from the source: it goes first.
    delete m_model;
}

QString StockLedgerDialog::summary() const
{
    return m_summary->text();
}

void StockLedgerDialog::setLocation(qint64 locationId)
{
    m_location->setCurrentIndex(std::max(0, m_location->findData(locationId)));
}

void StockLedgerDialog::load()
{
    const qint64 locationId = m_location->currentData().toLongLong();
    StockLedgerModel *old = m_model;
    std::unique_ptr<models::StockLedgerSource> oldSource = std::move(m_source);
    m_source = m_operations->ledgerSource(m_productId, locationId);
    m_model = new StockLedgerModel(m_source.get());
    connect(m_model, &StockLedgerModel::errorOccurred, m_summary, &QLabel::setText,
            Qt::QueuedConnection);
    QItemSelectionModel *oldSelection = m_table->selectionModel();
    m_table->setModel(m_model);
    m_table->setColumnLayouts(columnLayouts());
    delete oldSelection;
    delete old; // after the view has let go of it, and before its source
    oldSource.reset();

    const models::Result<models::LedgerProduct> product = m_source->product();
    if (!product.ok()) {
        m_summary->setText(product.error());
        return;
    }
    if (!m_model->lastError().isEmpty()) {
        m_summary->setText(m_model->lastError());
        return;
    }
    const models::LedgerProduct &p = product.value();
    setWindowTitle(tr("Stock ledger: %1").arg(p.sku));
    const int n = m_model->rowCount();
    // The newest movement's balance is what the ledger says is on hand now; reading it
    // fetches the last page, the one the table opens on.
    const models::LedgerEntry *newest = n > 0 ? m_model->entryAt(n - 1) : nullptr;
    m_summary->setText(tr("<b>%1</b> %2 · %3 · on hand %4")
                           .arg(p.sku.toHtmlEscaped(), p.name.toHtmlEscaped(),
                                n == 1 ? tr("1 movement") : tr("%1 movements").arg(formatCount(n)))
                           .arg(newest ? formatCount(newest->totalBalance) : QStringLiteral("0")));
    if (n > 0) {
        m_table->scrollToBottom();
        m_table->setCurrentIndex(m_model->index(n - 1, StockLedgerModel::TimeColumn));
    }
}

} // namespace ui
