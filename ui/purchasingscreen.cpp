#include "ui/purchasingscreen.h"

#include "ui/countformat.h"
#include "ui/lazytableview.h"
#include "ui/purchaseordereditor.h"
#include "ui/purchaseorderfiles.h"
#include "ui/receivingpanel.h"
#include "ui/screenheader.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

using models::PurchaseOrder;
using PoStatus = models::PurchaseOrder::Status;

namespace {

enum Column
{
    NumberColumn,
    SupplierColumn,
    LocationColumn,
    StatusColumn,
    OrderedColumn,
    ExpectedColumn,
    LinesColumn,
    ReceivedColumn,
    TotalColumn,
    IssuesColumn,
    ColumnCount
};

constexpr int kIdRole = Qt::UserRole + 1;
// The status filter's entry that lists overdue orders.
constexpr int kOverdueFilter = -2;
const QColor kOverdueColour(0xcf, 0x22, 0x2e);

QString dateText(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QStandardItem *item(const QString &text, bool numeric = false)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    if (numeric)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

QString money(qint64 minor, const QString &currency)
{
    return models::Money(minor, currency).toDisplayString();
}

} // namespace

PurchasingScreen::PurchasingScreen(models::PurchasingSource *source, QString userName,
                                   QWidget *parent)
    : QWidget(parent), m_source(source), m_userName(std::move(userName)),
      m_header(new ScreenHeader(tr("Purchasing"), this)), m_pages(new QStackedWidget(this)),
      m_status(new QComboBox(this)), m_supplier(new QComboBox(this)),
      m_new(new QPushButton(tr("&New purchase order…"), this)), m_table(new LazyTableView(this)),
      m_model(new QStandardItemModel(0, ColumnCount, this)), m_title(new QLabel(this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_send(new QPushButton(tr("Sen&d"), this)),
      m_cancel(new QPushButton(tr("Cance&l order"), this)),
      m_close(new QPushButton(tr("Cl&ose"), this)),
      m_csv(new QPushButton(tr("Export &CSV…"), this)),
      m_pdf(new QPushButton(tr("Save PD&F…"), this)), m_tabs(new QTabWidget(this)),
      m_lines(new QTableWidget(0, 7, this)), m_receiving(new ReceivingPanel(this)),
      m_discrepancies(new QTableWidget(0, 6, this))
{
    m_status->setObjectName(QStringLiteral("purchasingStatusFilter"));
    m_supplier->setObjectName(QStringLiteral("purchasingSupplierFilter"));
    m_new->setObjectName(QStringLiteral("purchasingNew"));
    m_table->setObjectName(QStringLiteral("purchasingTable"));
    m_title->setObjectName(QStringLiteral("purchasingTitle"));
    m_edit->setObjectName(QStringLiteral("purchasingEdit"));
    m_send->setObjectName(QStringLiteral("purchasingSend"));
    m_cancel->setObjectName(QStringLiteral("purchasingCancel"));
    m_close->setObjectName(QStringLiteral("purchasingClose"));
    m_csv->setObjectName(QStringLiteral("purchasingCsv"));
    m_pdf->setObjectName(QStringLiteral("purchasingPdf"));
    m_tabs->setObjectName(QStringLiteral("purchasingTabs"));
    m_lines->setObjectName(QStringLiteral("purchasingLines"));
    m_discrepancies->setObjectName(QStringLiteral("purchasingDiscrepancies"));

    // No database: a plain statement instead of empty tables.
    auto *noDatabase = new QLabel(tr("No database is open: purchase orders appear here once "
                                     "Backroom opens a shop's database."),
                                  this);
    noDatabase->setObjectName(QStringLiteral("purchasingNoDatabase"));
    noDatabase->setWordWrap(true);
    noDatabase->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    noDatabase->setStyleSheet(QStringLiteral("color: #57606a; background: #f6f8fa;"
                                             "border: 1px solid #d0d7de; border-radius: 6px;"
                                             "padding: 10px 14px;"));

    m_model->setHorizontalHeaderLabels({tr("PO"), tr("Supplier"), tr("Deliver to"), tr("Status"),
                                        tr("Ordered"), tr("Expected"), tr("Lines"), tr("Received"),
                                        tr("Total"), tr("Issues")});
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    QList<ColumnLayout> columns(ColumnCount);
    columns[NumberColumn] = {.sample = QStringLiteral("PO-000000")};
    columns[SupplierColumn] = {.sample = QStringLiteral("Staffordshire Ceramics Co."),
                               .stretch = true};
    columns[LocationColumn] = {.sample = QStringLiteral("Deliver to")};
    columns[StatusColumn] = {.sample = QStringLiteral("Partially received · overdue")};
    columns[OrderedColumn] = {.sample = QStringLiteral("2026-11-26")};
    columns[ExpectedColumn] = {.sample = QStringLiteral("2026-11-26")};
    columns[LinesColumn] = {.sample = QStringLiteral("Lines"), .numeric = true};
    columns[ReceivedColumn] = {.sample = QStringLiteral("10,000 of 10,000"), .numeric = true};
    columns[TotalColumn] = {.sample = QStringLiteral("£100,000.00"), .numeric = true};
    columns[IssuesColumn] = {.sample = QStringLiteral("Issues"), .numeric = true};
    m_table->setColumnLayouts(columns);

    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 11pt;"));
    m_lines->setHorizontalHeaderLabels({tr("SKU"), tr("Supplier SKU"), tr("Name"), tr("Ordered"),
                                        tr("Received"), tr("Unit cost"), tr("Line total")});
    m_discrepancies->setHorizontalHeaderLabels(
        {tr("When"), tr("SKU"), tr("What"), tr("Quantity"), tr("Note"), tr("By")});
    for (QTableWidget *t : {m_lines, m_discrepancies}) {
        t->verticalHeader()->hide();
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->horizontalHeader()->setStretchLastSection(true);
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    }
    m_tabs->addTab(m_lines, tr("Lines"));
    m_tabs->addTab(m_receiving, tr("Receive"));
    m_tabs->addTab(m_discrepancies, tr("Discrepancies"));

    auto *statusLabel = new QLabel(tr("S&tatus:"), this);
    statusLabel->setBuddy(m_status);
    auto *supplierLabel = new QLabel(tr("S&upplier:"), this);
    supplierLabel->setBuddy(m_supplier);
    auto *filters = new QHBoxLayout;
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    filters->addSpacing(12);
    filters->addWidget(supplierLabel);
    filters->addWidget(m_supplier);
    filters->addStretch(1);
    filters->addWidget(m_new);

    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_edit, m_send, m_cancel, m_close})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_csv);
    actions->addWidget(m_pdf);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 8, 0, 0);
    detailLayout->addWidget(m_title);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(m_tabs, 1);

    // The list above, the chosen order below: both get the full width their columns need.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *main = new QWidget(this);
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addLayout(filters);
    mainLayout->addWidget(splitter, 1);

    m_pages->addWidget(noDatabase);
    m_pages->addWidget(main);
    m_pages->setCurrentIndex(m_source ? 1 : 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(12);
    layout->addWidget(m_header);
    layout->addWidget(m_pages, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PurchasingScreen::showDetail);
    connect(m_status, &QComboBox::currentIndexChanged, this, &PurchasingScreen::reload);
    connect(m_supplier, &QComboBox::currentIndexChanged, this, &PurchasingScreen::reload);
    connect(m_new, &QPushButton::clicked, this, [this] { edit(true); });
    connect(m_edit, &QPushButton::clicked, this, [this] { edit(false); });
    connect(m_send, &QPushButton::clicked, this, &PurchasingScreen::sendSelected);
    connect(m_cancel, &QPushButton::clicked, this, &PurchasingScreen::cancelSelected);
    connect(m_close, &QPushButton::clicked, this, &PurchasingScreen::closeSelected);
    connect(m_csv, &QPushButton::clicked, this, &PurchasingScreen::chooseCsv);
    connect(m_pdf, &QPushButton::clicked, this, &PurchasingScreen::choosePdf);
    connect(m_receiving, &ReceivingPanel::postRequested, this, &PurchasingScreen::postReceipt);

    buildFilters();
    updateActions();
    setFocusProxy(m_table);
}

void PurchasingScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce && m_source) {
        m_loadedOnce = true;
        reload();
    }
}

void PurchasingScreen::buildFilters()
{
    const QSignalBlocker a(m_status);
    const QSignalBlocker b(m_supplier);
    m_status->addItem(tr("All statuses"), -1);
    for (PoStatus s : models::allPurchaseOrderStatuses())
        m_status->addItem(models::purchaseOrderStatusLabel(s), static_cast<int>(s));
    m_status->addItem(tr("Overdue"), kOverdueFilter);
    m_supplier->addItem(tr("All suppliers"), qint64(0));
    if (!m_source)
        return;
    if (auto suppliers = m_source->suppliers(); suppliers.ok())
        for (const models::PurchasingChoice &c : suppliers.value())
            m_supplier->addItem(c.name, c.id);
}

void PurchasingScreen::reload()
{
    if (!m_source)
        return;
    m_loadedOnce = true;
    const std::optional<qint64> keep = selectedId();
    models::PurchaseOrderFilter filter;
    const int status = m_status->currentData().toInt();
    if (status == kOverdueFilter)
        filter.onlyOverdue = true;
    else if (status >= 0)
        filter.status = static_cast<PoStatus>(status);
    if (const qint64 supplier = m_supplier->currentData().toLongLong(); supplier != 0)
        filter.supplierId = supplier;
    const models::Result<QList<models::PurchaseOrderSummary>> rows =
        m_source->purchaseOrders(filter);
    m_model->removeRows(0, m_model->rowCount());
    if (!rows.ok()) {
        m_header->setError(rows.error());
        showDetail();
        return;
    }
    m_header->setError({});
    int open = 0;
    int overdue = 0;
    for (const models::PurchaseOrderSummary &s : rows.value()) {
        QList<QStandardItem *> r(ColumnCount);
        r[NumberColumn] = item(s.poNumber);
        r[NumberColumn]->setData(s.id, kIdRole);
        r[SupplierColumn] = item(s.supplierName);
        r[LocationColumn] = item(s.locationCode);
        r[StatusColumn] =
            item(s.overdue ? tr("%1 · overdue").arg(models::purchaseOrderStatusLabel(s.status))
                           : models::purchaseOrderStatusLabel(s.status));
        r[OrderedColumn] = item(dateText(s.orderedAtUtc.toUTC().date()));
        r[ExpectedColumn] = item(dateText(s.expected));
        r[LinesColumn] = item(formatCount(s.lines), true);
        r[ReceivedColumn] = item(
            tr("%1 of %2").arg(formatCount(s.unitsReceived), formatCount(s.unitsOrdered)), true);
        r[TotalColumn] = item(money(s.totalMinor, s.currency), true);
        r[IssuesColumn] =
            item(s.discrepancies > 0 ? formatCount(s.discrepancies) : QString(), true);
        if (s.overdue)
            for (int c : {StatusColumn, ExpectedColumn}) {
                r[c]->setForeground(kOverdueColour);
                QFont bold = r[c]->font();
                bold.setBold(true);
                r[c]->setFont(bold);
            }
        m_model->appendRow(r);
        open += models::PurchaseOrderRules::isOpen(s.status) ? 1 : 0;
        overdue += s.overdue ? 1 : 0;
    }
    m_header->setSummary(
        tr("%1 purchase orders, %2 open, %3 overdue")
            .arg(formatCount(rows.value().size()), formatCount(open), formatCount(overdue)));
    if (!(keep && selectPurchaseOrder(*keep)) && m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    showDetail();
}

bool PurchasingScreen::selectPurchaseOrder(qint64 id)
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (m_model->item(row, NumberColumn)->data(kIdRole).toLongLong() == id) {
            m_table->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    return false;
}

std::optional<qint64> PurchasingScreen::selectedId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->item(current.row(), NumberColumn)->data(kIdRole).toLongLong();
}

