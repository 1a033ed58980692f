#include "ui/settingslocationspage.h"

#include "ui/settingsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ui {

using models::LocationSettings;

namespace {

QString kindLabel(const QString &code)
{
    if (code == QLatin1String("store"))
        return QObject::tr("store");
    if (code == QLatin1String("3pl"))
        return QObject::tr("3PL");
    return QObject::tr("warehouse");
}

QLineEdit *lineEdit(const QString &name, QWidget *parent, bool number = false)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    e->setProperty(settingsform::kNarrow, number);
    return e;
}

QCheckBox *checkBox(const QString &name, const QString &text, QWidget *parent)
{
    auto *c = new QCheckBox(text, parent);
    c->setObjectName(name);
    return c;
}

// A whole number typed into a location's field, or the error naming both.
models::Result<int> number(const QString &text, int maximum, const QString &who,
                           const QString &field)
{
    models::Result<int> n = models::parseWholeNumber(text, 0, maximum);
    if (!n.ok())
        return models::Error{QObject::tr("Locations › %1 › %2: %3").arg(who, field, n.error())};
    return n;
}

} // namespace

SettingsLocationsPage::SettingsLocationsPage(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)),
      m_add(new QPushButton(tr("Add location"), this))
{
    m_list->setObjectName(QStringLiteral("locationsList"));
    m_list->setFixedWidth(230);
    m_list->setStyleSheet(
        QStringLiteral("QListWidget::item { padding: 5px 6px; border-bottom: 1px solid #eaeef2; }"
                       "QListWidget::item:selected { background: #ddf4ff; color: #0969da; }"));
    m_add->setObjectName(QStringLiteral("addLocation"));
    m_add->setToolTip(tr("A new warehouse, store or 3PL; it holds no stock until stock is "
                         "received or moved there."));

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(m_add, 0, Qt::AlignLeft);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_form = new QWidget(scroll);
    m_form->setObjectName(QStringLiteral("locationForm"));
    buildForm(m_form);
    scroll->setWidget(m_form);
    m_form->setAutoFillBackground(false);
    scroll->viewport()->setAutoFillBackground(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 0, 0);
    layout->addLayout(left);
    layout->addWidget(scroll, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsLocationsPage::showDraft);
    connect(m_add, &QPushButton::clicked, this, &SettingsLocationsPage::addLocation);
}

void SettingsLocationsPage::buildForm(QWidget *formPage)
{
    using namespace settingsform;
    QFormLayout *form = makeForm(formPage);
    form->setContentsMargins(8, 0, 16, 12);
    m_code = lineEdit(QStringLiteral("locationCode"), formPage, true);
    m_code->setMaxLength(20);
    addField(form, tr("Code"), m_code,
             tr("The short name on pick lists, transfers and exports, e.g. LDS. It cannot be "
                "changed once the location is saved."));
    m_name = lineEdit(QStringLiteral("locationName"), formPage);
    addField(form, tr("Name"), m_name,
             tr("What everyone calls the place; printed on packing slips and RMA slips."));
    m_kind = new QComboBox(formPage);
    m_kind->setObjectName(QStringLiteral("locationKind"));
    m_kind->addItem(tr("Warehouse"), QStringLiteral("warehouse"));
    m_kind->addItem(tr("Store"), QStringLiteral("store"));
    m_kind->addItem(tr("3PL (another company's warehouse)"), QStringLiteral("3pl"));
    addField(form, tr("Kind"), m_kind,
             tr("Stores keep a few units back for walk-in customers; warehouses and 3PLs ship "
                "everything they hold."));
    m_active = checkBox(QStringLiteral("locationActive"), tr("Active"), formPage);
    addField(form, tr("In use"), m_active,
             tr("Only active locations get orders and count in what channels may sell."));
    m_shipsFromStore =
        checkBox(QStringLiteral("locationShipsFromStore"), tr("Ships online orders"), formPage);
    addField(form, tr("Ships from store"), m_shipsFromStore,
             tr("For a store: whether online orders may be packed and sent from it."));
    m_storeBuffer = lineEdit(QStringLiteral("locationStoreBuffer"), formPage, true);
    addField(form, tr("Store buffer"), m_storeBuffer,
             tr("Units of each product a store keeps for its own counter, never sold online."));
    m_capacity = lineEdit(QStringLiteral("locationDailyCapacity"), formPage, true);
    m_capacity->setPlaceholderText(tr("no limit"));
    addField(form, tr("Daily capacity"), m_capacity,
             tr("Orders it can pack in a day; once full, new orders go elsewhere. Leave empty "
                "for no limit."));
    m_priority = lineEdit(QStringLiteral("locationRoutingPriority"), formPage, true);
    addField(form, tr("Routing priority"), m_priority,
             tr("When two locations could ship an order equally well, the lower number ships "
                "it."));
    m_backorders =
        checkBox(QStringLiteral("locationAllowsBackorders"), tr("Allows backorders"), formPage);
    addField(form, tr("Backorders"), m_backorders,
             tr("Lets orders reserve stock this location does not have yet, to ship when it "
                "arrives."));
    addHeading(form, tr("Address"),
               tr("Printed as the sender on labels, and as the return address on RMA slips "
                  "when this is the default returns location."));
    m_line1 = lineEdit(QStringLiteral("locationLine1"), formPage);
    addField(form, tr("Address"), m_line1, {});
    m_line2 = lineEdit(QStringLiteral("locationLine2"), formPage);
    addField(form, tr("Address line 2"), m_line2, {});
    m_city = lineEdit(QStringLiteral("locationCity"), formPage);
    addField(form, tr("Town or city"), m_city, {});
    m_region = lineEdit(QStringLiteral("locationRegion"), formPage);
    addField(form, tr("County or state"), m_region, {});
    m_postcode = lineEdit(QStringLiteral("locationPostcode"), formPage);
    addField(form, tr("Postcode"), m_postcode, {});
    m_country = lineEdit(QStringLiteral("locationCountry"), formPage, true);
    m_country->setMaxLength(2);
    addField(form, tr("Country"), m_country,
             tr("Two letters, e.g. GB, IE, NL: decides which orders it can ship without "
                "customs."));

    for (QLineEdit *e : {m_code, m_name, m_storeBuffer, m_capacity, m_priority, m_line1, m_line2,
                         m_city, m_region, m_postcode, m_country})
        connect(e, &QLineEdit::textChanged, this, &SettingsLocationsPage::edited);
    for (QCheckBox *c : {m_active, m_shipsFromStore, m_backorders})
        connect(c, &QCheckBox::toggled, this, &SettingsLocationsPage::edited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SettingsLocationsPage::edited);
}

