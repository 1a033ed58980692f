#include "ui/transferdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum ReceiptColumn
{
    ReceiptSku,
    ReceiptName,
    ReceiptSent,
    ReceiptReceived,
    ReceiptOnTheWay,
    ReceiptNow,
    ReceiptBin,
};

QTableWidgetItem *cell(const QString &text, bool editable = false, bool numeric = false)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(editable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                         : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (numeric)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

QTableWidget *lineTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    return t;
}

} // namespace

TransferDialog::TransferDialog(models::StockOperations *operations, qint64 fromLocationId,
                               QWidget *parent)
    : QDialog(parent), m_operations(operations), m_tabs(new QTabWidget(this)),
      m_from(new QComboBox(this)), m_to(new QComboBox(this)), m_code(new QLineEdit(this)),
      m_quantity(new QSpinBox(this)), m_lines(lineTable({tr("SKU"), tr("Product"), tr("Quantity")},
                                                        QStringLiteral("transferLines"), this)),
      m_open(new QComboBox(this)),
      m_arrived(lineTable({tr("SKU"), tr("Product"), tr("Sent"), tr("Received"),
                           tr("Still on the way"), tr("Receive now"), tr("Bin")},
                          QStringLiteral("transferReceiptLines"), this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Transfers"));
    resize(760, 520);

    m_from->setObjectName(QStringLiteral("transferFrom"));
    m_to->setObjectName(QStringLiteral("transferTo"));
    if (const auto locations = m_operations->locations(); locations.ok()) {
        for (const models::StockChoice &c : locations.value()) {
            m_from->addItem(c.label, c.id);
            m_to->addItem(c.label, c.id);
        }
    }
    m_from->setCurrentIndex(std::max(0, m_from->findData(fromLocationId)));
    m_to->setCurrentIndex(m_from->currentIndex() == 0 && m_to->count() > 1 ? 1 : 0);
    m_code->setObjectName(QStringLiteral("transferCode"));
    m_code->setPlaceholderText(tr("Scan a barcode or type a SKU, then Enter"));
    m_quantity->setObjectName(QStringLiteral("transferQuantity"));
    m_quantity->setRange(1, 1'000'000);

    // Send.
    auto *send = new QWidget(this);
    auto *sendForm = new QFormLayout;
    sendForm->addRow(tr("&From"), m_from);
    sendForm->addRow(tr("&To"), m_to);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_code, 1);
    entry->addWidget(m_quantity);
    auto *add = new QPushButton(tr("&Add"), send);
    add->setObjectName(QStringLiteral("transferAdd"));
    entry->addWidget(add);
    sendForm->addRow(tr("&Product"), entry);
    auto *shipButton = new QPushButton(tr("&Ship now"), send);
    shipButton->setObjectName(QStringLiteral("transferShip"));
    auto *sendLayout = new QVBoxLayout(send);
    sendLayout->addLayout(sendForm);
    sendLayout->addWidget(m_lines, 1);
    sendLayout->addWidget(shipButton, 0, Qt::AlignRight);
    m_tabs->addTab(send, tr("Send"));

    // Receive.
    auto *receiveTab = new QWidget(this);
    m_open->setObjectName(QStringLiteral("openTransfers"));
    auto *receiveButton = new QPushButton(tr("&Receive"), receiveTab);
    receiveButton->setObjectName(QStringLiteral("transferReceive"));
    auto *receiveLayout = new QVBoxLayout(receiveTab);
    auto *pick = new QFormLayout;
    pick->addRow(tr("In &transit"), m_open);
    receiveLayout->addLayout(pick);
    receiveLayout->addWidget(m_arrived, 1);
    receiveLayout->addWidget(receiveButton, 0, Qt::AlignRight);
    m_tabs->addTab(receiveTab, tr("Receive"));

    m_error->setObjectName(QStringLiteral("transferError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a40e26;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    const auto addTyped = [this] {
        addLine(m_code->text(), m_quantity->value());
        m_code->clear();
        m_quantity->setValue(1);
        m_code->setFocus();
    };
    connect(m_code, &QLineEdit::returnPressed, this, addTyped);
    connect(add, &QPushButton::clicked, this, addTyped);
    connect(shipButton, &QPushButton::clicked, this, &TransferDialog::ship);
    connect(receiveButton, &QPushButton::clicked, this, &TransferDialog::receive);
    connect(m_open, &QComboBox::currentIndexChanged, this, &TransferDialog::showTransfer);
    // A scanner ends every code with Enter: it must never press a button as well.
    for (QPushButton *b : findChildren<QPushButton *>())
        b->setAutoDefault(false);
    loadOpenTransfers();
    m_code->setFocus();
}

QString TransferDialog::error() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void TransferDialog::fail(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

// The same product scanned again adds to its line.
void TransferDialog::addLine(const QString &code, int quantity)
{
    const QString text = code.trimmed();
    if (text.isEmpty())
        return;
    const models::Result<qint64> id = m_operations->findProduct(text);
    if (!id.ok() || id.value() == 0) {
        fail(id.ok() ? tr("No product has the barcode or SKU \"%1\"").arg(text) : id.error());
        return;
    }
    fail({});
    for (int i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].productId == id.value()) {
            m_pending[i].quantity += quantity;
            m_lines->item(i, 2)->setText(QString::number(m_pending[i].quantity));
            return;
        }
    }
    const models::Result<models::ProductRecord> product = m_operations->product(id.value());
    m_pending.append({id.value(), quantity});
    const int row = m_lines->rowCount();
    m_lines->insertRow(row);
    m_lines->setItem(row, 0, cell(product.ok() ? product->sku : text));
    m_lines->setItem(row, 1, cell(product.ok() ? product->name : QString()));
    m_lines->setItem(row, 2, cell(QString::number(quantity), false, true));
}

