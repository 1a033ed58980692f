#include "ui/orderfilterbar.h"

#include "ui/filterbarparts.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

namespace ui {

namespace {

// A date edit at this date shows "Any": no bound on that side.
const QDate kNoDate(2000, 1, 1);

QDateEdit *dateEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(QObject::tr("Any"));
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setDate(kNoDate);
    return edit;
}

} // namespace

OrderFilterBar::OrderFilterBar(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_statusButton(new QPushButton(this)),
      m_statusMenu(new QMenu(this)), m_channel(new QComboBox(this)),
      m_location(new QComboBox(this)), m_late(new QCheckBox(tr("&Late"), this)),
      m_onHold(new QCheckBox(tr("On &hold"), this)),
      m_from(dateEdit(QStringLiteral("placedFrom"), this)),
      m_to(dateEdit(QStringLiteral("placedTo"), this)), m_clear(new QToolButton(this)),
      m_searchDelay(new QTimer(this)), m_view(new QComboBox(this)),
      m_saveView(new QToolButton(this)), m_deleteView(new QToolButton(this))
{
    setObjectName(QStringLiteral("orderFilterBar"));
    setUpFilterSearch(m_search, QStringLiteral("orderSearch"),
                      tr("Search number, customer, e-mail, SKU, tracking (Ctrl+F)"));

    m_statusButton->setObjectName(QStringLiteral("statusFilter"));
    m_statusButton->setMenu(m_statusMenu);
    for (models::OrderStatus s : models::allOrderStatuses()) {
        QAction *a = m_statusMenu->addAction(models::orderStatusLabel(s));
        a->setCheckable(true);
        a->setData(static_cast<int>(s));
        connect(a, &QAction::toggled, this, [this] {
            updateStatusButton();
            emitChanged();
        });
    }
    updateStatusButton();

    setUpFilterChoice(m_channel, QStringLiteral("channelFilter"), 12);
    setUpFilterChoice(m_location, QStringLiteral("locationFilter"), 12);
    m_late->setObjectName(QStringLiteral("lateFilter"));
    m_late->setToolTip(tr("Not shipped and past the ship-by date"));
    m_onHold->setObjectName(QStringLiteral("onHoldFilter"));
    setChoices({}, {});

    setUpFilterClear(m_clear, QStringLiteral("clearFilters"), tr("Show every order"));

    m_view->setObjectName(QStringLiteral("viewChoice"));
    m_view->setToolTip(tr("Saved views: filters, search and sort under a name"));
    m_view->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_view->setMinimumContentsLength(14);
    m_saveView->setObjectName(QStringLiteral("saveView"));
    m_saveView->setText(tr("Save view…"));
    m_saveView->setToolTip(tr("Keep these filters, search and sort under a name"));
    m_deleteView->setObjectName(QStringLiteral("deleteView"));
    m_deleteView->setText(tr("Delete view"));
    m_deleteView->setToolTip(tr("Delete the chosen saved view"));
    setViews({});
    setViewsEditable(false);

    const auto [first, second] = filterRows(this);
    first->addWidget(m_search, 1);
    first->addWidget(m_statusButton);
    first->addWidget(m_channel);
    first->addWidget(m_location);
    second->addWidget(m_view);
    second->addWidget(m_saveView);
    second->addWidget(m_deleteView);
    second->addSpacing(12);
    second->addWidget(m_late);
    second->addWidget(m_onHold);
    second->addSpacing(12);
    second->addWidget(new QLabel(tr("Placed"), this));
    second->addWidget(m_from);
    second->addWidget(new QLabel(QStringLiteral("–"), this));
    second->addWidget(m_to);
    second->addWidget(m_clear);
    second->addStretch(1);

    const auto changed = [this] { emitChanged(); };
    connectFilterSearch(this, m_search, m_searchDelay, kSearchDelayMs, changed);
    connect(m_channel, &QComboBox::currentIndexChanged, this, changed);
    connect(m_location, &QComboBox::currentIndexChanged, this, changed);
    connect(m_late, &QCheckBox::toggled, this, changed);
    connect(m_onHold, &QCheckBox::toggled, this, changed);
    connect(m_from, &QDateEdit::dateChanged, this, changed);
    connect(m_to, &QDateEdit::dateChanged, this, changed);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        showView({});
        setFilter({});
    });
    connect(m_view, &QComboBox::activated, this, [this](int index) {
        const int i = m_view->itemData(index).toInt();
        m_deleteView->setEnabled(i >= 0 && !m_views.at(i).builtIn);
        if (i >= 0)
            emit viewChosen(m_views.at(i));
    });
    connect(m_saveView, &QToolButton::clicked, this, &OrderFilterBar::saveViewRequested);
    connect(m_deleteView, &QToolButton::clicked, this, [this] {
        if (const QString name = currentViewName(); !name.isEmpty())
            emit deleteViewRequested(name);
    });
}