void SettingsLocationsPage::setLocations(const QList<LocationSettings> &locations)
{
    m_drafts.clear();
    for (const LocationSettings &l : locations)
        m_drafts.append({l, QString::number(l.storeBuffer),
                         l.dailyCapacity ? QString::number(*l.dailyCapacity) : QString(),
                         QString::number(l.routingPriority)});
    m_current = -1;
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const Draft &d : std::as_const(m_drafts))
            m_list->addItem(itemText(d));
    }
    showDraft(m_drafts.isEmpty() ? -1 : 0);
    emit namesChanged();
}

QString SettingsLocationsPage::itemText(const Draft &d) const
{
    const LocationSettings &l = d.location;
    QString text = QStringLiteral("%1 · %2").arg(l.code.isEmpty() ? tr("(new)") : l.code,
                                                 l.name.isEmpty() ? tr("no name yet") : l.name);
    text += QStringLiteral("\n") + kindLabel(l.kind);
    if (!l.active)
        text += tr(", not in use");
    return text;
}

void SettingsLocationsPage::selectLocation(int index)
{
    m_list->setCurrentRow(index);
}

void SettingsLocationsPage::showDraft(int index)
{
    m_current = index;
    if (m_list->currentRow() != index) {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(index);
    }
    m_form->setEnabled(index >= 0);
    const Draft d = index >= 0 ? m_drafts.at(index) : Draft{};
    const LocationSettings &l = d.location;
    m_filling = true;
    m_code->setText(l.code);
    m_code->setReadOnly(l.id != 0);
    m_name->setText(l.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(l.kind)));
    m_active->setChecked(l.active);
    m_shipsFromStore->setChecked(l.shipsFromStore);
    m_storeBuffer->setText(d.storeBuffer);
    m_capacity->setText(d.dailyCapacity);
    m_priority->setText(d.routingPriority);
    m_backorders->setChecked(l.allowsBackorders);
    m_line1->setText(l.address.line1);
    m_line2->setText(l.address.line2);
    m_city->setText(l.address.city);
    m_region->setText(l.address.region);
    m_postcode->setText(l.address.postcode);
    m_country->setText(l.address.country);
    m_filling = false;
}