void PurchasingScreen::showDetail()
{
    m_current.reset();
    const std::optional<qint64> id = selectedId();
    if (m_source && id) {
        models::Result<models::PurchaseOrderDetail> d = m_source->purchaseOrder(*id);
        if (d.ok())
            m_current = std::move(d).value();
        else
            m_header->setError(d.error());
    }
    if (!m_current) {
        m_title->setText(m_source ? tr("Select a purchase order.") : QString());
        m_lines->setRowCount(0);
        m_discrepancies->setRowCount(0);
        m_receiving->clear();
        updateActions();
        return;
    }
    const models::PurchaseOrderSummary &h = m_current->header;
    QString title = tr("%1 · %2 → %3 · %4")
                        .arg(h.poNumber, h.supplierName, m_current->locationName,
                             models::purchaseOrderStatusLabel(h.status));
    if (h.expected.isValid())
        title += h.overdue ? tr(" · expected %1, overdue").arg(dateText(h.expected))
                           : tr(" · expected %1").arg(dateText(h.expected));
    m_title->setText(title);
    m_title->setStyleSheet(h.overdue ? QStringLiteral("font-weight: 600; font-size: 11pt; "
                                                      "color: #cf222e;")
                                     : QStringLiteral("font-weight: 600; font-size: 11pt;"));
    fillLines(*m_current);
    fillDiscrepancies(*m_current);
    m_receiving->setOrder(*m_current);
    m_tabs->setTabText(2, m_current->discrepancies.isEmpty()
                              ? tr("Discrepancies")
                              : tr("Discrepancies (%1)").arg(m_current->discrepancies.size()));
    updateActions();
}

