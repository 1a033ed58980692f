#include "ui/reasondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ReasonDialog::ReasonDialog(const QString &title, const QString &question,
                           const QString &actionLabel, const QStringList &commonReasons,
                           QWidget *parent)
    : QDialog(parent), m_reason(new QComboBox(this))
{
    setObjectName(QStringLiteral("reasonDialog"));
    setWindowTitle(title);
    auto *label = new QLabel(question, this);
    label->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems(commonReasons);
    m_reason->setCurrentIndex(-1);
    m_reason->lineEdit()->setPlaceholderText(tr("Reason"));
    m_reason->setMinimumWidth(320);
    label->setBuddy(m_reason);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(actionLabel, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("reasonAccept"));
    m_ok->setDefault(true);
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Keep as is"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QComboBox::editTextChanged, this,
            [this](const QString &text) { m_ok->setEnabled(!text.trimmed().isEmpty()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_reason);
    layout->addWidget(buttons);
    m_reason->setFocus();
}

QString ReasonDialog::reason() const
{
    return m_reason->currentText().trimmed();
}

} // namespace ui
