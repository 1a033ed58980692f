#include "ui/stockadjustdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

StockAdjustDialog::StockAdjustDialog(models::StockOperations *operations,
                                     const models::StockLevelRow &row, QWidget *parent)
    : QDialog(parent), m_operations(operations), m_row(row), m_quantity(new QSpinBox(this)),
      m_reason(new QComboBox(this)), m_note(new QLineEdit(this)), m_preview(new QLabel(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("stockAdjustDialog"));
    setWindowTitle(tr("Adjust %1 at %2").arg(row.sku, row.locationCode));
    setMinimumWidth(480);

    auto *heading = new QLabel(tr("<b>%1</b> %2<br>at %3: %4 on hand, %5 reserved, %6 available")
                                   .arg(row.sku.toHtmlEscaped(), row.productName.toHtmlEscaped(),
                                        row.locationCode.toHtmlEscaped())
                                   .arg(row.onHand)
                                   .arg(row.reserved)
                                   .arg(row.available()),
                               this);
    heading->setTextFormat(Qt::RichText);

    m_quantity->setObjectName(QStringLiteral("adjustQuantity"));
    m_quantity->setRange(-1'000'000, 1'000'000);
    m_quantity->setValue(0);
    m_quantity->setToolTip(tr("Units to add (positive) or take away (negative)"));
    m_reason->setObjectName(QStringLiteral("adjustReason"));
    m_reason->addItem(tr("Choose a reason…"), QString());
    for (models::StockReason r : models::allStockReasons())
        if (models::isManualAdjustmentReason(r))
            m_reason->addItem(models::stockReasonLabel(r), models::stockReasonCode(r));
    m_note->setObjectName(QStringLiteral("adjustNote"));
    m_note->setPlaceholderText(tr("What happened (kept in the ledger)"));
    m_preview->setObjectName(QStringLiteral("adjustPreview"));
    m_error->setObjectName(QStringLiteral("adjustError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a40e26;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Quantity"), m_quantity);
    form->addRow(tr("&Reason"), m_reason);
    form->addRow(tr("&Note"), m_note);
    form->addRow(QString(), m_preview);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Record adjustment"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("adjustRecord"));
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, &StockAdjustDialog::record);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_quantity, &QSpinBox::valueChanged, this, &StockAdjustDialog::updatePreview);
    connect(m_reason, &QComboBox::currentIndexChanged, this, [this] {
        // Found adds, the losses take away: a typed amount takes the reason's sign.
        const auto reason = models::stockReasonFromCode(m_reason->currentData().toString());
        const int q = m_quantity->value();
        if (reason == models::StockReason::Found && q < 0)
            m_quantity->setValue(-q);
        else if (reason && reason != models::StockReason::Found &&
                 reason != models::StockReason::CountCorrection && q > 0)
            m_quantity->setValue(-q);
    });
    updatePreview();
    m_quantity->setFocus();
    m_quantity->selectAll();
}

QString StockAdjustDialog::error() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void StockAdjustDialog::updatePreview()
{
    const int after = m_row.onHand + m_quantity->value();
    m_preview->setText(
        tr("On hand after: %1 (available %2)").arg(after).arg(after - m_row.reserved));
}

void StockAdjustDialog::record()
{
    models::StockAdjustment a;
    a.productId = m_row.productId;
    a.locationId = m_row.locationId;
    a.quantity = m_quantity->value();
    a.reason = models::stockReasonFromCode(m_reason->currentData().toString());
    a.note = m_note->text();
    const models::Result<qint64> id = m_operations->adjust(a);
    if (!id.ok()) {
        m_error->setText(id.error());
        m_error->show();
        adjustSize(); // room for the message
        return;
    }
    m_message = tr("%1 at %2: %3 (%4), %5 on hand")
                    .arg(m_row.sku, m_row.locationCode)
                    .arg(a.quantity > 0 ? QStringLiteral("+%1").arg(a.quantity)
                                        : QString::number(a.quantity))
                    .arg(models::stockReasonLabel(*a.reason))
                    .arg(m_row.onHand + a.quantity);
    accept();
}

} // namespace ui