void PurchasingScreen::fillLines(const models::PurchaseOrderDetail &d)
{
    m_lines->setRowCount(static_cast<int>(d.lines.size()));
    for (int row = 0; row < d.lines.size(); ++row) {
        const models::PurchaseOrderLineDetail &l = d.lines.at(row);
        const QStringList cells = {l.sku,
                                   l.supplierSku,
                                   l.name,
                                   formatCount(l.ordered),
                                   formatCount(l.received),
                                   money(l.unitCostMinor, d.header.currency),
                                   money(l.unitCostMinor * l.ordered, d.header.currency)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *cell = new QTableWidgetItem(cells.at(c));
            if (c >= 3)
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_lines->setItem(row, c, cell);
        }
    }
    m_lines->resizeColumnsToContents();
    m_lines->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
}

void PurchasingScreen::fillDiscrepancies(const models::PurchaseOrderDetail &d)
{
    m_discrepancies->setRowCount(static_cast<int>(d.discrepancies.size()));
    for (int row = 0; row < d.discrepancies.size(); ++row) {
        const models::DiscrepancyRecord &x = d.discrepancies.at(row);
        const QStringList cells = {
            x.atUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            x.sku,
            models::discrepancyKindLabel(x.kind),
            formatCount(x.quantity),
            x.note,
            x.user};
        for (int c = 0; c < cells.size(); ++c)
            m_discrepancies->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_discrepancies->resizeColumnsToContents();
}

void PurchasingScreen::updateActions()
{
    const bool have = m_current.has_value();
    const PoStatus s = have ? m_current->header.status : PoStatus::Draft;
    using R = models::PurchaseOrderRules;
    m_new->setEnabled(m_source != nullptr);
    m_edit->setEnabled(have && R::expectedDateEditable(s));
    m_send->setEnabled(have && R::isAllowed(s, PoStatus::Sent));
    m_cancel->setEnabled(have && R::isAllowed(s, PoStatus::Cancelled));
    m_close->setEnabled(have && R::isAllowed(s, PoStatus::Closed));
    m_csv->setEnabled(have);
    m_pdf->setEnabled(have);
    m_status->setEnabled(m_source != nullptr);
    m_supplier->setEnabled(m_source != nullptr);
}

void PurchasingScreen::edit(bool newOrder)
{
    if (!m_source || (!newOrder && !m_current))
        return;
    PurchaseOrderEditor editor(m_source, newOrder ? std::nullopt : m_current, this);
    if (newOrder)
        editor.addLine();
    if (editor.exec() != QDialog::Accepted)
        return;
    reload();
    selectPurchaseOrder(editor.savedId());
}

void PurchasingScreen::move(PoStatus to)
{
    if (!m_source || !m_current)
        return;
    const qint64 id = m_current->header.id;
    if (models::Status s = m_source->changeStatus(id, to, m_userName); !s) {
        m_header->setError(s.error());
        return;
    }
    m_header->setError({});
    reload();
    selectPurchaseOrder(id);
}

void PurchasingScreen::sendSelected()
{
    move(PoStatus::Sent);
}

void PurchasingScreen::cancelSelected()
{
    if (!m_current)
        return;
    if (isVisible() &&
        QMessageBox::question(this, tr("Cancel purchase order"),
                              tr("Cancel %1? The supplier should be told as well.")
                                  .arg(m_current->header.poNumber)) != QMessageBox::Yes)
        return;
    move(PoStatus::Cancelled);
}

void PurchasingScreen::closeSelected()
{
    move(PoStatus::Closed);
}

void PurchasingScreen::postReceipt()
{
    if (!m_source || !m_current)
        return;
    models::Receipt receipt = m_receiving->receipt();
    receipt.user = m_userName;
    const qint64 id = m_current->header.id;
    const QString number = m_current->header.poNumber;
    const models::Result<models::ReceiptResult> done = m_source->postReceipt(receipt);
    if (!done.ok()) {
        m_receiving->showMessage(done.error(), true);
        return;
    }
    reload();
    selectPurchaseOrder(id);
    QString text = tr("Posted: %1 into stock").arg(formatCount(done->unitsIntoStock));
    if (done->unitsWrittenOff > 0)
        text += tr(", %1 written off as damaged").arg(formatCount(done->unitsWrittenOff));
    if (done->discrepancies > 0)
        text += tr(", %1 discrepancies recorded").arg(done->discrepancies);
    if (done->backordersFilled > 0)
        text += tr(", %1 backordered orders now ready").arg(formatCount(done->backordersFilled));
    text += tr(". %1 is %2.").arg(number, models::purchaseOrderStatusLabel(done->status).toLower());
    m_receiving->showMessage(text, false);
    m_receiving->scanField()->setFocus(); // the next delivery is scanned straight away
    emit receiptPosted(id);
}

models::Status PurchasingScreen::exportCsv(const QString &path)
{
    if (!m_current)
        return models::Error{tr("no purchase order is selected")};
    return writePurchaseOrderCsv(*m_current, path);
}

models::Status PurchasingScreen::savePdf(const QString &path)
{
    if (!m_current)
        return models::Error{tr("no purchase order is selected")};
    return writePurchaseOrderPdf(*m_current, path);
}

void PurchasingScreen::chooseCsv()
{
    if (!m_current)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export purchase order"),
        QDir::home().filePath(m_current->header.poNumber + QStringLiteral(".csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const models::Status s = exportCsv(path);
    m_header->setError(s.ok() ? QString() : s.error());
}

void PurchasingScreen::choosePdf()
{
    if (!m_current)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save purchase order as PDF"),
        QDir::home().filePath(m_current->header.poNumber + QStringLiteral(".pdf")),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const models::Status s = savePdf(path);
    m_header->setError(s.ok() ? QString() : s.error());
}

} // namespace ui
