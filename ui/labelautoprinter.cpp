#include "ui/labelautoprinter.h"

#include "models/labelrelease.h"
#include "models/picklistcode.h"
#include "ui/labeloutputdialog.h"
#include "ui/packbenchscreen.h"

#include <QDate>
#include <QLineEdit>
#include <QTimer>

namespace ui {

namespace {

constexpr int kDefaultHoldMs = 60'000;

QString slotList(const QList<int> &numbers)
{
    QStringList out;
    for (int s : numbers)
        out << QString::number(s);
    return out.join(QStringLiteral(", "));
}

} // namespace

LabelAutoPrinter::LabelAutoPrinter(models::OrderDocumentSource *documents,
                                   models::PickListSource *pickLists, PackBenchScreen *bench)
    : QObject(bench), m_documents(documents), m_pickLists(pickLists), m_bench(bench),
      m_settings(loadLabelOutputSettings()), m_holdTimer(new QTimer(this))
{
    m_sender.setMaxThreadCount(1); // one job after another: labels keep their order
    m_sender.setExpiryTimeout(-1);
    m_holdTimer->setSingleShot(true);
    m_holdTimer->setInterval(kDefaultHoldMs);
    connect(m_holdTimer, &QTimer::timeout, this, &LabelAutoPrinter::flushHeld);
    connect(bench, &PackBenchScreen::orderPacked, this, [this](qint64 id, const QString &number) {
        const models::PackSession &s = m_bench->session();
        orderPacked(id, number,
                    s.hasOrder() && s.order().id == id ? s.order().pickSlot : QString());
    });
    connect(bench, &PackBenchScreen::reprintRequested, this, &LabelAutoPrinter::reprint);
    connect(bench, &PackBenchScreen::printerSettingsRequested, this,
            &LabelAutoPrinter::editSettings);
    showDestination();
}

LabelAutoPrinter::~LabelAutoPrinter()
{
    m_sender.waitForDone();
}

void LabelAutoPrinter::setSettings(const printing::LabelOutputSettings &settings)
{
    m_settings = settings;
    showDestination();
}

void LabelAutoPrinter::showDestination()
{
    const QString problem = m_settings.problem();
    m_bench->setPrintStatus(
        problem.isEmpty() ? tr("Labels go to %1").arg(m_settings.labelDestination())
                          : tr("Labels are not printed: %1. F9: choose the printer").arg(problem),
        false);
}

void LabelAutoPrinter::setHoldTimeoutMs(int ms)
{
    m_holdTimer->setInterval(ms);
}

QStringList LabelAutoPrinter::heldOrders() const
{
    QStringList out;
    for (const QMap<int, printing::OrderPrintJob> &list : m_held)
        for (const printing::OrderPrintJob &job : list)
            out << job.orderNumber;
    return out;
}

void LabelAutoPrinter::problem(const QString &message)
{
    m_bench->setPrintStatus(message, true);
}

void LabelAutoPrinter::orderPacked(qint64 orderId, const QString &orderNumber,
                                   const QString &pickSlot)
{
    models::Result<models::OrderDocumentData> order = m_documents->orderDocument(orderId);
    if (!order) {
        problem(tr("Label for %1 not printed: %2").arg(orderNumber, order.error()));
        emit failed(orderId, order.error());
        return;
    }
    models::Result<printing::OrderPrintJob> job =
        printing::printJobForOrder(order.value(), m_settings.packingSlip, QDate::currentDate());
    if (!job) {
        problem(tr("Label for %1 not printed: %2").arg(orderNumber, job.error()));
        emit failed(orderId, job.error());
        return;
    }
    m_last = job.value();

    const std::optional<models::SlotBarcode> slot = models::parseSlotBarcode(pickSlot);
    // The packer moved on from other lists: what they held comes out now.
    const QList<qint64> lists = m_held.keys();
    for (qint64 listId : lists)
        if (!slot || listId != slot->listId)
            releaseList(listId, true);
    if (!slot || !m_pickLists) {
        dispatch(job.value());
        return;
    }
    m_held[slot->listId].insert(slot->slot, job.value());
    releaseList(slot->listId, false);
}

void LabelAutoPrinter::releaseList(qint64 listId, bool all)
{
    QMap<int, printing::OrderPrintJob> &held = m_held[listId];
    QList<int> release = held.keys();
    QList<int> waitedFor;
    if (!all) {
        models::Result<models::PickListDetail> list = m_pickLists->list(listId);
        if (list) {
            const QList<int> keys = held.keys();
            const QSet<int> heldSlots(keys.begin(), keys.end());
            release = models::slotsToRelease(list->orders, heldSlots);
            if (release.size() < held.size()) {
                int firstHeld = 0;
                for (int s : keys)
                    if (!release.contains(s)) {
                        firstHeld = s;
                        break;
                    }
                waitedFor = models::slotsWaitedFor(list->orders, heldSlots, firstHeld);
            }
        }
    }
    for (int s : std::as_const(release))
        dispatch(held.take(s));
    if (held.isEmpty()) {
        m_held.remove(listId);
        if (m_held.isEmpty())
            m_holdTimer->stop();
        return;
    }
    QStringList numbers;
    for (const printing::OrderPrintJob &job : std::as_const(held))
        numbers << job.orderNumber;
    m_bench->setPrintStatus(tr("Label for %1 held until slot %2 of %3 is packed, to keep "
                               "the list's order (F5 prints it now)")
                                .arg(numbers.join(QStringLiteral(", ")), slotList(waitedFor),
                                     models::pickListCode(listId)),
                            false);
    m_holdTimer->start();
}

void LabelAutoPrinter::flushHeld()
{
    const QList<qint64> lists = m_held.keys();
    for (qint64 listId : lists)
        releaseList(listId, true);
}

void LabelAutoPrinter::dispatch(const printing::OrderPrintJob &job)
{
    ++m_onTheWay;
    const printing::LabelOutputSettings settings = m_settings;
    m_sender.start([this, job, settings] {
        const models::Status status = printing::sendOrderPrintJob(job, settings);
        QMetaObject::invokeMethod(
            this, [this, job, status] { finished(job, status); }, Qt::QueuedConnection);
    });
}

void LabelAutoPrinter::finished(const printing::OrderPrintJob &job, const models::Status &status)
{
    --m_onTheWay;
    m_failed.removeIf([&](const printing::OrderPrintJob &f) { return f.orderId == job.orderId; });
    if (!status) {
        m_failed << job;
        problem(tr("%1. F5: print again · F9: printer")
                    .arg(status.error().left(1).toUpper() + status.error().mid(1)));
        emit failed(job.orderId, status.error());
        return;
    }
    if (m_failed.isEmpty())
        m_bench->setPrintStatus(
            tr("Label for %1 sent to %2").arg(job.orderNumber, m_settings.labelDestination()),
            false);
    emit printed(job.orderId, job.orderNumber);
}

void LabelAutoPrinter::reprint()
{
    if (!m_failed.isEmpty()) {
        const QList<printing::OrderPrintJob> again = std::exchange(m_failed, {});
        m_bench->setPrintStatus(tr("Printing again…"), false);
        for (const printing::OrderPrintJob &job : again)
            dispatch(job);
        return;
    }
    if (!m_held.isEmpty()) {
        flushHeld();
        return;
    }
    if (m_last) {
        m_bench->setPrintStatus(tr("Printing the label for %1 again…").arg(m_last->orderNumber),
                                false);
        dispatch(*m_last);
        return;
    }
    m_bench->setPrintStatus(tr("Nothing to reprint yet: no order has been packed here"), false);
}

void LabelAutoPrinter::editSettings()
{
    LabelOutputDialog dialog(m_settings, m_bench);
    if (dialog.exec() == QDialog::Accepted) {
        saveLabelOutputSettings(dialog.settings());
        setSettings(dialog.settings());
    }
    m_bench->scanField()->setFocus();
}

} // namespace ui
