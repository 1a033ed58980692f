#include "ui/shippingscreen.h"

#include "models/trackingnumber.h"
#include "ui/carriersdialog.h"
#include "ui/screenheader.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum WaitingColumn
{
    OrderColumn,
    ChannelColumn,
    ShipToColumn,
    ItemsColumn,
    WeightColumn,
    ShipByColumn,
    ServiceColumn,
    PriceColumn,
    WaitingColumns
};

enum ParcelColumn
{
    ParcelWeight,
    ParcelLength,
    ParcelWidth,
    ParcelHeight,
    ParcelTracking,
    ParcelColumns
};

QString dayText(const QDate &d)
{
    return d.isValid() ? QLocale().toString(d, QStringLiteral("ddd d MMM")) : QString();
}

QTableWidgetItem *readOnly(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

models::ParcelToRate parcelFor(const models::OrderToShip &o, int grams, const QDateTime &now)
{
    models::ParcelToRate p;
    p.fromCountry = o.fromCountry;
    p.country = o.country;
    p.postcode = o.postcode;
    p.weightGrams = grams;
    p.shipBy = o.shipBy;
    p.deliverBy = o.deliverBy;
    p.now = now;
    return p;
}

// Packaging adds a little to what the products weigh.
constexpr int kPackagingGrams = 150;

} // namespace