void SettingsLocationsPage::edited()
{
    if (m_filling || m_current < 0 || m_current >= m_drafts.size())
        return;
    Draft &d = m_drafts[m_current];
    LocationSettings &l = d.location;
    const QString before = itemText(d);
    l.code = m_code->text();
    l.name = m_name->text();
    l.kind = m_kind->currentData().toString();
    l.active = m_active->isChecked();
    l.shipsFromStore = m_shipsFromStore->isChecked();
    d.storeBuffer = m_storeBuffer->text();
    d.dailyCapacity = m_capacity->text();
    d.routingPriority = m_priority->text();
    l.allowsBackorders = m_backorders->isChecked();
    l.address.line1 = m_line1->text();
    l.address.line2 = m_line2->text();
    l.address.city = m_city->text();
    l.address.region = m_region->text();
    l.address.postcode = m_postcode->text();
    l.address.country = m_country->text();
    if (itemText(d) != before) {
        m_list->item(m_current)->setText(itemText(d));
        emit namesChanged();
    }
    emit changed();
}

void SettingsLocationsPage::addLocation()
{
    Draft d;
    d.location.kind = QStringLiteral("warehouse");
    d.location.storeBuffer = 0;
    d.storeBuffer = QStringLiteral("0");
    int highest = 0;
    for (const Draft &other : std::as_const(m_drafts))
        highest = std::max(highest, other.location.routingPriority);
    d.location.routingPriority = highest + 1;
    d.routingPriority = QString::number(highest + 1);
    // Most shops add a place in the country they already ship from.
    d.location.address.country =
        m_drafts.isEmpty() ? QString() : m_drafts.constFirst().location.address.country;
    m_drafts.append(d);
    m_list->addItem(itemText(d));
    selectLocation(int(m_drafts.size()) - 1);
    emit namesChanged();
    emit changed();
    m_code->setFocus(Qt::OtherFocusReason);
}

models::Result<QList<LocationSettings>> SettingsLocationsPage::locations() const
{
    QList<LocationSettings> out;
    for (const Draft &d : m_drafts) {
        LocationSettings l = d.location;
        const QString who = l.code.trimmed().isEmpty() ? tr("new location") : l.code.trimmed();
        models::Result<int> buffer = number(d.storeBuffer, 100'000, who, tr("Store buffer"));
        if (!buffer.ok())
            return models::Error{buffer.error()};
        l.storeBuffer = buffer.value();
        if (d.dailyCapacity.trimmed().isEmpty()) {
            l.dailyCapacity.reset();
        } else {
            models::Result<int> capacity =
                number(d.dailyCapacity, 1'000'000, who, tr("Daily capacity"));
            if (!capacity.ok())
                return models::Error{capacity.error()};
            l.dailyCapacity = capacity.value();
        }
        models::Result<int> priority = number(d.routingPriority, 999, who, tr("Routing priority"));
        if (!priority.ok())
            return models::Error{priority.error()};
        l.routingPriority = priority.value();
        l.code = l.code.trimmed();
        l.name = l.name.trimmed();
        l.address.country = l.address.country.trimmed().toUpper();
        out.append(l);
    }
    return out;
}

QString SettingsLocationsPage::state() const
{
    QStringList parts;
    for (const Draft &d : m_drafts) {
        const LocationSettings &l = d.location;
        parts << QString::number(l.id) << l.code << l.name << l.kind
              << QString::number(int(l.active) | int(l.shipsFromStore) << 1 |
                                 int(l.allowsBackorders) << 2 | int(l.defaultReturns) << 3)
              << d.storeBuffer << d.dailyCapacity << d.routingPriority << l.address.line1
              << l.address.line2 << l.address.city << l.address.region << l.address.postcode
              << l.address.country;
    }
    return parts.join(QChar(0x1f));
}

QStringList SettingsLocationsPage::names() const
{
    QStringList out;
    for (const Draft &d : m_drafts)
        out.append(itemText(d).section(QLatin1Char('\n'), 0, 0));
    return out;
}

int SettingsLocationsPage::defaultReturns() const
{
    for (int i = 0; i < m_drafts.size(); ++i)
        if (m_drafts.at(i).location.defaultReturns)
            return i;
    return -1;
}

void SettingsLocationsPage::setDefaultReturns(int index)
{
    bool any = false;
    for (int i = 0; i < m_drafts.size(); ++i) {
        bool &flag = m_drafts[i].location.defaultReturns;
        any = any || flag != (i == index);
        flag = i == index;
    }
    if (any)
        emit changed();
}

QString SettingsLocationsPage::defaultReturnsAddress() const
{
    const int i = defaultReturns();
    if (i < 0)
        return {};
    const LocationSettings &l = m_drafts.at(i).location;
    QStringList parts{l.name};
    for (const QString &p : {l.address.line1, l.address.line2, l.address.city, l.address.region,
                             l.address.postcode, l.address.country})
        if (!p.trimmed().isEmpty())
            parts.append(p.trimmed());
    return parts.join(QStringLiteral(", "));
}

} // namespace ui
