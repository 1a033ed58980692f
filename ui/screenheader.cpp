#include "ui/screenheader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ui {

ScreenHeader::ScreenHeader(const QString &title, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_summary(new QLabel(this)),
      m_error(new QLabel(this))
{
    m_title->setObjectName(QStringLiteral("screenTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    m_summary->setObjectName(QStringLiteral("screenSummary"));
    m_summary->setStyleSheet(QStringLiteral("color: #57606a;"));

    m_error->setObjectName(QStringLiteral("screenError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse); // so it can be copied
    m_error->setStyleSheet(QStringLiteral("color: #a40e26; background: #fff1f0;"
                                          "border: 1px solid #f5c2c0; border-radius: 4px;"
                                          "padding: 6px 10px;"));
    m_error->hide();

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(12);
    titleRow->addWidget(m_title, 0, Qt::AlignBaseline);
    titleRow->addWidget(m_summary, 0, Qt::AlignBaseline);
    titleRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(titleRow);
    layout->addWidget(m_error);
}

void ScreenHeader::setSummary(const QString &text)
{
    m_summary->setText(text);
}

void ScreenHeader::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString ScreenHeader::title() const
{
    return m_title->text();
}

QString ScreenHeader::summary() const
{
    return m_summary->text();
}

QString ScreenHeader::error() const
{
    return m_error->text();
}

} // namespace ui
