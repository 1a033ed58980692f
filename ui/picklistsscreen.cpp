#include "ui/picklistsscreen.h"

#include "models/picklistcode.h"
#include "models/pickwave.h"
#include "printing/documentrender.h"
#include "printing/picklistdocument.h"
#include "printing/picklistprint.h"
#include "ui/countformat.h"
#include "ui/screenheader.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

using models::PickListKind;
using models::WaveKind;

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kDefaultLimit = 12;

QString ordersText(qint64 n)
{
    return n == 1 ? PickListsScreen::tr("1 order")
                  : PickListsScreen::tr("%1 orders").arg(formatCount(n));
}

QString kindLabel(PickListKind kind)
{
    return kind == PickListKind::Batch ? PickListsScreen::tr("Batch")
                                       : PickListsScreen::tr("Single order");
}

QTreeWidget *makeTree(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->header()->setStretchLastSection(true);
    return tree;
}

void fitColumns(QTreeWidget *tree)
{
    for (int c = 0; c < tree->columnCount() - 1; ++c)
        tree->resizeColumnToContents(c);
}

// The units still to pick on a line: the shares of the orders still on the list.
int stillWanted(const models::PickListDetail &list, const models::PickLine &line)
{
    QSet<qint64> removed;
    for (const models::PickListOrder &o : list.orders)
        if (o.removed)
            removed.insert(o.orderId);
    int units = 0;
    for (const models::PickAllocation &a : line.allocations)
        if (!removed.contains(a.orderId))
            units += a.quantity;
    return units;
}

QString slotsText(const models::PickListDetail &list, const models::PickLine &line)
{
    QSet<qint64> removed;
    for (const models::PickListOrder &o : list.orders)
        if (o.removed)
            removed.insert(o.orderId);
    QMap<QPair<int, QString>, int> perSlot; // (slot, kit) -> units
    for (const models::PickAllocation &a : line.allocations)
        if (!removed.contains(a.orderId))
            perSlot[{a.slot, a.kitSku}] += a.quantity;
    const bool kits = std::any_of(perSlot.keyBegin(), perSlot.keyEnd(),
                                  [](const QPair<int, QString> &k) { return !k.second.isEmpty(); });
    QStringList parts;
    for (auto it = perSlot.cbegin(); it != perSlot.cend(); ++it)
        parts.append(it.key().second.isEmpty()
                         ? (kits ? PickListsScreen::tr("%1 → slot %2 on its own")
                                 : PickListsScreen::tr("%1 → slot %2"))
                               .arg(it.value())
                               .arg(it.key().first)
                         : PickListsScreen::tr("%1 → slot %2 for %3")
                               .arg(it.value())
                               .arg(it.key().first)
                               .arg(it.key().second));
    return parts.join(QStringLiteral(", "));
}

// "for GIFT-01" when the line's units still wanted are parts of a kit.
QString kitNote(const models::PickListDetail &list, const models::PickLine &line)
{
    QSet<qint64> removed;
    for (const models::PickListOrder &o : list.orders)
        if (o.removed)
            removed.insert(o.orderId);
    QList<models::PickAllocation> kept;
    for (const models::PickAllocation &a : line.allocations)
        if (!removed.contains(a.orderId))
            kept.append(a);
    return models::pickKitNote(kept);
}

printing::PageSetup paperForLocale()
{
    return QLocale().measurementSystem() == QLocale::ImperialUSSystem
               ? printing::PageSetup::letter()
               : printing::PageSetup::a4();
}

} // namespace