ShippingScreen::ShippingScreen(models::ShippingSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_now([] { return QDateTime::currentDateTime(); }),
      m_header(new ScreenHeader(tr("Shipping"), this)), m_waiting(new QTableWidget(this)),
      m_orderTitle(new QLabel(this)), m_service(new QComboBox(this)), m_why(new QLabel(this)),
      m_parcels(new QTableWidget(this)), m_scan(new QLineEdit(this)),
      m_addParcel(new QPushButton(tr("Add parcel"), this)),
      m_removeParcel(new QPushButton(tr("Remove parcel"), this)),
      m_ship(new QPushButton(tr("Mark shipped  (Ctrl+Return)"), this)), m_message(new QLabel(this)),
      m_todayTitle(new QLabel(this)), m_today(new QTableWidget(this))
{
    m_waiting->setObjectName(QStringLiteral("waitingOrders"));
    m_service->setObjectName(QStringLiteral("service"));
    m_why->setObjectName(QStringLiteral("serviceReason"));
    m_parcels->setObjectName(QStringLiteral("parcels"));
    m_scan->setObjectName(QStringLiteral("scan"));
    m_ship->setObjectName(QStringLiteral("markShipped"));
    m_message->setObjectName(QStringLiteral("message"));
    m_today->setObjectName(QStringLiteral("shippedToday"));

    m_waiting->setColumnCount(WaitingColumns);
    m_waiting->setHorizontalHeaderLabels({tr("Order"), tr("Channel"), tr("Ship to"), tr("Items"),
                                          tr("Weight"), tr("Ship by"), tr("Suggested service"),
                                          tr("Price")});
    m_waiting->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_waiting->setSelectionMode(QAbstractItemView::SingleSelection);
    m_waiting->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_waiting->verticalHeader()->hide();
    m_waiting->verticalHeader()->setDefaultSectionSize(24);
    m_waiting->setWordWrap(false);
    m_waiting->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_waiting->horizontalHeader()->setStretchLastSection(true);

    m_parcels->setColumnCount(ParcelColumns);
    m_parcels->setHorizontalHeaderLabels(
        {tr("Weight (g)"), tr("Length (mm)"), tr("Width (mm)"), tr("Height (mm)"), tr("Tracking")});
    m_parcels->verticalHeader()->setDefaultSectionSize(24);
    m_parcels->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_parcels->horizontalHeader()->setSectionResizeMode(ParcelTracking, QHeaderView::Stretch);
    m_parcels->setMinimumHeight(90);
    m_parcels->setMaximumHeight(150);

    m_today->setColumnCount(5);
    m_today->setHorizontalHeaderLabels(
        {tr("Time"), tr("Order"), tr("Service"), tr("Parcels"), tr("Tracking")});
    m_today->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_today->verticalHeader()->hide();
    m_today->verticalHeader()->setDefaultSectionSize(24);
    m_today->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_today->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);

    m_scan->setPlaceholderText(
        tr("Scan a tracking number (or an order number to choose that order), then Enter"));
    m_scan->setClearButtonEnabled(true);
    m_why->setWordWrap(true);
    m_orderTitle->setWordWrap(true);
    m_service->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_service->setMinimumContentsLength(24);
    m_why->setStyleSheet(QStringLiteral("color: #444;"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for a two- or three-line outcome without the layout squeezing it.
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 3 + 4);
    QFont title = m_orderTitle->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_orderTitle->setFont(title);
    QFont todayFont = m_todayTitle->font();
    todayFont.setBold(true);
    m_todayTitle->setFont(todayFont);
    m_ship->setDefault(false);

    // The bench, right of the queue.
    auto *bench = new QWidget(this);
    auto *benchLayout = new QVBoxLayout(bench);
    benchLayout->setContentsMargins(12, 0, 0, 0);
    benchLayout->addWidget(m_orderTitle);
    auto *serviceRow = new QHBoxLayout;
    serviceRow->addWidget(new QLabel(tr("Service:"), bench));
    serviceRow->addWidget(m_service, 1);
    benchLayout->addLayout(serviceRow);
    benchLayout->addWidget(m_why);
    benchLayout->addWidget(new QLabel(tr("Parcels"), bench));
    benchLayout->addWidget(m_parcels);
    auto *parcelButtons = new QHBoxLayout;
    parcelButtons->addWidget(m_addParcel);
    parcelButtons->addWidget(m_removeParcel);
    parcelButtons->addStretch(1);
    benchLayout->addLayout(parcelButtons);
    benchLayout->addWidget(m_scan);
    benchLayout->addWidget(m_ship);
    benchLayout->addWidget(m_message);
    benchLayout->addStretch(1);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_waiting);
    top->addWidget(bench);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setSizes({840, 440});

    auto *carriers = new QPushButton(tr("Carriers and rates…  (Ctrl+Shift+C)"), this);
    carriers->setObjectName(QStringLiteral("carriersAndRates"));
    carriers->setEnabled(m_source && m_source->carrierSetup());
    connect(carriers, &QPushButton::clicked, this, &ShippingScreen::editCarriers);
    auto *carriersKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this);
    carriersKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(carriersKey, &QShortcut::activated, this, &ShippingScreen::editCarriers);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(carriers, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(headerRow);
    layout->addWidget(top, 3);
    layout->addWidget(m_todayTitle);
    layout->addWidget(m_today, 1);

    connect(m_waiting, &QTableWidget::itemSelectionChanged, this, &ShippingScreen::chooseOrder);
    // Choosing an order with the mouse hands the keyboard back to the scanner.
    connect(m_waiting, &QTableWidget::cellClicked, m_scan, [this] { m_scan->setFocus(); });
    connect(m_service, &QComboBox::currentIndexChanged, this, &ShippingScreen::serviceChosen);
    connect(m_addParcel, &QPushButton::clicked, this, [this] { addParcel(0); });
    connect(m_removeParcel, &QPushButton::clicked, this, &ShippingScreen::removeParcel);
    connect(m_scan, &QLineEdit::returnPressed, this, &ShippingScreen::scanned);
    connect(m_ship, &QPushButton::clicked, this, &ShippingScreen::markShipped);
    connect(m_parcels, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == ParcelWeight)
            fillServices();
        updateButtons();
    });
    for (const QKeySequence &keys :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ShippingScreen::markShipped);
    }
    setFocusProxy(m_scan);
    refresh();
}

void ShippingScreen::editCarriers()
{
    if (!m_source || !m_source->carrierSetup())
        return;
    auto *dialog = new CarriersDialog(m_source->carrierSetup(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CarriersDialog::saved, this, &ShippingScreen::refresh);
    dialog->open();
}

void ShippingScreen::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    refresh();
}

void ShippingScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

QString ShippingScreen::message() const
{
    return m_message->text();
}

int ShippingScreen::waitingCount() const
{
    return static_cast<int>(m_orders.size());
}

const models::OrderToShip *ShippingScreen::currentOrder() const
{
    const int row = m_waiting->currentRow();
    if (row < 0 || row >= m_orders.size() || m_waiting->selectedItems().isEmpty())
        return nullptr;
    return &m_orders.at(row);
}

qint64 ShippingScreen::currentOrderId() const
{
    const models::OrderToShip *o = currentOrder();
    return o ? o->orderId : 0;
}

