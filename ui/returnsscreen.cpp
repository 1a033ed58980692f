#include "ui/returnsscreen.h"

#include "models/orderdocument.h"
#include "printing/documentrender.h"
#include "printing/rmaslip.h"
#include "ui/countformat.h"
#include "ui/documentprinter.h"
#include "ui/returncreatedialog.h"
#include "ui/returninspectdialog.h"
#include "ui/screenheader.h"

#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

using models::ReturnStatus;

namespace {

enum LineColumn
{
    LineSku,
    LineItem,
    LineAuthorised,
    LineArrived,
    LineCondition,
    LineOutcome,
    LineColumns
};

QTableWidget *makeTable(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

void setCell(QTableWidget *t, int row, int column, const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    t->setItem(row, column, item);
}

QString dayText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString rmaText(const models::ReturnListRow &r)
{
    return r.rmaNumber.isEmpty() ? QObject::tr("request %1").arg(r.id) : r.rmaNumber;
}

QString reasonText(const QString &code)
{
    const std::optional<models::ReturnReason> r = models::returnReasonFromCode(code);
    return r ? models::returnReasonLabel(*r) : code;
}

const QStringList kListHeaders{QObject::tr("RMA"),       QObject::tr("Status"),
                               QObject::tr("Order"),     QObject::tr("Customer"),
                               QObject::tr("Reason"),    QObject::tr("Units"),
                               QObject::tr("Location"),  QObject::tr("Refund"),
                               QObject::tr("Requested"), QObject::tr("Days")};

// The rows of a returns list; `days` counts from `since` (received, requested) to now.
void fillReturns(QTableWidget *t, const QList<models::ReturnListRow> &rows, bool fromReceipt)
{
    t->setSortingEnabled(false);
    t->setRowCount(int(rows.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < rows.size(); ++i) {
        const models::ReturnListRow &r = rows.at(i);
        setCell(t, i, 0, rmaText(r));
        t->item(i, 0)->setData(Qt::UserRole, r.id);
        setCell(t, i, 1, models::returnStatusLabel(r.status));
        setCell(t, i, 2, r.orderNumber);
        setCell(t, i, 3, r.customerName);
        setCell(t, i, 4, reasonText(r.reason));
        setCell(t, i, 5, QStringLiteral("%1/%2").arg(r.unitsReceived).arg(r.units), true);
        setCell(t, i, 6, r.locationCode);
        setCell(t, i, 7, r.refund.isZero() ? QString() : r.refund.toDisplayString(), true);
        setCell(t, i, 8, dayText(r.requestedAtUtc));
        const QDateTime since = fromReceipt ? r.receivedAtUtc : r.requestedAtUtc;
        setCell(t, i, 9, since.isValid() ? QString::number(since.daysTo(now)) : QString(), true);
    }
    t->resizeColumnsToContents();
}

} // namespace

ReturnsScreen::ReturnsScreen(models::ReturnsSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_header(new ScreenHeader(tr("Returns"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    if (!m_source) {
        auto *none = new QLabel(tr("No database is open: returns appear here once one is."), this);
        none->setObjectName(QStringLiteral("returnsNoDatabase"));
        none->setWordWrap(true);
        layout->addWidget(none);
        layout->addStretch(1);
        m_header->setError(tr("No returns: no database is open."));
        return;
    }
    m_printer = new DocumentPrinter(QStringLiteral("rma-slip"), this);

    auto *bar = new QHBoxLayout;
    m_scan = new QLineEdit(this);
    m_scan->setObjectName(QStringLiteral("returnsScan"));
    m_scan->setPlaceholderText(tr("Scan an RMA slip or type an order number, then Enter"));
    m_scan->setClearButtonEnabled(true);
    auto *newButton = new QPushButton(tr("New return…"), this);
    newButton->setObjectName(QStringLiteral("returnsNew"));
    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("returnsStatusFilter"));
    m_statusFilter->addItem(tr("Every status"), QString());
    for (ReturnStatus s : models::allReturnStatuses())
        m_statusFilter->addItem(models::returnStatusLabel(s), models::returnStatusCode(s));
    bar->addWidget(new QLabel(tr("Receive:"), this));
    bar->addWidget(m_scan, 2);
    bar->addWidget(newButton);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Status:"), this));
    bar->addWidget(m_statusFilter);
    layout->addLayout(bar);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("returnsMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(QStringLiteral("returnsViews"));
    m_list = makeTable(QStringLiteral("returnsList"), kListHeaders, m_tabs);
    m_tabs->addTab(m_list, tr("All returns"));

    auto *waitingPage = new QWidget(m_tabs);
    auto *waitingLayout = new QVBoxLayout(waitingPage);
    auto *daysRow = new QHBoxLayout;
    m_waitingDays = new QSpinBox(waitingPage);
    m_waitingDays->setObjectName(QStringLiteral("returnsWaitingDays"));
    m_waitingDays->setRange(0, 365);
    m_waitingDays->setValue(m_source->inspectionDays());
    m_waitingDays->setSuffix(tr(" days"));
    daysRow->addWidget(new QLabel(tr("Received and not inspected for more than"), waitingPage));
    daysRow->addWidget(m_waitingDays);
    daysRow->addStretch(1);
    waitingLayout->addLayout(daysRow);
    m_waiting = makeTable(QStringLiteral("returnsWaiting"), kListHeaders, waitingPage);
    waitingLayout->addWidget(m_waiting);
    m_tabs->addTab(waitingPage, tr("Waiting for inspection"));

    m_owed = makeTable(QStringLiteral("returnsRefundsOwed"), kListHeaders, m_tabs);
    m_tabs->addTab(m_owed, tr("Refunds owed"));
    m_rates =
        makeTable(QStringLiteral("returnsRates"),
                  {tr("SKU"), tr("Reason"), tr("Returned"), tr("Shipped"), tr("Rate")}, m_tabs);
    m_tabs->addTab(m_rates, tr("Return rate"));
    auto *timesPage = new QWidget(m_tabs);
    auto *timesLayout = new QVBoxLayout(timesPage);
    m_timesSummary = new QLabel(timesPage);
    m_timesSummary->setObjectName(QStringLiteral("returnsTimesSummary"));
    m_timesSummary->setWordWrap(true);
    timesLayout->addWidget(m_timesSummary);
    m_times = makeTable(QStringLiteral("returnsProcessing"), kListHeaders, timesPage);
    timesLayout->addWidget(m_times);
    m_tabs->addTab(timesPage, tr("Processing time"));

    auto *panel = new QWidget(split);
    panel->setObjectName(QStringLiteral("returnDetail"));
    buildDetail(panel);
    split->addWidget(m_tabs);
    split->addWidget(panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({820, 520}); // the list wide enough for its columns
    layout->addWidget(split, 1);

    setFocusProxy(m_scan);
    connect(m_scan, &QLineEdit::returnPressed, this, &ReturnsScreen::onScan);
    connect(newButton, &QPushButton::clicked, this, &ReturnsScreen::newReturn);
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &ReturnsScreen::reloadList);
    connect(m_waitingDays, &QSpinBox::valueChanged, this, &ReturnsScreen::reloadViews);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_rates && m_ratesStale)
            reloadRates();
    });
    for (QTableWidget *t : {m_list, m_waiting, m_owed, m_times})
        connect(t, &QTableWidget::itemSelectionChanged, this, [this, t] {
            const QList<QTableWidgetItem *> items = t->selectedItems();
            if (items.isEmpty())
                return;
            QTableWidgetItem *first = t->item(items.first()->row(), 0);
            if (first)
                showDetail(first->data(Qt::UserRole).toLongLong());
        });
    refresh();
}

void ReturnsScreen::buildDetail(QWidget *panel)
{
    auto *layout = new QVBoxLayout(panel);
    m_title = new QLabel(tr("Select a return, or scan one in"), panel);
    m_title->setObjectName(QStringLiteral("returnTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_facts = new QLabel(panel);
    m_facts->setObjectName(QStringLiteral("returnFacts"));
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lines = makeTable(
        QStringLiteral("returnLines"),
        {tr("SKU"), tr("Item"), tr("Authorised"), tr("Arrived"), tr("Condition"), tr("Outcome")},
        panel);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addWidget(m_lines, 1);

    auto button = [panel](const QString &text, const char *name) {
        auto *b = new QPushButton(text, panel);
        b->setObjectName(QString::fromLatin1(name));
        return b;
    };
    m_authorise = button(tr("Authorise"), "returnAuthorise");
    m_receive = button(tr("Receive"), "returnReceive");
    m_receive->setAutoDefault(true); // Enter on the focused button books the parcel in
    m_inspect = button(tr("Inspect line…"), "returnInspect");
    m_approve = button(tr("Approve refund…"), "returnApproveRefund");
    m_refund = button(tr("Record refund…"), "returnRecordRefund");
    m_close = button(tr("Close"), "returnClose");
    m_exchange = button(tr("Send exchange"), "returnExchange");
    m_reject = button(tr("Reject…"), "returnReject");
    m_cancel = button(tr("Cancel return…"), "returnCancel");
    m_location = button(tr("Change location…"), "returnChangeLocation");
    m_print = button(tr("Print RMA slip…"), "returnPrintSlip");
    m_pdf = button(tr("Save PDF…"), "returnSavePdf");
    // Three to a row, in the order a return goes through them, so the panel stays
    // narrow enough for a small laptop screen.
    auto *buttons = new QGridLayout;
    const QList<QPushButton *> all{m_authorise, m_receive, m_inspect, m_approve,  m_refund, m_close,
                                   m_exchange,  m_reject,  m_cancel,  m_location, m_print,  m_pdf};
    for (int i = 0; i < all.size(); ++i)
        buttons->addWidget(all.at(i), i / 3, i % 3);
    layout->addLayout(buttons);
    connect(m_authorise, &QPushButton::clicked, this, &ReturnsScreen::authorise);
    connect(m_receive, &QPushButton::clicked, this, &ReturnsScreen::receive);
    connect(m_inspect, &QPushButton::clicked, this, &ReturnsScreen::inspectLine);
    connect(m_approve, &QPushButton::clicked, this, &ReturnsScreen::approveRefund);
    connect(m_refund, &QPushButton::clicked, this, &ReturnsScreen::recordRefund);
    connect(m_close, &QPushButton::clicked, this, &ReturnsScreen::closeReturn);
    connect(m_exchange, &QPushButton::clicked, this, &ReturnsScreen::exchange);
    connect(m_reject, &QPushButton::clicked, this, &ReturnsScreen::rejectReturn);
    connect(m_cancel, &QPushButton::clicked, this, &ReturnsScreen::cancelReturn);
    connect(m_location, &QPushButton::clicked, this, &ReturnsScreen::changeLocation);
    connect(m_print, &QPushButton::clicked, this, &ReturnsScreen::printSlip);
    connect(m_pdf, &QPushButton::clicked, this, &ReturnsScreen::savePdf);
    updateButtons();
}

void ReturnsScreen::refresh()
{
    if (!m_source)
        return;
    reloadList();
    reloadViews();
    if (m_currentId)
        showDetail(m_currentId);
}

void ReturnsScreen::reloadList()
{
    models::ReturnListFilter filter;
    filter.status = models::returnStatusFromCode(m_statusFilter->currentData().toString());
    models::Result<QList<models::ReturnListRow>> rows = m_source->listReturns(filter);
    if (!rows.ok()) {
        m_header->setError(rows.error());
        return;
    }
    m_header->setError(QString());
    const QSignalBlocker block(m_list);
    fillReturns(m_list, rows.value(), false);
    m_header->setSummary(rows->size() >= filter.limit
                             ? tr("latest %1 returns").arg(formatCount(rows->size()))
                             : tr("%1 returns").arg(formatCount(rows->size())));
}

void ReturnsScreen::reloadViews()
{
    QStringList problems;
    if (auto rows = m_source->waitingForInspection(m_waitingDays->value()); rows.ok()) {
        const QSignalBlocker block(m_waiting);
        fillReturns(m_waiting, rows.value(), true);
        m_tabs->setTabText(1, tr("Waiting for inspection (%1)").arg(rows->size()));
    } else {
        problems.append(rows.error());
    }
    if (auto rows = m_source->refundsOwed(); rows.ok()) {
        const QSignalBlocker block(m_owed);
        fillReturns(m_owed, rows.value(), true);
        QMap<QString, qint64> owed; // per currency: GBP and EUR refunds do not add up
        for (const models::ReturnListRow &r : rows.value())
            owed[r.refund.currency()] += r.refund.minorUnits();
        QStringList amounts;
        for (auto it = owed.cbegin(); it != owed.cend(); ++it)
            if (it.value() > 0)
                amounts.append(models::Money(it.value(), it.key()).toDisplayString());
        m_tabs->setTabText(2, amounts.isEmpty() ? tr("Refunds owed (%1)").arg(rows->size())
                                                : tr("Refunds owed (%1 · %2)")
                                                      .arg(rows->size())
                                                      .arg(amounts.join(QStringLiteral(" + "))));
    } else {
        problems.append(rows.error());
    }
    m_ratesStale = true;
    if (m_tabs->currentWidget() == m_rates)
        reloadRates();
    if (auto t = m_source->processingTimes(); t.ok()) {
        m_timesSummary->setText(
            t->refunded == 0
                ? tr("No return has been received and refunded yet.")
                : tr("Receipt to refund over %1 refunded returns: median %2 days, 90% within "
                     "%3 days, longest %4 days. The slowest:")
                      .arg(formatCount(t->refunded))
                      .arg(t->medianDays, 0, 'f', 1)
                      .arg(t->p90Days, 0, 'f', 1)
                      .arg(t->longestDays, 0, 'f', 1));
        const QSignalBlocker block(m_times);
        fillReturns(m_times, t->slowest, true);
    } else {
        problems.append(t.error());
    }
    if (!problems.isEmpty())
        m_header->setError(problems.join(QLatin1Char('\n')));
}

void ReturnsScreen::reloadRates()
{
    m_ratesStale = false;
    if (auto rows = m_source->returnRates(200); rows.ok()) {
        m_rates->setRowCount(int(rows->size()));
        for (int i = 0; i < rows->size(); ++i) {
            const models::ReturnRateRow &r = rows->at(i);
            setCell(m_rates, i, 0, r.sku);
            setCell(m_rates, i, 1, reasonText(r.reason));
            setCell(m_rates, i, 2, QString::number(r.unitsReturned), true);
            setCell(m_rates, i, 3, QString::number(r.unitsShipped), true);
            setCell(m_rates, i, 4, QStringLiteral("%1%").arg(r.ratePercent, 0, 'f', 1), true);
        }
        m_rates->resizeColumnsToContents();
    } else {
        m_header->setError(rows.error());
    }
}

void ReturnsScreen::showDetail(qint64 returnId)
{
    models::Result<models::ReturnAuthorisation> detail = m_source->returnDetail(returnId);
    if (!detail.ok()) {
        setMessage(detail.error(), true);
        return;
    }
    m_currentId = returnId;
    m_current = detail.value();
    const models::ReturnAuthorisation &a = m_current;
    m_title->setText(
        QStringLiteral("%1 · %2").arg(a.displayName(), models::returnStatusLabel(a.status)));
    QStringList facts;
    facts.append(tr("Order %1 · %2").arg(a.orderNumber, a.customerName));
    facts.append(tr("Reason: %1").arg(reasonText(a.reason)));
    if (!a.customerNote.isEmpty())
        facts.append(tr("Customer said: “%1”").arg(a.customerNote));
    facts.append(tr("Comes back to: %1")
                     .arg(a.locationCode.isEmpty() ? tr("(not chosen)") : a.locationCode));
    if (!a.locationReason.isEmpty())
        facts.append(tr("Suggested: %1").arg(a.locationReason));
    if (a.status == ReturnStatus::Inspected) {
        if (auto s = m_source->refundSuggestion(a.id); s.ok())
            facts.append(
                tr("Suggested refund: %1 — %2")
                    .arg(models::Money(s->totalMinor, a.refund.currency()).toDisplayString(),
                         s->explanation));
    }
    if (a.status == ReturnStatus::RefundPending || a.status == ReturnStatus::Refunded ||
        a.status == ReturnStatus::Closed)
        facts.append(tr("Refund: %1%2")
                         .arg(a.refund.toDisplayString(),
                              a.refundReference.isEmpty()
                                  ? tr(" (owed)")
                                  : tr(" (reference %1)").arg(a.refundReference)));
    if (!a.statusReason.isEmpty())
        facts.append(tr("Why: %1").arg(a.statusReason));
    if (a.exchangeOrderId)
        facts.append(tr("Exchange order: %1").arg(a.exchangeOrderNumber));
    m_facts->setText(facts.join(QLatin1Char('\n')));

    const bool counting = a.status == ReturnStatus::Authorised;
    m_lines->setRowCount(0); // hides and releases the previous return's count boxes
    m_lines->setRowCount(int(a.lines.size()));
    for (int i = 0; i < a.lines.size(); ++i) {
        const models::ReturnLine &l = a.lines.at(i);
        setCell(m_lines, i, LineSku, l.sku);
        m_lines->item(i, LineSku)->setData(Qt::UserRole, l.id);
        // A kit names its parts: "Gift set (contains 1 × Mug, 2 × Coaster)".
        const QString parts = models::kitContentsText(l.parts, l.quantity);
        setCell(m_lines, i, LineItem,
                parts.isEmpty() ? l.title : QStringLiteral("%1 (%2)").arg(l.title, parts));
        setCell(m_lines, i, LineAuthorised, QString::number(l.quantity), true);
        if (counting) {
            auto *spin = new QSpinBox(m_lines);
            spin->setObjectName(QStringLiteral("returnArrived%1").arg(i));
            spin->setRange(0, l.quantity);
            spin->setValue(l.quantity);
            m_lines->setCellWidget(i, LineArrived, spin);
            setCell(m_lines, i, LineArrived, QString());
        } else {
            setCell(m_lines, i, LineArrived,
                    a.status == ReturnStatus::Requested ? QString()
                                                        : QString::number(l.quantityReceived),
                    true);
        }
        setCell(m_lines, i, LineCondition, l.condition);
        QString outcome;
        if (l.disposition == QLatin1String("restock"))
            outcome = tr("restocked at %1%2")
                          .arg(l.locationCode,
                               l.binCode.isEmpty() ? QString() : QStringLiteral(" ") + l.binCode);
        else if (l.disposition == QLatin1String("write_off"))
            outcome = tr("written off: %1").arg(l.note);
        else if (l.needsInspection())
            outcome = tr("to inspect");
        setCell(m_lines, i, LineOutcome, outcome);
    }
    m_lines->resizeColumnsToContents();
    updateButtons();
}

void ReturnsScreen::updateButtons()
{
    const bool any = m_currentId != 0;
    const ReturnStatus s = m_current.status;
    auto can = [&](ReturnStatus to) { return any && models::ReturnWorkflow::allows(s, to); };
    m_authorise->setEnabled(can(ReturnStatus::Authorised));
    m_receive->setEnabled(can(ReturnStatus::Received));
    m_inspect->setEnabled(any && s == ReturnStatus::Received);
    m_approve->setEnabled(can(ReturnStatus::RefundPending));
    m_refund->setEnabled(can(ReturnStatus::Refunded));
    m_close->setEnabled(can(ReturnStatus::Closed));
    m_exchange->setEnabled(any && !m_current.exchangeOrderId &&
                           (s == ReturnStatus::Authorised || s == ReturnStatus::Received ||
                            s == ReturnStatus::Inspected));
    m_reject->setEnabled(can(ReturnStatus::Rejected));
    m_cancel->setEnabled(can(ReturnStatus::Cancelled));
    m_location->setEnabled(any && (s == ReturnStatus::Requested || s == ReturnStatus::Authorised ||
                                   s == ReturnStatus::Received));
    const bool slip = any && !m_current.rmaNumber.isEmpty();
    m_print->setEnabled(slip);
    m_pdf->setEnabled(slip);
}

void ReturnsScreen::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e; font-weight: bold;")
                                   : QStringLiteral("color: #1b5e20; font-weight: bold;"));
    m_message->setVisible(!text.isEmpty());
}

bool ReturnsScreen::report(const models::Status &status, const QString &done)
{
    if (!status) {
        setMessage(status.error(), true);
        return false;
    }
    setMessage(done, false);
    refresh();
    return true;
}

void ReturnsScreen::onScan()
{
    const QString code = m_scan->text().trimmed();
    if (code.isEmpty()) {
        // Enter on an empty field: book in the return that is open and counted.
        if (m_receive->isEnabled())
            receive();
        return;
    }
    m_scan->clear();
    models::Result<qint64> found = m_source->findForReceipt(code);
    if (!found.ok()) {
        setMessage(found.error(), true);
        return;
    }
    showDetail(found.value());
    setMessage(tr("%1: check what arrived, then Enter to receive it").arg(m_current.displayName()),
               false);
    m_receive->setFocus();
}

void ReturnsScreen::newReturn()
{
    ReturnCreateDialog dialog(m_source, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    setMessage(tr("%1 created for order %2")
                   .arg(dialog.created().displayName(), dialog.created().orderNumber),
               false);
    m_currentId = dialog.created().id;
    refresh();
}

void ReturnsScreen::authorise()
{
    report(m_source->authorise(m_currentId),
           tr("Authorised: %1").arg(models::rmaNumberFor(m_currentId)));
}

void ReturnsScreen::receive()
{
    QList<models::ReturnLineCount> counts;
    int units = 0;
    for (int i = 0; i < m_current.lines.size(); ++i) {
        auto *spin = qobject_cast<QSpinBox *>(m_lines->cellWidget(i, LineArrived));
        const int n = spin ? spin->value() : 0;
        counts.append({m_current.lines.at(i).id, n});
        units += n;
    }
    const QString name = m_current.displayName();
    if (report(m_source->receive(m_currentId, counts),
               tr("%1 received: %2 unit(s). Inspect each line next.").arg(name).arg(units)))
        m_scan->setFocus();
}

void ReturnsScreen::inspectLine()
{
    int row = m_lines->currentRow();
    if (row < 0 || row >= m_current.lines.size() || !m_current.lines.at(row).needsInspection())
        for (row = 0; row < m_current.lines.size(); ++row)
            if (m_current.lines.at(row).needsInspection())
                break;
    if (row >= m_current.lines.size()) {
        setMessage(tr("Every line that arrived is inspected."), true);
        return;
    }
    models::Result<QList<models::ReturnLocationChoice>> locations = m_source->locations();
    if (!locations.ok()) {
        setMessage(locations.error(), true);
        return;
    }
    ReturnInspectDialog dialog(m_current.lines.at(row), locations.value(), m_current.locationId,
                               this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    report(m_source->inspect(m_currentId, dialog.inspection()),
           tr("%1: %2 inspected").arg(m_current.displayName(), m_current.lines.at(row).sku));
}

void ReturnsScreen::approveRefund()
{
    models::Result<models::RefundSuggestion> s = m_source->refundSuggestion(m_currentId);
    if (!s.ok()) {
        setMessage(s.error(), true);
        return;
    }
    const QString currency = m_current.refund.currency();
    const int decimals = models::Money::decimalsFor(currency);
    double factor = 1;
    for (int i = 0; i < decimals; ++i)
        factor *= 10;
    bool ok = false;
    const double amount = QInputDialog::getDouble(
        this, tr("Approve refund"),
        tr("Refund for %1 (%2):\n%3").arg(m_current.displayName(), currency, s->explanation),
        s->totalMinor / factor, 0, 1e9, decimals, &ok);
    if (!ok)
        return;
    const qint64 minor = qRound64(amount * factor);
    report(m_source->approveRefund(m_currentId, minor == s->totalMinor
                                                    ? std::optional<qint64>()
                                                    : std::optional<qint64>(minor)),
           tr("%1: refund of %2 approved, now owed")
               .arg(m_current.displayName(), models::Money(minor, currency).toDisplayString()));
}

void ReturnsScreen::recordRefund()
{
    bool ok = false;
    const QString reference =
        QInputDialog::getText(this, tr("Record refund"),
                              tr("%1 refunded to the customer: the payment's reference")
                                  .arg(m_current.refund.toDisplayString()),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    report(m_source->recordRefund(m_currentId, reference),
           tr("%1 refunded").arg(m_current.displayName()));
}

void ReturnsScreen::closeReturn()
{
    report(m_source->close(m_currentId), tr("%1 closed").arg(m_current.displayName()));
}

void ReturnsScreen::exchange()
{
    models::Result<QString> order = m_source->createExchange(m_currentId);
    if (!order.ok()) {
        setMessage(order.error(), true);
        return;
    }
    setMessage(tr("Exchange order %1 created and allocated; the items are not refunded")
                   .arg(order.value()),
               false);
    refresh();
}

void ReturnsScreen::rejectReturn()
{
    bool ok = false;
    const QString why = QInputDialog::getText(this, tr("Reject return"), tr("Why is it rejected?"),
                                              QLineEdit::Normal, QString(), &ok);
    if (ok)
        report(m_source->reject(m_currentId, why), tr("%1 rejected").arg(m_current.displayName()));
}

void ReturnsScreen::cancelReturn()
{
    bool ok = false;
    const QString why = QInputDialog::getText(this, tr("Cancel return"), tr("Why is it cancelled?"),
                                              QLineEdit::Normal, tr("Never sent"), &ok);
    if (ok)
        report(m_source->cancel(m_currentId, why), tr("%1 cancelled").arg(m_current.displayName()));
}

void ReturnsScreen::changeLocation()
{
    models::Result<QList<models::ReturnLocationChoice>> locations = m_source->locations();
    if (!locations.ok()) {
        setMessage(locations.error(), true);
        return;
    }
    QStringList names;
    int current = 0;
    for (const models::ReturnLocationChoice &l : locations.value()) {
        if (m_current.locationId && *m_current.locationId == l.id)
            current = int(names.size());
        names.append(QStringLiteral("%1 — %2").arg(l.code, l.name));
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Where it comes back to"), m_current.locationReason, names, current, false, &ok);
    if (!ok)
        return;
    const qsizetype i = names.indexOf(chosen);
    if (i < 0)
        return;
    report(m_source->setLocation(m_currentId, locations->at(i).id),
           tr("%1 comes back to %2").arg(m_current.displayName(), locations->at(i).code));
}

void ReturnsScreen::printSlip()
{
    const models::ReturnAuthorisation rma = m_current;
    auto build = [rma](const QString &paper) -> models::Result<QList<printing::Document>> {
        const printing::PageSetup page = paper == QLatin1String("Letter")
                                             ? printing::PageSetup::letter()
                                             : printing::PageSetup::a4();
        auto doc = printing::rmaSlipDocument(
            printing::RmaSlipData::fromReturn(rma, rma.returnAddress.name), page);
        if (!doc.ok())
            return models::Error{doc.error()};
        return QList<printing::Document>{doc.value()};
    };
    QPrintPreviewDialog *preview =
        m_printer->createPreview(build, {QStringLiteral("A4"), QStringLiteral("Letter")},
                                 tr("RMA slip %1").arg(rma.rmaNumber), this);
    if (preview)
        preview->open();
    else
        setMessage(m_printer->lastError(), true);
}

void ReturnsScreen::savePdf()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              QStringLiteral("/%1.pdf").arg(m_current.rmaNumber);
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save RMA slip"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    auto doc = printing::rmaSlipDocument(
        printing::RmaSlipData::fromReturn(m_current, m_current.returnAddress.name),
        printing::PageSetup::a4());
    if (!doc.ok()) {
        setMessage(doc.error(), true);
        return;
    }
    auto written = printing::writePdf(doc.value(), path, m_current.rmaNumber);
    if (!written.ok())
        setMessage(written.error(), true);
    else
        setMessage(tr("Saved %1").arg(path), false);
}

} // namespace ui