PickListsScreen::PickListsScreen(models::PickListSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_header(new ScreenHeader(tr("Pick lists"), this)),
      m_location(new QComboBox(this)), m_wave(new QComboBox(this)),
      m_waveValue(new QComboBox(this)), m_limit(new QSpinBox(this)),
      m_waveSummary(new QLabel(this)),
      m_createBatch(new QPushButton(tr("Create &batch list"), this)),
      m_createSingles(new QPushButton(tr("Create &single-order lists"), this)),
      m_lists(makeTree(QStringLiteral("pickOpenLists"),
                       {tr("List"), tr("Kind"), tr("Orders"), tr("Lines"), tr("Units"), tr("Short"),
                        tr("Created"), tr("By")},
                       this)),
      m_listTitle(new QLabel(this)),
      m_orders(makeTree(QStringLiteral("pickListOrders"),
                        {tr("Slot"), tr("Slot barcode"), tr("Order"), tr("Channel"), tr("Status")},
                        this)),
      m_lines(makeTree(QStringLiteral("pickListLines"),
                       {tr("#"), tr("Bin"), tr("SKU"), tr("Kit"), tr("Qty"), tr("Short"),
                        tr("Into slots"), tr("Barcode"), tr("Item")},
                       this)),
      m_print(new QPushButton(tr("&Print…"), this)),
      m_savePdf(new QPushButton(tr("Save P&DF…"), this)),
      m_markShort(new QPushButton(tr("Mark line s&hort…"), this)),
      m_markPicked(new QPushButton(tr("Mark pic&ked"), this)),
      m_cancelList(new QPushButton(tr("Cance&l list"), this)), m_status(new QLabel(this))
{
    m_location->setObjectName(QStringLiteral("pickLocation"));
    m_wave->setObjectName(QStringLiteral("pickWave"));
    m_waveValue->setObjectName(QStringLiteral("pickWaveValue"));
    m_limit->setObjectName(QStringLiteral("pickLimit"));
    m_waveSummary->setObjectName(QStringLiteral("pickWaveSummary"));
    m_createBatch->setObjectName(QStringLiteral("pickCreateBatch"));
    m_createSingles->setObjectName(QStringLiteral("pickCreateSingles"));
    m_listTitle->setObjectName(QStringLiteral("pickListTitle"));
    m_print->setObjectName(QStringLiteral("pickPrint"));
    m_savePdf->setObjectName(QStringLiteral("pickSavePdf"));
    m_markShort->setObjectName(QStringLiteral("pickMarkShort"));
    m_markPicked->setObjectName(QStringLiteral("pickMarkPicked"));
    m_cancelList->setObjectName(QStringLiteral("pickCancelList"));
    m_status->setObjectName(QStringLiteral("pickActionStatus"));
    setFocusProxy(m_lists);

    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    QFont titleFont = m_listTitle->font();
    titleFont.setBold(true);
    m_listTitle->setFont(titleFont);
    m_waveSummary->setStyleSheet(QStringLiteral("color: #57606a;"));
    m_waveSummary->setMinimumWidth(1); // a long summary elides rather than widen the window
    m_waveSummary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_createBatch->setToolTip(tr("One list for the whole wave, one numbered slot per order"));
    m_createSingles->setToolTip(tr("One list per order of the wave"));
    m_print->setToolTip(
        tr("Print the current list (%1)")
            .arg(QKeySequence(QKeySequence::Print).toString(QKeySequence::NativeText)));
    m_markShort->setToolTip(tr("The bin held fewer units than the line asks for"));
    m_cancelList->setToolTip(tr("Its orders go back to ready, their stock still reserved"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(10);
    layout->addWidget(m_header);
    buildWaveRow();

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *listsLabel = new QLabel(tr("Open lists"), left);
    listsLabel->setFont(titleFont);
    leftLayout->addWidget(listsLabel);
    leftLayout->addWidget(m_lists, 1);
    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_listTitle);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    for (QPushButton *b : {m_print, m_savePdf, m_markShort, m_markPicked, m_cancelList})
        buttons->addWidget(b);
    buttons->addStretch(1);
    rightLayout->addLayout(buttons);
    auto *detailSplit = new QSplitter(Qt::Vertical, right);
    detailSplit->setChildrenCollapsible(false);
    detailSplit->addWidget(m_orders);
    detailSplit->addWidget(m_lines);
    detailSplit->setStretchFactor(0, 1);
    detailSplit->setStretchFactor(1, 2);
    rightLayout->addWidget(detailSplit, 1);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({440, 800});
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    if (!m_source) {
        m_header->setError(tr("No pick lists: no database is open."));
        for (QWidget *w : std::initializer_list<QWidget *>{m_location, m_wave, m_waveValue, m_limit,
                                                           m_createBatch, m_createSingles, m_lists,
                                                           m_orders, m_lines})
            w->setEnabled(false);
        updateButtons();
        return;
    }

    connect(m_location, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            loadLocation();
    });
    connect(m_wave, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        fillWaveValues();
        updateWave();
    });
    connect(m_waveValue, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            updateWave();
    });
    connect(m_limit, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            updateWave();
    });
    connect(m_createBatch, &QPushButton::clicked, this, [this] { create(PickListKind::Batch); });
    connect(m_createSingles, &QPushButton::clicked, this, [this] { create(PickListKind::Single); });
    connect(m_lists, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_loading)
            loadDetail();
    });
    connect(m_lines, &QTreeWidget::currentItemChanged, this, &PickListsScreen::updateButtons);
    connect(m_lines, &QTreeWidget::itemActivated, this, &PickListsScreen::markShort);
    connect(m_print, &QPushButton::clicked, this, &PickListsScreen::print);
    connect(m_savePdf, &QPushButton::clicked, this, &PickListsScreen::chooseAndSavePdf);
    connect(m_markShort, &QPushButton::clicked, this, &PickListsScreen::markShort);
    connect(m_markPicked, &QPushButton::clicked, this, &PickListsScreen::markPicked);
    connect(m_cancelList, &QPushButton::clicked, this, &PickListsScreen::cancelList);
    auto *printKey =
        new QShortcut(QKeySequence::Print, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(printKey, &QShortcut::activated, this, &PickListsScreen::print);
    refresh();
}