void ShippingScreen::refresh()
{
    const qint64 keep = currentOrderId();
    m_orders.clear();
    if (!m_source) {
        m_header->setSummary(QString());
        m_header->setError(tr("Nothing to ship: no database is open."));
        m_waiting->setRowCount(0);
        m_today->setRowCount(0);
        m_todayTitle->setText(tr("Shipped today"));
        m_orderTitle->setText(tr("No database is open"));
        updateButtons();
        return;
    }
    QString error;
    if (auto services = m_source->services(); services.ok())
        m_services = services.value();
    else
        error = services.error();
    if (auto carriers = m_source->carriers(); carriers.ok())
        m_carriers = carriers.value();
    else
        error = carriers.error();
    if (auto orders = m_source->ordersToShip(); orders.ok())
        m_orders = orders.value();
    else
        error = orders.error();
    m_header->setError(error);

    const QSignalBlocker block(m_waiting);
    m_waiting->setRowCount(static_cast<int>(m_orders.size()));
    const QDateTime now = m_now();
    int keepRow = -1;
    for (int row = 0; row < m_orders.size(); ++row) {
        const models::OrderToShip &o = m_orders.at(row);
        if (o.orderId == keep)
            keepRow = row;
        const models::ServiceChoice c = models::ServiceChooser::choose(
            parcelFor(o, o.weightGrams + kPackagingGrams, now), m_services);
        m_waiting->setItem(row, OrderColumn, readOnly(o.orderNumber));
        m_waiting->setItem(row, ChannelColumn, readOnly(o.channel));
        m_waiting->setItem(
            row, ShipToColumn,
            readOnly(QStringLiteral("%1, %2 %3").arg(o.shipName, o.postcode, o.country)));
        m_waiting->setItem(row, ItemsColumn, readOnly(QString::number(o.items)));
        m_waiting->setItem(row, WeightColumn,
                           readOnly(models::weightText(o.weightGrams + kPackagingGrams)));
        auto *shipBy = readOnly(dayText(o.shipBy));
        if (o.shipBy.isValid() && o.shipBy < now.date())
            shipBy->setForeground(QColor(0xb0, 0x1c, 0x1c));
        m_waiting->setItem(row, ShipByColumn, shipBy);
        m_waiting->setItem(row, ServiceColumn,
                           readOnly(c.chosen ? c.chosen->serviceName : tr("No rate")));
        m_waiting->setItem(row, PriceColumn,
                           readOnly(c.chosen ? c.chosen->cost.toDisplayString() : QString()));
        if (!c.chosen)
            m_waiting->item(row, ServiceColumn)->setForeground(QColor(0xb0, 0x1c, 0x1c));
        m_waiting->item(row, ServiceColumn)->setToolTip(c.explanation);
    }
    m_header->setSummary(m_orders.size() == 1
                             ? tr("1 packed order waiting")
                             : tr("%1 packed orders waiting").arg(m_orders.size()));
    if (keepRow < 0 && !m_orders.isEmpty())
        keepRow = 0;
    if (keepRow >= 0)
        m_waiting->selectRow(keepRow);
    else
        m_waiting->clearSelection();
    chooseOrder();
    loadShippedToday();
}

void ShippingScreen::loadShippedToday()
{
    if (!m_source)
        return;
    const QDateTime startOfDay(m_now().date(), QTime(0, 0));
    auto shipped = m_source->shippedSince(startOfDay.toUTC());
    if (!shipped.ok()) {
        m_header->setError(shipped.error());
        return;
    }
    const QList<models::ShippedShipment> &list = shipped.value();
    m_today->setRowCount(static_cast<int>(list.size()));
    int parcels = 0;
    for (int row = 0; row < list.size(); ++row) {
        const models::ShippedShipment &s = list.at(row);
        parcels += s.parcels;
        m_today->setItem(
            row, 0,
            readOnly(QLocale().toString(s.atUtc.toLocalTime().time(), QStringLiteral("HH:mm"))));
        m_today->setItem(row, 1, readOnly(s.orderNumber));
        m_today->setItem(row, 2, readOnly(s.service));
        m_today->setItem(row, 3, readOnly(QString::number(s.parcels)));
        m_today->setItem(row, 4, readOnly(s.tracking));
    }
    const QString orders = list.size() == 1 ? tr("1 order") : tr("%1 orders").arg(list.size());
    const QString parcelCount = parcels == 1 ? tr("1 parcel") : tr("%1 parcels").arg(parcels);
    m_todayTitle->setText(list.isEmpty() ? tr("Shipped today: nothing yet")
                                         : tr("Shipped today: %1, %2").arg(orders, parcelCount));
}

