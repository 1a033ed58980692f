#pragma once

#include "models/orderdocument.h"
#include "models/picklist.h"
#include "printing/labeloutput.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QThreadPool>

#include <optional>

class QTimer;

namespace ui {

class PackBenchScreen;

// Prints the label (one per parcel) and, if wanted, the packing slip of every
// order the pack bench marks packed. The order is read and the ZPL or drawing made
// on the GUI thread (a few indexed queries); the send, which may wait for a
// network printer, runs on a thread of its own, one job after another, so the
// bench takes the next scan at once. A failure puts a red line on the bench that
// names the printer and the order; F5 sends again what failed (else what is held,
// else the last order's label); F9 opens the printer settings. The packed order
// stays packed whatever the printer does.
//
// Batch pick lists: an order found by its slot code ("PL-000012-03") has its label
// held until every earlier slot of the list is printed or no longer waits to be
// packed (models::slotsToRelease), so labels come out in slot order. Held labels
// are printed anyway when the packer packs an order of another list (or one not
// from a list), after holdTimeoutMs without a release, or on F5.
class LabelAutoPrinter : public QObject
{
    Q_OBJECT
public:
    // `bench` is watched and becomes the parent. `pickLists` may be null: then no
    // label is held. The sources must outlive the bench.
    LabelAutoPrinter(models::OrderDocumentSource *documents, models::PickListSource *pickLists,
                     PackBenchScreen *bench);
    ~LabelAutoPrinter() override; // waits for the job being sent

    // Starts from the settings this computer remembers; setSettings() does not save.
    const printing::LabelOutputSettings &settings() const { return m_settings; }
    void setSettings(const printing::LabelOutputSettings &settings);
    void setHoldTimeoutMs(int ms);

    void orderPacked(qint64 orderId, const QString &orderNumber, const QString &pickSlot);
    void reprint();
    void flushHeld();
    // The settings dialog over the bench; saves what the user accepts.
    void editSettings();

    // Order numbers whose labels wait for earlier slots.
    QStringList heldOrders() const;
    int jobsOnTheWay() const { return m_onTheWay; }

signals:
    void printed(qint64 orderId, const QString &orderNumber);
    void failed(qint64 orderId, const QString &message);

private:
    void dispatch(const printing::OrderPrintJob &job);
    void finished(const printing::OrderPrintJob &job, const models::Status &status);
    void releaseList(qint64 listId, bool all);
    void problem(const QString &message);
    void showDestination();

    models::OrderDocumentSource *m_documents;
    models::PickListSource *m_pickLists;
    PackBenchScreen *m_bench;
    printing::LabelOutputSettings m_settings;
    QThreadPool m_sender;
    QTimer *m_holdTimer;
    int m_onTheWay = 0;
    std::optional<printing::OrderPrintJob> m_last;
    QList<printing::OrderPrintJob> m_failed;
    QHash<qint64, QMap<int, printing::OrderPrintJob>> m_held; // list id -> slot -> job
};

} // namespace ui
