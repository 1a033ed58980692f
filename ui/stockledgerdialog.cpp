#include "ui/stockledgerdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum Column
{
    TimeColumn,
    LocationColumn,
    ChangeColumn,
    ReasonColumn,
    ReferenceColumn,
    NoteColumn,
    UserColumn,
    BalanceColumn,
    TotalColumn,
    ColumnCount
};

QTableWidgetItem *item(const QString &text, bool numeric = false)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (numeric)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

} // namespace

StockLedgerDialog::StockLedgerDialog(models::StockOperations *operations, qint64 productId,
                                     qint64 locationId, QWidget *parent)
    : QDialog(parent), m_operations(operations), m_productId(productId),
      m_location(new QComboBox(this)), m_summary(new QLabel(this)),
      m_table(new QTableWidget(0, ColumnCount, this))
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
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Location"), tr("Change"), tr("Reason"),
                                        tr("Reference"), tr("Note"), tr("User"), tr("Balance here"),
                                        tr("All shown")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    // Widths from typical values: measuring thousands of rows would stall the dialog.
    const QFontMetrics fm = m_table->fontMetrics();
    const auto width = [&fm](const char *sample) {
        return fm.horizontalAdvance(QString::fromLatin1(sample)) + 24;
    };
    m_table->setColumnWidth(TimeColumn, width("2026-12-31 23:59"));
    m_table->setColumnWidth(LocationColumn, width("WH-MAIN"));
    m_table->setColumnWidth(ChangeColumn, width("-10,000"));
    m_table->setColumnWidth(ReasonColumn, width("Count correction"));
    m_table->setColumnWidth(ReferenceColumn, width("Order #SH-100234"));
    m_table->setColumnWidth(UserColumn, width("warehouse"));
    m_table->setColumnWidth(BalanceColumn, width("Balance here"));
    m_table->setColumnWidth(TotalColumn, width("All shown"));
    m_table->horizontalHeader()->setSectionResizeMode(NoteColumn, QHeaderView::Stretch);

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

void StockLedgerDialog::setLocation(qint64 locationId)
{
    m_location->setCurrentIndex(std::max(0, m_location->findData(locationId)));
}

void StockLedgerDialog::load()
{
    const qint64 locationId = m_location->currentData().toLongLong();
    const models::Result<models::ProductLedger> ledger =
        m_operations->ledger(m_productId, locationId);
    m_table->setRowCount(0);
    if (!ledger.ok()) {
        m_summary->setText(ledger.error());
        return;
    }
    const models::ProductLedger &l = ledger.value();
    setWindowTitle(tr("Stock ledger: %1").arg(l.sku));
    const int n = static_cast<int>(l.entries.size());
    m_summary->setText(tr("<b>%1</b> %2 · %3 movements · on hand %4")
                           .arg(l.sku.toHtmlEscaped(), l.name.toHtmlEscaped())
                           .arg(n)
                           .arg(l.entries.isEmpty() ? 0 : l.entries.constLast().totalBalance));
    m_table->setUpdatesEnabled(false);
    m_table->setRowCount(n);
    const QLocale locale;
    for (int row = 0; row < n; ++row) {
        const models::LedgerEntry &e = l.entries.at(row);
        m_table->setItem(
            row, TimeColumn,
            item(locale.toString(e.atUtc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))));
        m_table->setItem(row, LocationColumn, item(e.locationCode));
        auto *change = item(e.quantity > 0 ? QStringLiteral("+%1").arg(e.quantity)
                                           : QString::number(e.quantity),
                            true);
        change->setForeground(e.quantity > 0 ? QColor(0x1a, 0x7f, 0x37) : QColor(0xc0, 0x1c, 0x28));
        m_table->setItem(row, ChangeColumn, change);
        m_table->setItem(row, ReasonColumn, item(models::stockReasonLabel(e.reason)));
        m_table->setItem(row, ReferenceColumn, item(e.referenceLabel));
        m_table->setItem(row, NoteColumn, item(e.note));
        m_table->setItem(row, UserColumn, item(e.user));
        m_table->setItem(row, BalanceColumn, item(QString::number(e.balance), true));
        m_table->setItem(row, TotalColumn, item(QString::number(e.totalBalance), true));
    }
    m_table->setUpdatesEnabled(true);
    if (n > 0)
        m_table->scrollToBottom();
}

} // namespace ui