void TransferDialog::ship()
{
    const qint64 from = m_from->currentData().toLongLong();
    const qint64 to = m_to->currentData().toLongLong();
    const models::Result<qint64> id = m_operations->shipTransfer(from, to, m_pending);
    if (!id.ok()) {
        fail(id.error());
        return;
    }
    int units = 0;
    for (const models::TransferLineInput &l : m_pending)
        units += l.quantity;
    m_message = tr("Transfer %1 shipped: %2 units from %3 to %4, in transit")
                    .arg(id.value())
                    .arg(units)
                    .arg(m_from->currentText().section(QLatin1Char(' '), 0, 0),
                         m_to->currentText().section(QLatin1Char(' '), 0, 0));
    m_changed = true;
    m_pending.clear();
    m_lines->setRowCount(0);
    fail({});
    loadOpenTransfers();
}

void TransferDialog::loadOpenTransfers()
{
    const models::Result<QList<models::Transfer>> open = m_operations->openTransfers();
    m_transfers = open.ok() ? open.value() : QList<models::Transfer>();
    if (!open.ok())
        fail(open.error());
    const QSignalBlocker block(m_open);
    m_open->clear();
    const QLocale locale;
    for (const models::Transfer &t : m_transfers)
        m_open->addItem(tr("Transfer %1: %2 → %3, shipped %4")
                            .arg(t.id)
                            .arg(t.fromCode, t.toCode,
                                 locale.toString(t.shippedUtc.toLocalTime(),
                                                 QStringLiteral("yyyy-MM-dd HH:mm"))),
                        t.id);
    showTransfer();
}

void TransferDialog::showTransfer()
{
    m_arrived->setRowCount(0);
    const int index = m_open->currentIndex();
    if (index < 0 || index >= m_transfers.size())
        return;
    const models::Transfer &t = m_transfers.at(index);
    const int rows = static_cast<int>(t.lines.size());
    m_arrived->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const models::TransferLine &l = t.lines.at(row);
        m_arrived->setItem(row, ReceiptSku, cell(l.sku));
        m_arrived->setItem(row, ReceiptName, cell(l.name));
        m_arrived->setItem(row, ReceiptSent, cell(QString::number(l.quantity), false, true));
        m_arrived->setItem(row, ReceiptReceived, cell(QString::number(l.received), false, true));
        m_arrived->setItem(row, ReceiptOnTheWay,
                           cell(QString::number(l.outstanding()), false, true));
        auto *now = cell(QString::number(l.outstanding()), true, true);
        now->setData(Qt::UserRole, l.id);
        m_arrived->setItem(row, ReceiptNow, now);
        // Where it is put away: the product's bin here unless another is scanned or typed.
        auto *bin = new QLineEdit(m_arrived);
        bin->setObjectName(QStringLiteral("transferBin%1").arg(row));
        bin->setPlaceholderText(l.binCode.isEmpty() ? tr("no bin") : l.binCode);
        bin->setToolTip(
            l.binCode.isEmpty()
                ? tr("%1 has no bin at %2: scan or type one to put it away in, and it is "
                     "remembered as its bin")
                      .arg(l.sku, t.toCode)
                : tr("Put away in %1; scan or type another bin to use that one").arg(l.binCode));
        bin->setAccessibleName(tr("%1 bin").arg(l.sku));
        // A scanner ends the code with Enter: on to the next line's bin.
        connect(bin, &QLineEdit::returnPressed, this, [this, row] {
            if (QLineEdit *next = binField(row + 1))
                next->setFocus();
        });
        m_arrived->setCellWidget(row, ReceiptBin, bin);
    }
    m_arrived->resizeColumnsToContents();
    m_arrived->setColumnWidth(
        ReceiptBin, m_arrived->fontMetrics().horizontalAdvance(QStringLiteral("A-12-03-4")) + 40);
}

QLineEdit *TransferDialog::binField(int row) const
{
    return qobject_cast<QLineEdit *>(m_arrived->cellWidget(row, ReceiptBin));
}

void TransferDialog::receive()
{
    const int index = m_open->currentIndex();
    if (index < 0 || index >= m_transfers.size()) {
        fail(tr("No transfer is in transit"));
        return;
    }
    QMap<qint64, int> quantities;
    QMap<qint64, QString> binCodes;
    for (int row = 0; row < m_arrived->rowCount(); ++row) {
        const QTableWidgetItem *now = m_arrived->item(row, ReceiptNow);
        bool ok = false;
        const int n = now->text().trimmed().toInt(&ok);
        if (!ok) {
            fail(tr("%1: \"%2\" is not a number")
                     .arg(m_arrived->item(row, ReceiptSku)->text(), now->text()));
            return;
        }
        const qint64 lineId = now->data(Qt::UserRole).toLongLong();
        quantities.insert(lineId, n);
        if (const QString bin = binField(row)->text().trimmed(); !bin.isEmpty())
            binCodes.insert(lineId, bin);
    }
    const qint64 id = m_transfers.at(index).id;
    if (const models::Status s = m_operations->receiveTransfer(id, quantities, binCodes); !s) {
        fail(s.error());
        return;
    }
    int units = 0;
    for (int n : quantities)
        units += n;
    m_message = tr("Transfer %1: %2 units received at %3")
                    .arg(id)
                    .arg(units)
                    .arg(m_transfers.at(index).toCode);
    m_changed = true;
    fail({});
    loadOpenTransfers();
}

} // namespace ui
