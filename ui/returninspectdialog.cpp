#include "ui/returninspectdialog.h"

#include "models/kit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ui {

ReturnInspectDialog::ReturnInspectDialog(const models::ReturnLine &line,
                                         const QList<models::ReturnLocationChoice> &locations,
                                         std::optional<qint64> returnLocation, QWidget *parent)
    : QDialog(parent), m_lineId(line.id), m_condition(new QComboBox(this)),
      m_restock(new QRadioButton(tr("Restock"), this)),
      m_writeOff(new QRadioButton(tr("Write off"), this)), m_location(new QComboBox(this)),
      m_bin(new QLineEdit(this)), m_writeOffReason(new QLineEdit(this))
{
    setWindowTitle(tr("Inspect %1").arg(line.sku));
    setObjectName(QStringLiteral("returnInspectDialog"));
    m_condition->setObjectName(QStringLiteral("inspectCondition"));
    m_condition->addItem(tr("Resellable"), QStringLiteral("resellable"));
    m_condition->addItem(tr("Needs refurbishing"), QStringLiteral("refurbish"));
    m_condition->addItem(tr("Damaged"), QStringLiteral("damaged"));
    m_restock->setObjectName(QStringLiteral("inspectRestock"));
    m_writeOff->setObjectName(QStringLiteral("inspectWriteOff"));
    m_restock->setChecked(true);
    m_location->setObjectName(QStringLiteral("inspectLocation"));
    for (const models::ReturnLocationChoice &l : locations) {
        m_location->addItem(QStringLiteral("%1 — %2").arg(l.code, l.name), l.id);
        if (returnLocation && *returnLocation == l.id)
            m_location->setCurrentIndex(m_location->count() - 1);
    }
    m_bin->setObjectName(QStringLiteral("inspectBin"));
    m_bin->setPlaceholderText(tr("Bin (empty: the product's usual bin)"));
    m_writeOffReason->setObjectName(QStringLiteral("inspectWriteOffReason"));
    m_writeOffReason->setPlaceholderText(tr("Why: broken, missing parts, soiled…"));

    auto *form = new QFormLayout;
    QString item =
        QStringLiteral("%1 × %2 — %3").arg(line.quantityReceived).arg(line.sku, line.title);
    if (!line.parts.isEmpty()) // a kit: every part is restocked or written off with it
        item += QLatin1Char('\n') + tr("Parts, restocked or written off together: %1")
                                        .arg(models::KitRules::describe(models::KitRules::unitsFor(
                                            line.parts, line.quantityReceived)));
    auto *itemLabel = new QLabel(item, this);
    itemLabel->setObjectName(QStringLiteral("inspectItem"));
    form->addRow(tr("Item"), itemLabel);
    form->addRow(tr("Condition"), m_condition);
    form->addRow(QString(), m_restock);
    form->addRow(tr("Location"), m_location);
    form->addRow(tr("Bin"), m_bin);
    form->addRow(QString(), m_writeOff);
    form->addRow(tr("Reason"), m_writeOffReason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_condition, &QComboBox::currentIndexChanged, this, [this] {
        const bool damaged = m_condition->currentData().toString() == QLatin1String("damaged");
        (damaged ? m_writeOff : m_restock)->setChecked(true);
        if (damaged && m_writeOffReason->text().isEmpty())
            m_writeOffReason->setText(tr("Damaged"));
        updateEnabled();
    });
    connect(m_restock, &QRadioButton::toggled, this, &ReturnInspectDialog::updateEnabled);
    updateEnabled();
}

void ReturnInspectDialog::updateEnabled()
{
    const bool restock = m_restock->isChecked();
    m_bin->setEnabled(restock);
    m_writeOffReason->setEnabled(!restock);
}

models::LineInspection ReturnInspectDialog::inspection() const
{
    models::LineInspection in;
    in.returnLineId = m_lineId;
    in.condition = models::returnConditionFromCode(m_condition->currentData().toString())
                       .value_or(models::ReturnCondition::Resellable);
    in.restock = m_restock->isChecked();
    if (m_location->currentIndex() >= 0)
        in.locationId = m_location->currentData().toLongLong();
    in.binCode = m_bin->text().trimmed();
    in.writeOffReason = m_writeOffReason->text().trimmed();
    return in;
}

} // namespace ui