void PickListsScreen::buildWaveRow()
{
    m_location->setMinimumContentsLength(24);
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_wave->addItem(tr("Next orders by priority"), int(WaveKind::NextOrders));
    m_wave->addItem(tr("One channel"), int(WaveKind::Channel));
    m_wave->addItem(tr("Priority and expedited"), int(WaveKind::Priority));
    m_wave->addItem(tr("One carrier service (cut-off)"), int(WaveKind::Carrier));
    m_wave->addItem(tr("Selected on the Orders screen"), int(WaveKind::Selection));
    m_waveValue->setMinimumContentsLength(14);
    m_waveValue->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_waveValue->hide();
    m_limit->setRange(1, 99);
    m_limit->setValue(kDefaultLimit);
    m_limit->setToolTip(tr("At most this many orders: one slot each on the cart"));

    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    auto *locationLabel = new QLabel(tr("L&ocation:"), this);
    locationLabel->setBuddy(m_location);
    auto *waveLabel = new QLabel(tr("&Wave:"), this);
    waveLabel->setBuddy(m_wave);
    auto *limitLabel = new QLabel(tr("At &most:"), this);
    limitLabel->setBuddy(m_limit);
    row->addWidget(locationLabel);
    row->addWidget(m_location);
    row->addSpacing(8);
    row->addWidget(waveLabel);
    row->addWidget(m_wave);
    row->addWidget(m_waveValue);
    row->addSpacing(8);
    row->addWidget(limitLabel);
    row->addWidget(m_limit);
    row->addStretch(1);
    // What the wave holds, beside what can be made of it.
    auto *createRow = new QHBoxLayout;
    createRow->setSpacing(8);
    createRow->addWidget(m_waveSummary, 1);
    createRow->addWidget(m_createBatch);
    createRow->addWidget(m_createSingles);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
    static_cast<QVBoxLayout *>(layout())->addLayout(createRow);
}

void PickListsScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Orders become ready on other screens; what waits here is read again on arrival.
    if (m_source && !m_loading)
        refresh();
}

qint64 PickListsScreen::currentLocationId() const
{
    return m_location->currentData(kIdRole).toLongLong();
}

qint64 PickListsScreen::currentListId() const
{
    return m_detail ? m_detail->summary.id : 0;
}

QString PickListsScreen::actionMessage() const
{
    return m_status->text();
}

void PickListsScreen::setMessage(const QString &text, bool failed)
{
    m_status->setText(text);
    m_status->setStyleSheet(failed ? QStringLiteral("color: #a40e26;")
                                   : QStringLiteral("color: #1a7f37;"));
}

