#pragma once

#include <QComboBox>
#include <QList>
#include <QSignalBlocker>
#include <QString>

#include <functional>
#include <utility>

class QHBoxLayout;
class QLineEdit;
class QObject;
class QTimer;
class QToolButton;
class QWidget;

namespace ui {

// Pieces the filter bars above the lists share: how their search box, choice
// lists and Clear button look, their two rows, and how search typing settles.

void setUpFilterSearch(QLineEdit *search, const QString &name, const QString &hint);
// Sized for a typical name, not the longest one: the search box keeps the room.
void setUpFilterChoice(QComboBox *box, const QString &name, int minimumContentsLength);
void setUpFilterClear(QToolButton *clear, const QString &name, const QString &toolTip);

// Lays `bar` out in two rows (so a screen still fits a window about 1,000
// pixels wide) and returns them, top first, for the caller to fill.
std::pair<QHBoxLayout *, QHBoxLayout *> filterRows(QWidget *bar);

// Typing in `search` calls `apply` once it has settled for `delayMs`; clearing
// the box and Enter apply at once, and Enter then calls `entered` when given.
void connectFilterSearch(QObject *context, QLineEdit *search, QTimer *delay, int delayMs,
                         const std::function<void()> &apply,
                         const std::function<void()> &entered = {});

// Refills `box` with an "any" entry (id 0) followed by `choices` (label, id),
// quietly: the bar's filter has not changed by it.
template <typename Choice>
void fillFilterChoice(QComboBox *box, const QString &anyLabel, const QList<Choice> &choices)
{
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(anyLabel, qint64(0));
    for (const Choice &c : choices)
        box->addItem(c.label, c.id);
}

} // namespace ui
