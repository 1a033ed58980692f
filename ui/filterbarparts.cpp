#include "ui/filterbarparts.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

void setUpFilterSearch(QLineEdit *search, const QString &name, const QString &hint)
{
    search->setObjectName(name);
    search->setPlaceholderText(hint);
    search->setClearButtonEnabled(true);
    search->setMinimumWidth(220);
}

void setUpFilterChoice(QComboBox *box, const QString &name, int minimumContentsLength)
{
    box->setObjectName(name);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(minimumContentsLength);
}

void setUpFilterClear(QToolButton *clear, const QString &name, const QString &toolTip)
{
    clear->setObjectName(name);
    clear->setText(QObject::tr("Clear"));
    clear->setToolTip(toolTip);
}

std::pair<QHBoxLayout *, QHBoxLayout *> filterRows(QWidget *bar)
{
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *first = new QHBoxLayout;
    first->setSpacing(8);
    layout->addLayout(first);
    auto *second = new QHBoxLayout;
    second->setSpacing(8);
    layout->addLayout(second);
    return {first, second};
}

void connectFilterSearch(QObject *context, QLineEdit *search, QTimer *delay, int delayMs,
                         const std::function<void()> &apply, const std::function<void()> &entered)
{
    delay->setSingleShot(true);
    delay->setInterval(delayMs);
    QObject::connect(delay, &QTimer::timeout, context, apply);
    QObject::connect(search, &QLineEdit::textEdited, delay, qOverload<>(&QTimer::start));
    QObject::connect(search, &QLineEdit::textChanged, context, [delay, apply](const QString &text) {
        if (text.isEmpty()) {
            delay->stop();
            apply();
        }
    });
    QObject::connect(search, &QLineEdit::returnPressed, context, [delay, apply, entered] {
        delay->stop();
        apply();
        if (entered)
            entered();
    });
}

} // namespace ui