void PickListsScreen::refresh()
{
    if (!m_source)
        return;
    const qint64 keepLocation = currentLocationId();
    const models::Result<QList<models::PickLocation>> locations = m_source->locations();
    if (!locations.ok()) {
        m_header->setError(locations.error());
        return;
    }
    m_header->setError(QString());
    m_locations = locations.value();
    {
        m_loading = true;
        m_location->clear();
        int chosen = -1;
        int busiest = 0;
        for (const models::PickLocation &l : std::as_const(m_locations)) {
            m_location->addItem(tr("%1 · %2 ready").arg(l.name, formatCount(l.readyOrders)), l.id);
            if (l.id == keepLocation)
                chosen = m_location->count() - 1;
        }
        if (chosen < 0) // first visit: the location with the most orders waiting
            for (int i = 0; i < m_locations.size(); ++i)
                if (m_locations.at(i).readyOrders > busiest) {
                    busiest = m_locations.at(i).readyOrders;
                    chosen = i;
                }
        m_location->setCurrentIndex(std::max(0, chosen));
        m_loading = false;
    }
    loadLocation();
}

void PickListsScreen::loadLocation()
{
    const qint64 location = currentLocationId();
    m_ready = models::ReadyOrders();
    if (location > 0) {
        models::Result<models::ReadyOrders> ready = m_source->readyOrders(location);
        if (ready.ok())
            m_ready = ready.value();
        else
            m_header->setError(ready.error());
    }
    fillWaveValues();
    updateWave();
    loadLists(currentListId());
}

void PickListsScreen::fillWaveValues()
{
    const auto kind = WaveKind(m_wave->currentData().toInt());
    const QString keep = m_waveValue->currentData().toString();
    const bool wasLoading = m_loading;
    m_loading = true;
    m_waveValue->clear();
    QList<QPair<QString, int>> values;
    if (kind == WaveKind::Channel)
        values = models::channelCounts(m_ready.orders);
    else if (kind == WaveKind::Carrier)
        values = models::serviceCounts(m_ready.orders);
    for (const auto &[value, count] : values) {
        const QString name = value.isEmpty() ? tr("No service chosen") : value;
        m_waveValue->addItem(tr("%1 (%2)").arg(name, formatCount(count)), value);
    }
    const int keepIndex = m_waveValue->findData(keep);
    m_waveValue->setCurrentIndex(keepIndex >= 0 ? keepIndex : 0);
    m_waveValue->setVisible(kind == WaveKind::Channel || kind == WaveKind::Carrier);
    m_limit->setEnabled(kind != WaveKind::Selection);
    m_loading = wasLoading;
}

QList<qint64> PickListsScreen::waveOrderIds() const
{
    models::WaveSpec spec;
    spec.kind = WaveKind(m_wave->currentData().toInt());
    spec.channelCode = m_waveValue->currentData().toString();
    spec.shippingService = spec.channelCode;
    spec.selection = m_selection;
    // The Orders screen's selection is taken whole; a batch too large is refused by name.
    spec.limit = spec.kind == WaveKind::Selection ? 0 : m_limit->value();
    if ((spec.kind == WaveKind::Channel || spec.kind == WaveKind::Carrier) &&
        m_waveValue->count() == 0)
        return {};
    QList<qint64> ids;
    for (const models::WaveCandidate &c :
         models::selectWave(m_ready.orders, spec, models::OrderPriority(m_ready.priority)))
        ids.append(c.priority.orderId);
    return ids;
}

void PickListsScreen::updateWave()
{
    const int ready = int(m_ready.orders.size());
    const QList<qint64> wave = waveOrderIds();
    QString name;
    for (const models::PickLocation &l : std::as_const(m_locations))
        if (l.id == currentLocationId())
            name = l.name;
    QString text = tr("%1 ready at %2 · this wave: %3")
                       .arg(ordersText(ready), name.isEmpty() ? tr("no location") : name,
                            ordersText(wave.size()));
    if (WaveKind(m_wave->currentData().toInt()) == WaveKind::Selection) {
        const qsizetype elsewhere = m_selection.size() - wave.size();
        if (m_selection.isEmpty())
            text += tr(" · select orders on the Orders screen and press Ctrl+K");
        else if (elsewhere > 0)
            text += tr(" · %1 of the selection not ready here").arg(ordersText(elsewhere));
    }
    m_waveSummary->setText(text);
    m_createBatch->setEnabled(!wave.isEmpty());
    m_createSingles->setEnabled(!wave.isEmpty());
}

