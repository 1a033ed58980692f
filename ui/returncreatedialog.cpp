#include "ui/returncreatedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum Column
{
    LineColumn,
    SkuColumn,
    TitleColumn,
    ShippedColumn,
    ReturnedColumn,
    ReturnableColumn,
    QuantityColumn,
    ColumnCount
};

} // namespace

ReturnCreateDialog::ReturnCreateDialog(models::ReturnsSource *source, QWidget *parent)
    : QDialog(parent), m_source(source), m_orderNumber(new QLineEdit(this)),
      m_orderInfo(new QLabel(this)), m_lines(new QTableWidget(0, ColumnCount, this)),
      m_reason(new QComboBox(this)), m_note(new QPlainTextEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("New return"));
    setObjectName(QStringLiteral("returnCreateDialog"));
    m_orderNumber->setObjectName(QStringLiteral("returnOrderNumber"));
    m_orderNumber->setPlaceholderText(tr("Order number, then Enter"));
    m_lines->setObjectName(QStringLiteral("returnOrderLines"));
    m_lines->setHorizontalHeaderLabels({tr("Line"), tr("SKU"), tr("Item"), tr("Shipped"),
                                        tr("Returned"), tr("Returnable"), tr("Return")});
    m_lines->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_reason->setObjectName(QStringLiteral("returnReason"));
    for (models::ReturnReason r : models::allReturnReasons())
        m_reason->addItem(models::returnReasonLabel(r), models::returnReasonCode(r));
    m_note->setObjectName(QStringLiteral("returnNote"));
    m_note->setPlaceholderText(tr("What the customer said (optional)"));
    m_note->setMaximumHeight(70);
    m_error->setObjectName(QStringLiteral("returnCreateError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Order"), m_orderNumber);
    form->addRow(QString(), m_orderInfo);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create and authorise"));
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_lines, 1);
    auto *details = new QFormLayout;
    details->addRow(tr("Reason"), m_reason);
    details->addRow(tr("Customer note"), m_note);
    layout->addLayout(details);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_orderNumber, &QLineEdit::returnPressed, this,
            [this] { lookUp(m_orderNumber->text()); });
    resize(760, 460);
}

void ReturnCreateDialog::lookUp(const QString &orderNumber)
{
    m_orderNumber->setText(orderNumber.trimmed());
    m_error->hide();
    m_order = {};
    if (!m_source) {
        m_error->setText(tr("No database is open."));
        m_error->show();
        return;
    }
    models::Result<models::ReturnableOrder> order = m_source->returnableOrder(orderNumber);
    if (!order.ok()) {
        m_error->setText(order.error());
        m_error->show();
        showOrder();
        return;
    }
    m_order = order.value();
    showOrder();
}

void ReturnCreateDialog::showOrder()
{
    m_lines->setRowCount(0);
    if (m_order.orderId == 0) {
        m_orderInfo->clear();
        return;
    }
    int returnable = 0;
    m_lines->setRowCount(int(m_order.lines.size()));
    for (int row = 0; row < m_order.lines.size(); ++row) {
        const models::ReturnableLine &l = m_order.lines.at(row);
        auto item = [&](int column, const QString &text, bool number) {
            auto *it = new QTableWidgetItem(text);
            if (number)
                it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_lines->setItem(row, column, it);
        };
        item(LineColumn, QString::number(l.lineNo), true);
        item(SkuColumn, l.sku, false);
        item(TitleColumn, l.title, false);
        item(ShippedColumn, QString::number(l.shipped), true);
        item(ReturnedColumn, QString::number(l.alreadyReturned), true);
        item(ReturnableColumn, QString::number(l.returnable), true);
        auto *spin = new QSpinBox(m_lines);
        spin->setObjectName(QStringLiteral("returnQuantity%1").arg(row));
        spin->setRange(0, std::max(l.returnable, 0));
        spin->setEnabled(l.returnable > 0);
        m_lines->setCellWidget(row, QuantityColumn, spin);
        returnable += l.returnable;
    }
    m_orderInfo->setText(returnable > 0 ? tr("%1 · %2 · %3 unit(s) can come back")
                                              .arg(m_order.orderNumber, m_order.customerName)
                                              .arg(returnable)
                                        : tr("%1 · %2 · nothing left to return (not shipped, or "
                                             "already returned)")
                                              .arg(m_order.orderNumber, m_order.customerName));
    if (returnable > 0 && m_order.lines.size() == 1)
        if (auto *spin = qobject_cast<QSpinBox *>(m_lines->cellWidget(0, QuantityColumn)))
            spin->setValue(spin->maximum());
}

void ReturnCreateDialog::accept()
{
    if (!m_source || m_order.orderId == 0) {
        m_error->setText(tr("Look up the order first: type its number and press Enter."));
        m_error->show();
        return;
    }
    models::NewReturn request;
    request.orderNumber = m_order.orderNumber;
    request.reason = models::returnReasonFromCode(m_reason->currentData().toString())
                         .value_or(models::ReturnReason::ChangedMind);
    request.customerNote = m_note->toPlainText().trimmed();
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        auto *spin = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, QuantityColumn));
        if (spin && spin->value() > 0)
            request.lines.append({m_order.lines.at(row).orderLineId, spin->value()});
    }
    models::Result<models::ReturnAuthorisation> created = m_source->createReturn(request);
    if (!created.ok()) {
        m_error->setText(created.error());
        m_error->show();
        return;
    }
    m_created = created.value();
    QDialog::accept();
}

} // namespace ui
