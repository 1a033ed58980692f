#include "ui/carriersdialog.h"

#include "models/money.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

namespace ui {

namespace {

const QStringList kLevels = {QStringLiteral("economy"), QStringLiteral("standard"),
                             QStringLiteral("express"), QStringLiteral("next_day")};

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                       QAbstractItemView::AnyKeyPressed);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QString codeFor(const QString &name)
{
    QString code = name.trimmed().toLower();
    code.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    while (code.startsWith(QLatin1Char('_')))
        code.remove(0, 1);
    while (code.endsWith(QLatin1Char('_')))
        code.chop(1);
    return code;
}

QWidget *column(const QString &title, QTableWidget *table, const QList<QPushButton *> &buttons,
                QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(table);
    auto *row = new QHBoxLayout;
    for (QPushButton *b : buttons)
        row->addWidget(b);
    row->addStretch();
    layout->addLayout(row);
    return box;
}

} // namespace

CarriersDialog::CarriersDialog(models::CarrierSetupSource *source, QWidget *parent)
    : QDialog(parent), m_source(source), m_carriers(makeTable({tr("Carrier"), tr("Active")}, this)),
      m_services(makeTable(
          {tr("Service"), tr("Level"), tr("Transit days"), tr("Cut-off"), tr("On")}, this)),
      m_rates(makeTable(
          {tr("Country"), tr("Postcode prefix"), tr("Max weight (g)"), tr("Price"), tr("Currency")},
          this)),
      m_addCarrier(new QPushButton(tr("Add carrier"), this)),
      m_addService(new QPushButton(tr("Add service"), this)),
      m_addRate(new QPushButton(tr("Add rate"), this)),
      m_removeRate(new QPushButton(tr("Remove rate"), this)), m_save(nullptr),
      m_message(new QLabel(this))
{
    setWindowTitle(tr("Carriers and rates"));
    m_carriers->setObjectName(QStringLiteral("carriers"));
    m_services->setObjectName(QStringLiteral("services"));
    m_rates->setObjectName(QStringLiteral("rates"));
    m_addCarrier->setObjectName(QStringLiteral("addCarrier"));
    m_addService->setObjectName(QStringLiteral("addService"));
    m_addRate->setObjectName(QStringLiteral("addRate"));
    m_removeRate->setObjectName(QStringLiteral("removeRate"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_carriers->setColumnWidth(CarrierName, 115);
    m_services->setColumnWidth(ServiceName, 170);
    m_services->setColumnWidth(ServiceLevel, 75);
    m_services->setColumnWidth(ServiceTransit, 95);
    m_rates->setColumnWidth(RateCountry, 65);
    m_rates->setColumnWidth(RatePrefix, 115);
    m_rates->setColumnWidth(RateWeight, 110);
    m_rates->setColumnWidth(RatePrice, 65);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("save"));

    auto *columns = new QHBoxLayout;
    columns->addWidget(column(tr("Carriers"), m_carriers, {m_addCarrier}, this), 2);
    columns->addWidget(column(tr("Services"), m_services, {m_addService}, this), 4);
    columns->addWidget(column(tr("Rate card"), m_rates, {m_addRate, m_removeRate}, this), 4);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1240, 480);

    connect(m_carriers, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_filling)
            fillServices();
    });
    connect(m_services, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_filling)
            fillRates();
    });
    connect(m_rates, &QTableWidget::itemSelectionChanged, this, &CarriersDialog::updateButtons);
    connect(m_carriers, &QTableWidget::itemChanged, this, &CarriersDialog::carrierEdited);
    connect(m_services, &QTableWidget::itemChanged, this, &CarriersDialog::serviceEdited);
    connect(m_rates, &QTableWidget::itemChanged, this, &CarriersDialog::rateEdited);
    connect(m_addCarrier, &QPushButton::clicked, this, &CarriersDialog::addCarrier);
    connect(m_addService, &QPushButton::clicked, this, &CarriersDialog::addService);
    connect(m_addRate, &QPushButton::clicked, this, &CarriersDialog::addRate);
    connect(m_removeRate, &QPushButton::clicked, this, &CarriersDialog::removeRate);
    connect(m_save, &QPushButton::clicked, this, &CarriersDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

QString CarriersDialog::message() const
{
    return m_message->text();
}

void CarriersDialog::setMessage(const QString &text, bool failed)
{
    m_message->setText(text);
    m_message->setStyleSheet(failed ? QStringLiteral("color: #b00020;") : QString());
}

void CarriersDialog::load()
{
    m_drafts.clear();
    if (!m_source) {
        setMessage(tr("No database is open."), true);
        fillCarriers();
        return;
    }
    models::Result<QList<models::CarrierEntry>> carriers = m_source->allCarriers();
    if (!carriers.ok()) {
        setMessage(carriers.error(), true);
        fillCarriers();
        return;
    }
    for (const models::CarrierEntry &e : carriers.value()) {
        CarrierDraft d;
        d.entry = e;
        m_drafts.append(d);
    }
    fillCarriers();
}

bool CarriersDialog::ensureServices(int row)
{
    if (row < 0 || row >= m_drafts.size())
        return false;
    CarrierDraft &d = m_drafts[row];
    if (d.loaded)
        return true;
    d.loaded = true;
    if (!m_source || d.entry.carrier.id == 0)
        return true;
    models::Result<QList<models::CarrierService>> services =
        m_source->servicesOf(d.entry.carrier.id);
    if (!services.ok()) {
        setMessage(services.error(), true);
        return false;
    }
    for (const models::CarrierService &s : services.value()) {
        ServiceDraft sd;
        sd.id = s.id;
        sd.name = s.name;
        sd.level = s.serviceLevel;
        sd.transit = QString::number(s.transitDays);
        sd.cutoff = s.cutoff.toString(QStringLiteral("HH:mm"));
        sd.active = s.active;
        for (const models::ShippingRate &r : s.rates) {
            RateDraft rd;
            rd.country = r.country;
            rd.prefix = r.postcodePrefix;
            rd.weight = r.maxWeightGrams ? QString::number(*r.maxWeightGrams) : QString();
            rd.price = models::Money(r.costMinor, r.currency).toPlainString();
            rd.currency = r.currency;
            rd.fromCountry = r.fromCountry;
            rd.transitDays = r.transitDays == s.transitDays ? -1 : r.transitDays;
            sd.rates.append(rd);
        }
        d.services.append(sd);
    }
    return true;
}

void CarriersDialog::fillCarriers()
{
    m_filling = true;
    m_carriers->setRowCount(static_cast<int>(m_drafts.size()));
    for (int i = 0; i < m_drafts.size(); ++i) {
        const CarrierDraft &d = m_drafts.at(i);
        m_carriers->setItem(i, CarrierName, new QTableWidgetItem(d.entry.carrier.name));
        auto *active = new QTableWidgetItem;
        active->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        active->setCheckState(d.entry.active ? Qt::Checked : Qt::Unchecked);
        m_carriers->setItem(i, CarrierActive, active);
    }
    m_filling = false;
    if (!m_drafts.isEmpty() && m_carriers->currentRow() < 0)
        m_carriers->selectRow(0);
    fillServices();
}

CarriersDialog::CarrierDraft *CarriersDialog::currentCarrier()
{
    const int row = m_carriers->currentRow();
    if (row < 0 || row >= m_drafts.size())
        return nullptr;
    return &m_drafts[row];
}

CarriersDialog::ServiceDraft *CarriersDialog::currentService()
{
    CarrierDraft *c = currentCarrier();
    const int row = m_services->currentRow();
    if (!c || row < 0 || row >= c->services.size())
        return nullptr;
    return &c->services[row];
}

void CarriersDialog::fillServices()
{
    ensureServices(m_carriers->currentRow());
    CarrierDraft *c = currentCarrier();
    m_filling = true;
    m_services->setRowCount(c ? static_cast<int>(c->services.size()) : 0);
    if (c) {
        for (int i = 0; i < c->services.size(); ++i) {
            const ServiceDraft &s = c->services.at(i);
            m_services->setItem(i, ServiceName, new QTableWidgetItem(s.name));
            m_services->setItem(i, ServiceLevel, new QTableWidgetItem(s.level));
            m_services->setItem(i, ServiceTransit, new QTableWidgetItem(s.transit));
            m_services->setItem(i, ServiceCutoff, new QTableWidgetItem(s.cutoff));
            auto *active = new QTableWidgetItem;
            active->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            active->setCheckState(s.active ? Qt::Checked : Qt::Unchecked);
            active->setToolTip(tr("Switched off, the service is never suggested; its past "
                                  "shipments keep its name"));
            m_services->setItem(i, ServiceActive, active);
        }
    }
    m_filling = false;
    if (m_services->rowCount() > 0)
        m_services->selectRow(0);
    fillRates();
}

void CarriersDialog::fillRates()
{
    ServiceDraft *s = currentService();
    m_filling = true;
    m_rates->setRowCount(s ? static_cast<int>(s->rates.size()) : 0);
    if (s) {
        for (int i = 0; i < s->rates.size(); ++i) {
            const RateDraft &r = s->rates.at(i);
            m_rates->setItem(i, RateCountry, new QTableWidgetItem(r.country));
            m_rates->setItem(i, RatePrefix, new QTableWidgetItem(r.prefix));
            m_rates->setItem(i, RateWeight, new QTableWidgetItem(r.weight));
            m_rates->setItem(i, RatePrice, new QTableWidgetItem(r.price));
            m_rates->setItem(i, RateCurrency, new QTableWidgetItem(r.currency));
        }
    }
    m_filling = false;
    updateButtons();
}

void CarriersDialog::updateButtons()
{
    m_addService->setEnabled(currentCarrier() != nullptr);
    m_addRate->setEnabled(currentService() != nullptr);
    m_removeRate->setEnabled(currentService() && m_rates->currentRow() >= 0 &&
                             !m_rates->selectedItems().isEmpty());
    m_save->setEnabled(m_source != nullptr);
}

void CarriersDialog::carrierEdited(QTableWidgetItem *item)
{
    if (m_filling || item->row() >= m_drafts.size())
        return;
    CarrierDraft &d = m_drafts[item->row()];
    if (item->column() == CarrierName)
        d.entry.carrier.name = item->text().trimmed();
    else
        d.entry.active = item->checkState() == Qt::Checked;
    d.dirty = true;
}

void CarriersDialog::serviceEdited(QTableWidgetItem *item)
{
    CarrierDraft *c = currentCarrier();
    if (m_filling || !c || item->row() >= c->services.size())
        return;
    ServiceDraft &s = c->services[item->row()];
    const QString text = item->text().trimmed();
    switch (item->column()) {
    case ServiceName:
        s.name = text;
        break;
    case ServiceLevel:
        s.level = text;
        break;
    case ServiceTransit:
        s.transit = text;
        break;
    case ServiceActive:
        s.active = item->checkState() == Qt::Checked;
        break;
    default:
        s.cutoff = text;
        break;
    }
    s.dirty = true;
}

void CarriersDialog::rateEdited(QTableWidgetItem *item)
{
    ServiceDraft *s = currentService();
    if (m_filling || !s || item->row() >= s->rates.size())
        return;
    RateDraft &r = s->rates[item->row()];
    const QString text = item->text().trimmed();
    switch (item->column()) {
    case RateCountry:
        r.country = text.toUpper();
        break;
    case RatePrefix:
        r.prefix = text.toUpper();
        break;
    case RateWeight:
        r.weight = text;
        break;
    case RatePrice:
        r.price = text;
        break;
    default:
        r.currency = text.toUpper();
        break;
    }
    s->dirty = true;
    if (item->column() == RateCountry || item->column() == RatePrefix ||
        item->column() == RateCurrency) {
        // Codes read in capitals, as they are stored.
        m_filling = true;
        item->setText(item->text().trimmed().toUpper());
        m_filling = false;
    }
}

void CarriersDialog::addCarrier()
{
    CarrierDraft d;
    d.loaded = true;
    d.dirty = true;
    m_drafts.append(d);
    fillCarriers();
    const int row = static_cast<int>(m_drafts.size()) - 1;
    m_carriers->setCurrentCell(row, CarrierName);
    m_carriers->editItem(m_carriers->item(row, CarrierName));
}

void CarriersDialog::addService()
{
    CarrierDraft *c = currentCarrier();
    if (!c)
        return;
    ServiceDraft s;
    s.dirty = true;
    c->services.append(s);
    const int row = static_cast<int>(c->services.size()) - 1;
    fillServices();
    m_services->setCurrentCell(row, ServiceName);
    fillRates();
    m_services->editItem(m_services->item(row, ServiceName));
}

void CarriersDialog::addRate()
{
    ServiceDraft *s = currentService();
    if (!s)
        return;
    RateDraft r;
    r.country = s->rates.isEmpty() ? QStringLiteral("GB") : s->rates.last().country;
    r.currency = s->rates.isEmpty() ? QStringLiteral("GBP") : s->rates.last().currency;
    r.fromCountry = s->rates.isEmpty() ? QString() : s->rates.last().fromCountry;
    s->rates.append(r);
    s->dirty = true;
    const int row = static_cast<int>(s->rates.size()) - 1;
    fillRates();
    m_rates->setCurrentCell(row, RateWeight);
    m_rates->editItem(m_rates->item(row, RateWeight));
}

void CarriersDialog::removeRate()
{
    ServiceDraft *s = currentService();
    const int row = m_rates->currentRow();
    if (!s || row < 0 || row >= s->rates.size())
        return;
    s->rates.removeAt(row);
    s->dirty = true;
    fillRates();
}

// The first thing wrong, naming the carrier, the service and the row.
QString CarriersDialog::problem() const
{
    QSet<QString> names;
    for (int ci = 0; ci < m_drafts.size(); ++ci) {
        const CarrierDraft &c = m_drafts.at(ci);
        const QString carrier = c.entry.carrier.name;
        if (carrier.isEmpty())
            return tr("Carrier %1 needs a name.").arg(ci + 1);
        if (names.contains(carrier.toLower()))
            return tr("Carrier %1: there is already a carrier called %2.").arg(ci + 1).arg(carrier);
        names.insert(carrier.toLower());
        QSet<QString> serviceNames;
        for (int si = 0; si < c.services.size(); ++si) {
            const ServiceDraft &s = c.services.at(si);
            const QString where = tr("%1, service %2").arg(carrier).arg(si + 1);
            if (s.name.isEmpty())
                return tr("%1 needs a name.").arg(where);
            if (serviceNames.contains(s.name.toLower()))
                return tr("%1: %2 is listed twice.").arg(where, s.name);
            serviceNames.insert(s.name.toLower());
            const QString named = tr("%1, %2").arg(carrier, s.name);
            if (!kLevels.contains(s.level))
                return tr("%1: the level \"%2\" is not one of %3.")
                    .arg(named, s.level, kLevels.join(QStringLiteral(", ")));
            bool ok = false;
            const int transit = s.transit.toInt(&ok);
            if (!ok || transit < 0)
                return tr("%1: transit days \"%2\" is not a whole number of 0 or more.")
                    .arg(named, s.transit);
            if (!QTime::fromString(s.cutoff, QStringLiteral("HH:mm")).isValid())
                return tr("%1: the cut-off \"%2\" is not a time like 16:00.").arg(named, s.cutoff);
            QSet<QString> bands;
            for (int ri = 0; ri < s.rates.size(); ++ri) {
                const RateDraft &r = s.rates.at(ri);
                const QString rate = tr("%1, rate %2").arg(named).arg(ri + 1);
                if (!r.country.isEmpty() && r.country.size() != 2)
                    return tr("%1: the country \"%2\" is not a two-letter code.")
                        .arg(rate, r.country);
                if (!r.weight.isEmpty()) {
                    const int grams = r.weight.toInt(&ok);
                    if (!ok || grams <= 0)
                        return tr("%1: the max weight \"%2\" is not a number of grams above 0.")
                            .arg(rate, r.weight);
                }
                if (r.currency.size() != 3)
                    return tr("%1: the currency \"%2\" is not a three-letter code.")
                        .arg(rate, r.currency);
                if (r.price.isEmpty())
                    return tr("%1 needs a price.").arg(rate);
                const models::Result<models::Money> price =
                    models::Money::parse(r.price, r.currency);
                if (!price.ok())
                    return tr("%1: the price \"%2\" is not an amount.").arg(rate, r.price);
                if (price.value().isNegative())
                    return tr("%1: the price %2 is negative.").arg(rate, r.price);
                const QString band = r.fromCountry + QLatin1Char('|') + r.country +
                                     QLatin1Char('|') + r.prefix + QLatin1Char('|') +
                                     QString::number(r.weight.isEmpty() ? 0 : r.weight.toInt());
                if (bands.contains(band))
                    return tr("%1: the same band (%2%3, %4) is already on the card.")
                        .arg(rate, r.country.isEmpty() ? tr("anywhere") : r.country,
                             r.prefix.isEmpty() ? QString() : QLatin1Char(' ') + r.prefix,
                             r.weight.isEmpty() ? tr("any weight")
                                                : r.weight + QStringLiteral(" g"));
                bands.insert(band);
            }
        }
    }
    return {};
}

void CarriersDialog::save()
{
    if (!m_source)
        return;
    if (const QString why = problem(); !why.isEmpty()) {
        setMessage(tr("Not saved. %1").arg(why), true);
        return;
    }
    int savedCount = 0;
    for (CarrierDraft &c : m_drafts) {
        if (c.dirty) {
            if (c.entry.carrier.code.isEmpty())
                c.entry.carrier.code = codeFor(c.entry.carrier.name);
            models::Result<qint64> id = m_source->saveCarrier(c.entry);
            if (!id.ok()) {
                setMessage(tr("Not saved. %1").arg(id.error()), true);
                return;
            }
            c.entry.carrier.id = id.value();
            c.dirty = false;
            ++savedCount;
        }
        for (ServiceDraft &s : c.services) {
            if (!s.dirty)
                continue;
            models::CarrierService service;
            service.id = s.id;
            service.carrierId = c.entry.carrier.id;
            service.carrierName = c.entry.carrier.name;
            service.name = s.name;
            service.serviceLevel = s.level;
            service.transitDays = s.transit.toInt();
            service.cutoff = QTime::fromString(s.cutoff, QStringLiteral("HH:mm"));
            service.active = s.active;
            for (const RateDraft &r : s.rates) {
                models::ShippingRate rate;
                rate.fromCountry = r.fromCountry;
                rate.country = r.country;
                rate.postcodePrefix = r.prefix;
                if (!r.weight.isEmpty())
                    rate.maxWeightGrams = r.weight.toInt();
                const models::Money price = models::Money::parse(r.price, r.currency).value();
                rate.costMinor = price.minorUnits();
                rate.currency = r.currency;
                rate.transitDays = r.transitDays < 0 ? service.transitDays : r.transitDays;
                service.rates.append(rate);
            }
            models::Result<qint64> id = m_source->saveService(service);
            if (!id.ok()) {
                setMessage(tr("Not saved. %1").arg(id.error()), true);
                return;
            }
            s.id = id.value();
            s.dirty = false;
            ++savedCount;
        }
    }
    setMessage(savedCount == 0 ? tr("Nothing changed.") : tr("Saved."), false);
    emit saved();
}

} // namespace ui