void ShippingScreen::chooseOrder()
{
    const models::OrderToShip *o = currentOrder();
    {
        const QSignalBlocker block(m_parcels);
        m_parcels->setRowCount(0);
    }
    if (!o) {
        if (m_source)
            m_orderTitle->setText(m_orders.isEmpty() ? tr("Nothing packed is waiting to ship")
                                                     : tr("Choose an order"));
        m_service->clear();
        m_why->clear();
        updateButtons();
        return;
    }
    m_orderTitle->setText(tr("%1 to %2, %3 %4 (%5 from %6)")
                              .arg(o->orderNumber, o->shipName, o->postcode, o->country)
                              .arg(o->items == 1 ? tr("1 item") : tr("%1 items").arg(o->items))
                              .arg(o->locationCode));
    {
        const QSignalBlocker block(m_service);
        m_service->clear();
    }
    addParcel(o->weightGrams + kPackagingGrams);
    fillServices();
    m_scan->setFocus();
}

void ShippingScreen::fillServices()
{
    const models::OrderToShip *o = currentOrder();
    const QSignalBlocker block(m_service);
    const qint64 chosenBefore = m_service->currentData().toLongLong();
    m_service->clear();
    if (!o) {
        m_why->clear();
        return;
    }
    QString problem;
    const QList<models::Parcel> list = parcels(&problem);
    int heaviest = 0;
    QList<int> weights;
    for (const models::Parcel &p : list) {
        heaviest = std::max(heaviest, p.weightGrams);
        weights.append(p.weightGrams);
    }
    const models::ParcelToRate parcel = parcelFor(*o, heaviest, m_now());
    m_choice = models::ServiceChooser::choose(parcel, m_services);
    for (const models::ServiceQuote &q : std::as_const(m_choice.quotes)) {
        const auto service = std::find_if(m_services.cbegin(), m_services.cend(),
                                          [&](const auto &s) { return s.id == q.serviceId; });
        const std::optional<models::Money> cost =
            service != m_services.cend() ? models::ServiceChooser::costOf(*service, parcel, weights)
                                         : std::nullopt;
        m_service->addItem(tr("%1 — %2, arrives %3%4")
                               .arg(q.serviceName,
                                    cost ? cost->toDisplayString() : q.cost.toDisplayString(),
                                    dayText(q.arrives), q.meetsPromise ? QString() : tr(" (late)")),
                           q.serviceId);
        m_service->setItemData(m_service->count() - 1,
                               QVariant::fromValue(cost ? cost->minorUnits() : q.cost.minorUnits()),
                               Qt::UserRole + 1);
        m_service->setItemData(m_service->count() - 1, q.cost.currency(), Qt::UserRole + 2);
    }
    int index = -1;
    if (chosenBefore != 0)
        index = m_service->findData(chosenBefore);
    if (index < 0 && m_choice.chosen)
        index = m_service->findData(m_choice.chosen->serviceId);
    m_service->setCurrentIndex(index);
    m_why->setText(m_choice.explanation);
    updateButtons();
}

void ShippingScreen::serviceChosen()
{
    updateButtons();
}

void ShippingScreen::addParcel(int grams, const QString &tracking)
{
    const QSignalBlocker block(m_parcels);
    const int row = m_parcels->rowCount();
    m_parcels->insertRow(row);
    m_parcels->setItem(row, ParcelWeight,
                       new QTableWidgetItem(grams > 0 ? QString::number(grams) : QString()));
    m_parcels->setItem(row, ParcelLength, new QTableWidgetItem(QStringLiteral("300")));
    m_parcels->setItem(row, ParcelWidth, new QTableWidgetItem(QStringLiteral("220")));
    m_parcels->setItem(row, ParcelHeight, new QTableWidgetItem(QStringLiteral("150")));
    m_parcels->setItem(row, ParcelTracking, new QTableWidgetItem(tracking));
    updateButtons();
}

void ShippingScreen::removeParcel()
{
    if (m_parcels->rowCount() <= 1)
        return;
    const int row =
        m_parcels->currentRow() >= 0 ? m_parcels->currentRow() : m_parcels->rowCount() - 1;
    m_parcels->removeRow(row);
    fillServices();
}

