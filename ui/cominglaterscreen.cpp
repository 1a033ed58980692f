#include "ui/cominglaterscreen.h"

#include "ui/screenheader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ui {

namespace {

// Long lines are hard to read on a wide window.
constexpr int kMaxTextWidth = 640;

} // namespace

ComingLaterScreen::ComingLaterScreen(const QString &title, const QString &description,
                                     QWidget *parent)
    : QWidget(parent)
{
    auto *header = new ScreenHeader(title, this);

    auto *descriptionLabel = new QLabel(description, this);
    descriptionLabel->setObjectName(QStringLiteral("screenDescription"));
    descriptionLabel->setWordWrap(true);
    descriptionLabel->setMaximumWidth(kMaxTextWidth);
    descriptionLabel->setStyleSheet(QStringLiteral("color: #1f2328;"));

    auto *notice = new QLabel(tr("Not available in this version of Backroom yet."), this);
    notice->setObjectName(QStringLiteral("notAvailableNotice"));
    notice->setWordWrap(true);
    notice->setMaximumWidth(kMaxTextWidth);
    notice->setStyleSheet(QStringLiteral("color: #57606a; background: #f6f8fa;"
                                         "border: 1px solid #d0d7de; border-radius: 6px;"
                                         "padding: 10px 14px;"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addWidget(descriptionLabel);
    layout->addWidget(notice);
    layout->addStretch(1);
}

} // namespace ui
