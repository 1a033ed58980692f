#pragma once

#include "models/orderqueuerow.h"
#include "models/orderview.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

namespace ui {

// The row of filters above the order queue: free-text search, statuses, channel,
// location, late, on hold and a placed-date range. It only gathers what the user
// chose into an OrderQueueFilter; the source decides what that means.
class OrderFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit OrderFilterBar(QWidget *parent = nullptr);

    // Fills the channel and location lists; the first entry of each is "any".
    void setChoices(const QList<models::OrderFilterChoice> &channels,
                    const QList<models::OrderFilterChoice> &locations);
    models::OrderQueueFilter filter() const;
    void setFilter(const models::OrderQueueFilter &filter);
    QLineEdit *searchEdit() const { return m_search; }

    // Fills the saved-view list: built-in views first, then the user's own.
    void setViews(const QList<models::OrderView> &views);
    // The view last chosen, while the filters still match it; empty otherwise.
    QString currentViewName() const;
    // Shows `name` as chosen without applying it (after saving); empty: none.
    void showView(const QString &name);
    // Without a place to keep views only the built-in ones are offered.
    void setViewsEditable(bool editable);
    QComboBox *viewBox() const { return m_view; }
    // Search typing settles for this long before the queue is asked again.
    static constexpr int kSearchDelayMs = 200;

signals:
    void filterChanged(const models::OrderQueueFilter &filter);
    // A saved view was picked from the list; the screen applies its filter and sort.
    void viewChosen(const models::OrderView &view);
    void saveViewRequested();
    void deleteViewRequested(const QString &name);

private:
    void emitChanged();
    void updateStatusButton();

    QLineEdit *m_search;
    QPushButton *m_statusButton;
    QMenu *m_statusMenu;
    QComboBox *m_channel;
    QComboBox *m_location;
    QCheckBox *m_late;
    QCheckBox *m_onHold;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QToolButton *m_clear;
    QTimer *m_searchDelay;
    QComboBox *m_view;
    QToolButton *m_saveView;
    QToolButton *m_deleteView;
    QList<models::OrderView> m_views;
    bool m_quiet = false; // while setFilter() fills the widgets
    bool m_applyingView = false;
};

} // namespace ui