void OrderFilterBar::setViews(const QList<models::OrderView> &views)
{
    const QString current = currentViewName();
    m_views = models::builtInOrderViews() + views;
    const QSignalBlocker blocker(m_view);
    m_view->clear();
    m_view->addItem(tr("Views"), -1);
    for (int i = 0; i < m_views.size(); ++i) {
        if (i == models::builtInOrderViews().size())
            m_view->insertSeparator(m_view->count());
        m_view->addItem(m_views.at(i).name, i);
    }
    showView(current);
}

void OrderFilterBar::setViewsEditable(bool editable)
{
    m_saveView->setVisible(editable);
    m_deleteView->setVisible(editable);
}

QString OrderFilterBar::currentViewName() const
{
    const int i = m_view->currentData().toInt();
    return i >= 0 && i < m_views.size() ? m_views.at(i).name : QString();
}

void OrderFilterBar::showView(const QString &name)
{
    const QSignalBlocker blocker(m_view);
    int index = 0;
    for (int i = 0; i < m_views.size(); ++i)
        if (m_views.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            index = m_view->findData(i);
    m_view->setCurrentIndex(std::max(0, index));
    const int i = m_view->currentData().toInt();
    m_deleteView->setEnabled(i >= 0 && !m_views.at(i).builtIn);
}

void OrderFilterBar::setChoices(const QList<models::OrderFilterChoice> &channels,
                                const QList<models::OrderFilterChoice> &locations)
{
    fillFilterChoice(m_channel, tr("All channels"), channels);
    fillFilterChoice(m_location, tr("All locations"), locations);
}

models::OrderQueueFilter OrderFilterBar::filter() const
{
    models::OrderQueueFilter f;
    for (QAction *a : m_statusMenu->actions())
        if (a->isChecked())
            f.statuses.append(static_cast<models::OrderStatus>(a->data().toInt()));
    f.channelId = m_channel->currentData().toLongLong();
    f.locationId = m_location->currentData().toLongLong();
    f.lateOnly = m_late->isChecked();
    f.onHoldOnly = m_onHold->isChecked();
    // Dates are the user's local days: from the start of the first to the end of the last.
    if (m_from->date() != kNoDate)
        f.placedFromUtc = m_from->date().startOfDay().toUTC();
    if (m_to->date() != kNoDate)
        f.placedToUtc = m_to->date().addDays(1).startOfDay().toUTC();
    f.search = m_search->text().trimmed();
    return f;
}

void OrderFilterBar::setFilter(const models::OrderQueueFilter &f)
{
    m_quiet = true;
    for (QAction *a : m_statusMenu->actions())
        a->setChecked(f.statuses.contains(static_cast<models::OrderStatus>(a->data().toInt())));
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(f.channelId)));
    m_location->setCurrentIndex(std::max(0, m_location->findData(f.locationId)));
    m_late->setChecked(f.lateOnly);
    m_onHold->setChecked(f.onHoldOnly);
    m_from->setDate(f.placedFromUtc.isValid() ? f.placedFromUtc.toLocalTime().date() : kNoDate);
    m_to->setDate(f.placedToUtc.isValid() ? f.placedToUtc.toLocalTime().date().addDays(-1)
                                          : kNoDate);
    m_search->setText(f.search);
    m_quiet = false;
    m_applyingView = true;
    emitChanged();
    m_applyingView = false;
}

void OrderFilterBar::emitChanged()
{
    if (m_quiet)
        return;
    // Changed by hand: the list no longer names what is shown. A view being applied
    // goes through setFilter(), which keeps its name.
    if (!m_applyingView)
        showView({});
    emit filterChanged(filter());
}

void OrderFilterBar::updateStatusButton()
{
    QStringList chosen;
    for (QAction *a : m_statusMenu->actions())
        if (a->isChecked())
            chosen << a->text();
    m_statusButton->setText(chosen.isEmpty()     ? tr("All statuses")
                            : chosen.size() == 1 ? chosen.constFirst()
                                                 : tr("%n statuses", nullptr, int(chosen.size())));
    m_statusButton->setToolTip(chosen.isEmpty() ? tr("Show orders in these statuses")
                                                : chosen.join(QStringLiteral(", ")));
}

} // namespace ui
