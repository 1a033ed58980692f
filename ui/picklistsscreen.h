#pragma once

#include "models/picklist.h"

#include <QList>
#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ui {

class ScreenHeader;

// Pick lists for one location: choose a wave of its ready orders (the next N by
// priority, one channel, priority and expedited orders, one carrier service, or the
// orders selected on the Orders screen) and create one batch list (a numbered slot
// per order) or single-order lists. The open lists are listed with their orders
// and lines in walking order; the current one can be printed or saved as PDF, a
// line marked short (the picker found fewer units in the bin), the list marked
// picked or cancelled (its orders go back to ready).
class PickListsScreen : public QWidget
{
    Q_OBJECT
public:
    // `source` may be null (no database): the screen then says so.
    explicit PickListsScreen(models::PickListSource *source, QWidget *parent = nullptr);

    // Reads locations, ready orders and open lists again, keeping the current list.
    void refresh();

    // The Orders screen's "Create pick list": a batch list of these orders (a
    // single-order list for one), at the location most of them are ready at.
    // Returns what happened, as the status line says it.
    QString createFromOrders(const QList<qint64> &orderIds);

    // The current list as a PDF file; false (and the status line says why) on failure.
    bool savePdf(const QString &path);

    QString actionMessage() const;
    // The ids of the orders the chosen wave would put on a list, in slot order.
    QList<qint64> waveOrderIds() const;
    std::optional<models::PickListDetail> currentList() const { return m_detail; }

signals:
    void listsChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildWaveRow();
    void loadLocation();
    void fillWaveValues();
    void updateWave();
    void loadLists(qint64 selectListId);
    void loadDetail();
    void showDetail();
    void updateButtons();
    void create(models::PickListKind kind);
    void createOrders(const QList<qint64> &ids, models::PickListKind kind);
    void markShort();
    void markPicked();
    void cancelList();
    void print();
    void chooseAndSavePdf();
    void setMessage(const QString &text, bool failed);
    qint64 currentLocationId() const;
    qint64 currentListId() const;

    models::PickListSource *m_source;
    ScreenHeader *m_header;
    QComboBox *m_location;
    QComboBox *m_wave;
    QComboBox *m_waveValue;
    QSpinBox *m_limit;
    QLabel *m_waveSummary;
    QPushButton *m_createBatch;
    QPushButton *m_createSingles;
    QTreeWidget *m_lists;
    QLabel *m_listTitle;
    QTreeWidget *m_orders;
    QTreeWidget *m_lines;
    QPushButton *m_print;
    QPushButton *m_savePdf;
    QPushButton *m_markShort;
    QPushButton *m_markPicked;
    QPushButton *m_cancelList;
    QLabel *m_status;

    QList<models::PickLocation> m_locations;
    models::ReadyOrders m_ready;
    QSet<qint64> m_selection; // from the Orders screen
    QList<models::PickListSummary> m_openLists;
    std::optional<models::PickListDetail> m_detail;
    bool m_loading = false;
};

} // namespace ui
