#include "ui/reroutedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

RerouteDialog::RerouteDialog(const QString &question,
                             const QList<models::OrderFilterChoice> &locations, QWidget *parent)
    : QDialog(parent), m_location(new QComboBox(this)), m_reason(new QComboBox(this))
{
    setObjectName(QStringLiteral("rerouteDialog"));
    setWindowTitle(tr("Reroute orders"));
    auto *label = new QLabel(question, this);
    label->setWordWrap(true);
    m_location->setObjectName(QStringLiteral("rerouteLocation"));
    for (const models::OrderFilterChoice &l : locations)
        m_location->addItem(l.label, l.id);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems({tr("Closer to the customer"), tr("Stock is at the other location"),
                        tr("Location is closed"), tr("Customer collects there")});
    m_reason->setCurrentIndex(-1);
    m_reason->lineEdit()->setPlaceholderText(tr("Reason"));
    m_reason->setMinimumWidth(320);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Reroute"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("rerouteAccept"));
    m_ok->setDefault(true);
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Keep as is"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] {
        m_ok->setEnabled(m_location->currentIndex() >= 0 &&
                         !m_reason->currentText().trimmed().isEmpty());
    };
    connect(m_reason, &QComboBox::editTextChanged, this, update);
    connect(m_location, &QComboBox::currentIndexChanged, this, update);

    auto *form = new QFormLayout;
    form->addRow(tr("&To"), m_location);
    form->addRow(tr("&Reason"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_location->setFocus();
}

qint64 RerouteDialog::locationId() const
{
    return m_location->currentData().toLongLong();
}

QString RerouteDialog::locationName() const
{
    return m_location->currentText();
}

QString RerouteDialog::reason() const
{
    return m_reason->currentText().trimmed();
}

} // namespace ui
