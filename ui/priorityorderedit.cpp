#include "ui/priorityorderedit.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

struct Rule
{
    const char *code;
    const char *words;
};

constexpr Rule kRules[] = {
    {"manual", QT_TRANSLATE_NOOP("PriorityOrderEdit", "Priority set by hand")},
    {"expedited", QT_TRANSLATE_NOOP("PriorityOrderEdit", "Paid for fast delivery")},
    {"ship_by", QT_TRANSLATE_NOOP("PriorityOrderEdit", "Earliest ship-by date")},
    {"vip_value", QT_TRANSLATE_NOOP("PriorityOrderEdit", "VIP customer or high-value order")},
    {"placed", QT_TRANSLATE_NOOP("PriorityOrderEdit", "Oldest order first")},
};

} // namespace

PriorityOrderEdit::PriorityOrderEdit(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_up(new QPushButton(tr("Move up"), this)),
      m_down(new QPushButton(tr("Move down"), this))
{
    m_list->setObjectName(QStringLiteral("priorityList"));
    m_list->setMinimumWidth(300);
    m_list->installEventFilter(this);
    m_up->setObjectName(QStringLiteral("priorityUp"));
    m_down->setObjectName(QStringLiteral("priorityDown"));
    m_up->setToolTip(tr("Alt+Up"));
    m_down->setToolTip(tr("Alt+Down"));

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    setFocusProxy(m_list);

    setCriteria({});
    // Exactly as tall as the five rules: nothing to scroll.
    m_list->setFixedHeight(m_list->sizeHintForRow(0) * m_list->count() + 2 * m_list->frameWidth() +
                           2);
    connect(m_up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_list, &QListWidget::itemChanged, this, &PriorityOrderEdit::changed);
}

QString PriorityOrderEdit::criteria() const
{
    QStringList codes;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            codes.append(m_list->item(i)->data(Qt::UserRole).toString());
    return codes.join(QLatin1Char(','));
}

void PriorityOrderEdit::setCriteria(const QString &criteria)
{
    QStringList order;
    for (const QString &word : criteria.split(QLatin1Char(','), Qt::SkipEmptyParts))
        order.append(word.trimmed().toLower());
    const QSignalBlocker block(m_list);
    m_list->clear();
    auto add = [this](const Rule &r, bool on) {
        auto *item = new QListWidgetItem(tr(r.words), m_list);
        item->setData(Qt::UserRole, QString::fromLatin1(r.code));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    };
    for (const QString &code : std::as_const(order))
        for (const Rule &r : kRules)
            if (code == QLatin1String(r.code))
                add(r, true);
    for (const Rule &r : kRules)
        if (!order.contains(QLatin1String(r.code)))
            add(r, false);
    m_list->setCurrentRow(0);
}

void PriorityOrderEdit::move(int by)
{
    const int row = m_list->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_list->count())
        return;
    {
        const QSignalBlocker block(m_list);
        QListWidgetItem *item = m_list->takeItem(row);
        m_list->insertItem(to, item);
        m_list->setCurrentRow(to);
    }
    emit changed();
}

bool PriorityOrderEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::AltModifier &&
            (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            move(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ui