QList<models::Parcel> ShippingScreen::parcels(QString *problem) const
{
    QList<models::Parcel> out;
    auto number = [this](int row, int column) {
        const QTableWidgetItem *item = m_parcels->item(row, column);
        return item ? item->text().trimmed().toInt() : 0;
    };
    for (int row = 0; row < m_parcels->rowCount(); ++row) {
        models::Parcel p;
        p.weightGrams = number(row, ParcelWeight);
        p.lengthMm = number(row, ParcelLength);
        p.widthMm = number(row, ParcelWidth);
        p.heightMm = number(row, ParcelHeight);
        const QTableWidgetItem *t = m_parcels->item(row, ParcelTracking);
        p.trackingNumber = t ? models::TrackingNumber::normalised(t->text()) : QString();
        if (p.weightGrams <= 0 && problem && problem->isEmpty())
            *problem = tr("Parcel %1: enter its weight in grams.").arg(row + 1);
        out.append(p);
    }
    return out;
}

void ShippingScreen::scanned()
{
    const QString code = models::TrackingNumber::normalised(m_scan->text());
    m_scan->clear();
    if (code.isEmpty())
        return;
    // An order number (from the packing slip) chooses that order.
    for (int row = 0; row < m_orders.size(); ++row) {
        const QString number = m_orders.at(row).orderNumber.toUpper();
        if (number == code || number == u'#' + code) {
            m_waiting->selectRow(row);
            setMessage(tr("%1 chosen: scan its tracking number.").arg(m_orders.at(row).orderNumber),
                       false);
            return;
        }
    }
    const models::OrderToShip *o = currentOrder();
    if (!o) {
        setMessage(tr("%1 is not a packed order waiting here; choose an order first.").arg(code),
                   true);
        return;
    }
    // The number must fit the chosen service's carrier.
    const qint64 serviceId = m_service->currentData().toLongLong();
    for (const models::CarrierService &s : std::as_const(m_services)) {
        if (s.id != serviceId)
            continue;
        for (const models::Carrier &c : std::as_const(m_carriers))
            if (c.id == s.carrierId)
                if (models::Status ok = models::TrackingNumber::check(c, code); !ok) {
                    setMessage(ok.error(), true);
                    return;
                }
    }
    int row = 0;
    while (row < m_parcels->rowCount() && m_parcels->item(row, ParcelTracking) &&
           !m_parcels->item(row, ParcelTracking)->text().trimmed().isEmpty())
        ++row;
    if (row == m_parcels->rowCount())
        addParcel(0);
    m_parcels->item(row, ParcelTracking)->setText(code);
    setMessage(tr("Parcel %1: tracking %2. Ctrl+Return marks %3 shipped.")
                   .arg(row + 1)
                   .arg(code, o->orderNumber),
               false);
}

void ShippingScreen::markShipped()
{
    const models::OrderToShip *o = currentOrder();
    if (!m_source || !o) {
        setMessage(tr("Choose a packed order first."), true);
        return;
    }
    if (m_service->currentIndex() < 0) {
        setMessage(tr("%1: choose a service; no service has a rate for it.").arg(o->orderNumber),
                   true);
        return;
    }
    QString problem;
    models::ShipmentToMake s;
    s.orderId = o->orderId;
    s.serviceId = m_service->currentData().toLongLong();
    s.parcels = parcels(&problem);
    if (!problem.isEmpty()) {
        setMessage(problem, true);
        return;
    }
    s.cost = models::Money(m_service->currentData(Qt::UserRole + 1).toLongLong(),
                           m_service->currentData(Qt::UserRole + 2).toString());
    const models::Result<QString> shipped = m_source->ship(s);
    if (!shipped.ok()) {
        setMessage(shipped.error(), true);
        refresh(); // the order may have shipped from another window
        return;
    }
    const int row = m_waiting->currentRow();
    const QString text = shipped.value();
    refresh();
    if (!m_orders.isEmpty())
        m_waiting->selectRow(std::min(row, static_cast<int>(m_orders.size()) - 1));
    setMessage(text, false);
    m_scan->setFocus();
}

void ShippingScreen::setMessage(const QString &text, bool failed)
{
    m_message->setText(text);
    m_message->setStyleSheet(failed ? QStringLiteral("color: #b01c1c; font-weight: bold;")
                                    : QStringLiteral("color: #1d6b2f; font-weight: bold;"));
}

void ShippingScreen::updateButtons()
{
    const bool order = currentOrder() != nullptr;
    m_service->setEnabled(order);
    m_parcels->setEnabled(order);
    m_scan->setEnabled(m_source != nullptr);
    m_addParcel->setEnabled(order);
    m_removeParcel->setEnabled(order && m_parcels->rowCount() > 1);
    m_ship->setEnabled(order && m_service->currentIndex() >= 0);
}

} // namespace ui
