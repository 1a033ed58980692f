#include "ui/receivingpanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

namespace {

enum Column
{
    SkuColumn,
    NameColumn,
    OutstandingColumn,
    CountedColumn,
    DamagedColumn,
    BinColumn,
    ColumnCount
};

constexpr int kMaxCount = 1'000'000;

const QString kGoodStyle = QStringLiteral(
    "color: #1a7f37; background: #dafbe1; border: 1px solid #4ac26b; border-radius: 6px;"
    "padding: 6px 10px; font-weight: 600;");
const QString kBadStyle = QStringLiteral(
    "color: #cf222e; background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px;"
    "padding: 6px 10px; font-weight: 600;");

} // namespace

ReceivingPanel::ReceivingPanel(QWidget *parent)
    : QWidget(parent), m_scan(new QLineEdit(this)), m_message(new QLabel(this)),
      m_table(new QTableWidget(0, ColumnCount, this)),
      m_post(new QPushButton(tr("&Post receipt"), this))
{
    m_scan->setObjectName(QStringLiteral("receiveScan"));
    m_scan->setPlaceholderText(tr("Scan an item's barcode, or type its SKU and press Enter"));
    m_scan->setClearButtonEnabled(true);
    m_message->setObjectName(QStringLiteral("receiveMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_table->setObjectName(QStringLiteral("receiveTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("SKU"), tr("Name"), tr("Outstanding"), tr("This delivery"), tr("Damaged"), tr("Bin")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_post->setObjectName(QStringLiteral("receivePost"));
    m_post->setEnabled(false);
    m_post->setToolTip(tr("Books what was counted into stock in one step: received units, "
                          "damaged ones written off, differences recorded on the order"));

    connect(m_scan, &QLineEdit::returnPressed, this, &ReceivingPanel::scan);
    connect(m_post, &QPushButton::clicked, this, &ReceivingPanel::postRequested);

    auto *scanLabel = new QLabel(tr("&Scan:"), this);
    scanLabel->setBuddy(m_scan);
    auto *scanRow = new QHBoxLayout;
    scanRow->addWidget(scanLabel);
    scanRow->addWidget(m_scan, 1);
    scanRow->addWidget(m_post);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(scanRow);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_scan);
}

void ReceivingPanel::setOrder(const models::PurchaseOrderDetail &order)
{
    m_order = order;
    m_lines.clear();
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(order.lines.size()));
    for (int row = 0; row < order.lines.size(); ++row) {
        const models::PurchaseOrderLineDetail &l = order.lines.at(row);
        m_lines.append({l.lineId, l.sku, l.barcodes});
        auto *sku = new QTableWidgetItem(l.sku);
        sku->setToolTip(l.barcodes.join(QStringLiteral(", ")));
        m_table->setItem(row, SkuColumn, sku);
        m_table->setItem(row, NameColumn, new QTableWidgetItem(l.name));
        auto *outstanding =
            new QTableWidgetItem(QString::number(std::max(0, l.ordered - l.received)));
        outstanding->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, OutstandingColumn, outstanding);
        for (int column : {CountedColumn, DamagedColumn}) {
            auto *box = new QSpinBox(m_table);
            box->setRange(0, kMaxCount);
            box->setObjectName(QStringLiteral("%1%2")
                                   .arg(column == CountedColumn ? QStringLiteral("receiveCounted")
                                                                : QStringLiteral("receiveDamaged"))
                                   .arg(row));
            box->setAccessibleName(
                (column == CountedColumn ? tr("%1 counted") : tr("%1 damaged")).arg(l.sku));
            connect(box, &QSpinBox::valueChanged, this, &ReceivingPanel::updatePost);
            m_table->setCellWidget(row, column, box);
        }
        // Where it is put away: the product's bin here unless another is scanned or typed.
        auto *bin = new QLineEdit(m_table);
        bin->setObjectName(QStringLiteral("receiveBin%1").arg(row));
        bin->setPlaceholderText(l.binCode.isEmpty() ? tr("no bin") : l.binCode);
        bin->setToolTip(
            l.binCode.isEmpty()
                ? tr("%1 has no bin here: scan or type one to put it away in, and it "
                     "is remembered as its bin")
                      .arg(l.sku)
                : tr("Put away in %1; scan or type another bin to use that one").arg(l.binCode));
        bin->setAccessibleName(tr("%1 bin").arg(l.sku));
        connect(bin, &QLineEdit::returnPressed, m_scan, [this] { m_scan->setFocus(); });
        m_table->setCellWidget(row, BinColumn, bin);
    }
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(
        BinColumn, m_table->fontMetrics().horizontalAdvance(QStringLiteral("A-12-03-4")) + 40);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    const bool receivable = models::PurchaseOrderRules::canReceive(order.header.status);
    m_scan->setEnabled(receivable);
    m_table->setEnabled(receivable);
    m_message->hide();
    updatePost();
}

void ReceivingPanel::clear()
{
    setOrder({});
}

QSpinBox *ReceivingPanel::countedBox(int row) const
{
    return qobject_cast<QSpinBox *>(m_table->cellWidget(row, CountedColumn));
}

QSpinBox *ReceivingPanel::damagedBox(int row) const
{
    return qobject_cast<QSpinBox *>(m_table->cellWidget(row, DamagedColumn));
}

QLineEdit *ReceivingPanel::binField(int row) const
{
    return qobject_cast<QLineEdit *>(m_table->cellWidget(row, BinColumn));
}

QString ReceivingPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ReceivingPanel::showMessage(const QString &text, bool error)
{
    m_messageIsError = error;
    m_message->setText(text);
    m_message->setStyleSheet(error ? kBadStyle : kGoodStyle);
    m_message->setVisible(!text.isEmpty());
}

models::Receipt ReceivingPanel::receipt() const
{
    models::Receipt r;
    r.purchaseOrderId = m_order.header.id;
    for (int row = 0; row < m_lines.size(); ++row) {
        const int counted = countedBox(row)->value();
        const int damaged = damagedBox(row)->value();
        if (counted > 0 || damaged > 0)
            r.lines.append({m_lines.at(row).lineId, counted, damaged, QString(),
                            binField(row)->text().trimmed()});
    }
    return r;
}

int ReceivingPanel::countedUnits() const
{
    int total = 0;
    for (int row = 0; row < m_lines.size(); ++row)
        total += countedBox(row)->value();
    return total;
}

void ReceivingPanel::scan()
{
    const QString code = m_scan->text().trimmed();
    m_scan->clear();
    if (code.isEmpty())
        return;
    const std::optional<qsizetype> row = models::lineForScan(m_lines, code);
    if (!row) {
        showMessage(tr("%1 is not on %2: nothing counted").arg(code, m_order.header.poNumber),
                    true);
        return;
    }
    const int r = static_cast<int>(*row);
    QSpinBox *box = countedBox(r);
    box->setValue(box->value() + 1);
    const models::PurchaseOrderLineDetail &l = m_order.lines.at(r);
    const int outstanding = std::max(0, l.ordered - l.received);
    showMessage(tr("%1 %2: %3 of %4 counted").arg(l.sku, l.name).arg(box->value()).arg(outstanding),
                false);
    m_table->scrollToItem(m_table->item(r, SkuColumn));
}

void ReceivingPanel::updatePost()
{
    bool any = false;
    for (int row = 0; row < m_lines.size(); ++row)
        any = any || countedBox(row)->value() > 0 || damagedBox(row)->value() > 0;
    m_post->setEnabled(any && models::PurchaseOrderRules::canReceive(m_order.header.status));
}

} // namespace ui