void PickListsScreen::loadLists(qint64 selectListId)
{
    const qint64 location = currentLocationId();
    m_openLists.clear();
    if (location > 0) {
        models::Result<QList<models::PickListSummary>> lists = m_source->openLists(location);
        if (!lists.ok())
            m_header->setError(lists.error());
        else
            m_openLists = lists.value();
    }
    m_loading = true;
    m_lists->clear();
    QTreeWidgetItem *select = nullptr;
    const QLocale locale;
    for (const models::PickListSummary &s : std::as_const(m_openLists)) {
        auto *item = new QTreeWidgetItem(
            m_lists,
            {s.code, kindLabel(s.kind), QString::number(s.orders), QString::number(s.lines),
             QString::number(s.units), s.shortUnits ? QString::number(s.shortUnits) : QString(),
             locale.toString(s.createdUtc.toLocalTime(), QStringLiteral("d MMM HH:mm")), s.user});
        item->setData(0, kIdRole, s.id);
        for (int c : {2, 3, 4, 5})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        if (s.id == selectListId)
            select = item;
    }
    if (!select && m_lists->topLevelItemCount() > 0)
        select = m_lists->topLevelItem(0);
    if (select)
        m_lists->setCurrentItem(select);
    fitColumns(m_lists);
    m_loading = false;
    m_header->setSummary(m_openLists.size() == 1
                             ? tr("1 open list")
                             : tr("%1 open lists").arg(formatCount(m_openLists.size())));
    loadDetail();
}

void PickListsScreen::loadDetail()
{
    m_detail.reset();
    if (QTreeWidgetItem *item = m_lists->currentItem()) {
        models::Result<models::PickListDetail> detail =
            m_source->list(item->data(0, kIdRole).toLongLong());
        if (detail.ok())
            m_detail = detail.value();
        else
            setMessage(detail.error(), true);
    }
    showDetail();
}

void PickListsScreen::showDetail()
{
    const int keepLine =
        m_lines->currentItem() ? m_lines->indexOfTopLevelItem(m_lines->currentItem()) : 0;
    m_orders->clear();
    m_lines->clear();
    if (!m_detail) {
        m_listTitle->setText(m_source ? tr("No open list chosen: create one from a wave above.")
                                      : QString());
        updateButtons();
        return;
    }
    const models::PickListSummary &s = m_detail->summary;
    m_listTitle->setText(tr("%1 · %2 · %3, %4 units · %5")
                             .arg(s.code, kindLabel(s.kind), ordersText(s.orders))
                             .arg(s.units)
                             .arg(s.locationName) +
                         (s.shortUnits ? tr(" · %1 short").arg(s.shortUnits) : QString()));
    for (const models::PickListOrder &o : m_detail->orders) {
        const QString status =
            o.removed ? tr("%1, taken off the list").arg(models::orderStatusLabel(o.status))
                      : models::orderStatusLabel(o.status);
        auto *item = new QTreeWidgetItem(m_orders, {QString::number(o.slot),
                                                    models::slotBarcode(s.code, o.slot),
                                                    o.orderNumber, o.channelCode, status});
        if (o.removed)
            for (int c = 0; c < m_orders->columnCount(); ++c)
                item->setForeground(c, QColor(0x8c, 0x95, 0x9f));
    }
    for (const models::PickLine &l : m_detail->lines) {
        const int wanted = stillWanted(*m_detail, l);
        auto *item = new QTreeWidgetItem(
            m_lines, {QString::number(l.lineNo), l.binCode.isEmpty() ? tr("(no bin)") : l.binCode,
                      l.sku, kitNote(*m_detail, l), QString::number(wanted),
                      l.shortQuantity ? QString::number(l.shortQuantity) : QString(),
                      slotsText(*m_detail, l), l.barcode, l.title});
        item->setData(0, kIdRole, l.id);
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(5, Qt::AlignRight | Qt::AlignVCenter);
        QFont bold = item->font(1);
        bold.setBold(true);
        item->setFont(1, bold);
        item->setFont(3, bold); // a kit's part: "for GIFT-01"
        if (l.shortQuantity > 0)
            item->setForeground(5, QColor(0xa4, 0x0e, 0x26));
        if (wanted == 0)
            for (int c = 0; c < m_lines->columnCount(); ++c)
                item->setForeground(c, QColor(0x8c, 0x95, 0x9f));
    }
    fitColumns(m_orders);
    fitColumns(m_lines);
    if (m_lines->topLevelItemCount() > 0)
        m_lines->setCurrentItem(
            m_lines->topLevelItem(std::clamp(keepLine, 0, m_lines->topLevelItemCount() - 1)));
    updateButtons();
}

