#pragma once

#include "models/orderqueuerow.h"

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
    // Search typing settles for this long before the queue is asked again.
    static constexpr int kSearchDelayMs = 200;

signals:
    void filterChanged(const models::OrderQueueFilter &filter);

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
    bool m_quiet = false; // while setFilter() fills the widgets
};

} // namespace ui