void PickListsScreen::updateButtons()
{
    const bool open = m_detail && m_detail->summary.status == models::PickListStatus::Open;
    bool lineWanted = false;
    if (open && m_lines->currentItem()) {
        const int index = m_lines->indexOfTopLevelItem(m_lines->currentItem());
        lineWanted = index >= 0 && index < m_detail->lines.size() &&
                     stillWanted(*m_detail, m_detail->lines.at(index)) > 0;
    }
    const bool printable = m_detail && m_detail->summary.orders > 0;
    m_print->setEnabled(printable);
    m_savePdf->setEnabled(printable);
    m_markShort->setEnabled(lineWanted);
    m_markPicked->setEnabled(open && m_detail->summary.orders > 0);
    m_cancelList->setEnabled(open);
}

void PickListsScreen::create(PickListKind kind)
{
    createOrders(waveOrderIds(), kind);
}

void PickListsScreen::createOrders(const QList<qint64> &ids, PickListKind kind)
{
    if (!m_source || ids.isEmpty())
        return;
    models::Result<QList<models::PickListSummary>> created =
        m_source->create({currentLocationId(), ids, kind});
    if (!created.ok()) {
        setMessage(created.error(), true);
        return;
    }
    const QList<models::PickListSummary> &lists = created.value();
    QString message;
    if (lists.size() == 1)
        message = tr("Created %1: %2, %3 lines, %4 units")
                      .arg(lists.first().code, ordersText(lists.first().orders))
                      .arg(lists.first().lines)
                      .arg(lists.first().units);
    else
        message = tr("Created %1 single-order lists, %2 to %3")
                      .arg(lists.size())
                      .arg(lists.first().code, lists.last().code);
    m_selection.subtract(QSet<qint64>(ids.cbegin(), ids.cend()));
    refresh();
    loadLists(lists.first().id);
    setMessage(message, false);
    emit listsChanged();
}

QString PickListsScreen::createFromOrders(const QList<qint64> &orderIds)
{
    if (!m_source) {
        setMessage(tr("No pick lists: no database is open."), true);
        return actionMessage();
    }
    if (orderIds.isEmpty())
        return actionMessage();
    m_selection = QSet<qint64>(orderIds.cbegin(), orderIds.cend());
    // The location most of the selected orders are ready at.
    refresh();
    qint64 best = 0;
    qsizetype bestCount = 0;
    for (const models::PickLocation &l : std::as_const(m_locations)) {
        if (l.readyOrders == 0)
            continue;
        models::Result<models::ReadyOrders> ready = m_source->readyOrders(l.id);
        if (!ready.ok())
            continue;
        const qsizetype n = std::count_if(ready->orders.cbegin(), ready->orders.cend(),
                                          [this](const models::WaveCandidate &c) {
                                              return m_selection.contains(c.priority.orderId);
                                          });
        if (n > bestCount) {
            bestCount = n;
            best = l.id;
        }
    }
    m_loading = true;
    if (const int at = m_location->findData(best); best > 0 && at >= 0)
        m_location->setCurrentIndex(at);
    m_wave->setCurrentIndex(m_wave->findData(int(WaveKind::Selection)));
    m_loading = false;
    loadLocation();
    // Storage takes all of them or, naming those not ready here, none.
    QList<qint64> ids = waveOrderIds(); // the ready ones, in priority order
    for (qint64 id : orderIds)
        if (!ids.contains(id))
            ids.append(id);
    createOrders(ids, ids.size() == 1 ? PickListKind::Single : PickListKind::Batch);
    return actionMessage();
}

void PickListsScreen::markShort()
{
    if (!m_detail || !m_markShort->isEnabled() || !m_lines->currentItem())
        return;
    const int index = m_lines->indexOfTopLevelItem(m_lines->currentItem());
    const models::PickLine line = m_detail->lines.at(index);
    const int wanted = stillWanted(*m_detail, line);
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("pickShortDialog"));
    dialog.setWindowTitle(tr("Mark line short"));
    dialog.setLabelText(
        tr("How many units of %1 are missing from %2? %3 to pick.\n"
           "The orders with the latest priority go without; stock on hand comes down.")
            .arg(line.sku,
                 line.binCode.isEmpty() ? tr("the location") : tr("bin %1").arg(line.binCode))
            .arg(wanted) +
        (kitNote(*m_detail, line).isEmpty()
             ? QString()
             : tr("\nThese are a kit's parts (%1): an order that goes without sends none of "
                  "its kit.")
                   .arg(kitNote(*m_detail, line))));
    dialog.setInputMode(QInputDialog::IntInput);
    dialog.setIntRange(1, wanted);
    dialog.setIntValue(1);
    if (dialog.exec() != QDialog::Accepted)
        return;
    models::Result<models::ShortPickOutcome> outcome =
        m_source->markShort(m_detail->summary.id, line.id, dialog.intValue());
    if (!outcome.ok()) {
        setMessage(outcome.error(), true);
        return;
    }
    const qint64 keep = m_detail->summary.id;
    refresh();
    loadLists(keep);
    setMessage(outcome->message, false);
    emit listsChanged();
}

void PickListsScreen::markPicked()
{
    if (!m_detail)
        return;
    const models::PickListSummary s = m_detail->summary;
    if (models::Status st = m_source->markPicked(s.id); !st) {
        setMessage(st.error(), true);
        return;
    }
    refresh();
    setMessage(tr("%1 picked: %2 ready to pack").arg(s.code, ordersText(s.orders)), false);
    emit listsChanged();
}

void PickListsScreen::cancelList()
{
    if (!m_detail)
        return;
    const models::PickListSummary s = m_detail->summary;
    if (models::Status st = m_source->cancel(s.id); !st) {
        setMessage(st.error(), true);
        return;
    }
    refresh();
    setMessage(tr("%1 cancelled: %2 back to ready").arg(s.code, ordersText(s.orders)), false);
    emit listsChanged();
}

bool PickListsScreen::savePdf(const QString &path)
{
    if (!m_detail)
        return false;
    models::Result<printing::Document> document =
        printing::pickListDocument(printing::pickListPrintData(*m_detail), paperForLocale());
    if (!document.ok()) {
        setMessage(document.error(), true);
        return false;
    }
    models::Result<printing::RenderReport> written =
        printing::writePdf(document.value(), path, m_detail->summary.code);
    if (!written.ok()) {
        setMessage(tr("%1: %2").arg(QDir::toNativeSeparators(path), written.error()), true);
        return false;
    }
    setMessage(tr("Saved %1 (%2 pages) to %3")
                   .arg(m_detail->summary.code)
                   .arg(written->pages)
                   .arg(QDir::toNativeSeparators(path)),
               false);
    return true;
}

void PickListsScreen::chooseAndSavePdf()
{
    if (!m_detail)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save pick list as PDF"),
        QDir::home().filePath(m_detail->summary.code + QStringLiteral(".pdf")),
        tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        savePdf(path);
}

void PickListsScreen::print()
{
    if (!m_detail || !m_print->isEnabled())
        return;
    models::Result<printing::Document> document =
        printing::pickListDocument(printing::pickListPrintData(*m_detail), paperForLocale());
    if (!document.ok()) {
        setMessage(document.error(), true);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_detail->summary.code);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(m_detail->summary.code));
    if (dialog.exec() != QDialog::Accepted)
        return;
    models::Result<printing::RenderReport> printed =
        printing::printDocument(document.value(), printer);
    if (!printed.ok())
        setMessage(printed.error(), true);
    else
        setMessage(
            tr("Sent %1 to the printer (%2 pages)").arg(m_detail->summary.code).arg(printed->pages),
            false);
}

} // namespace ui
