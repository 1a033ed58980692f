#include "ui/settingsscreen.h"

#include "ui/priorityorderedit.h"
#include "ui/screenheader.h"
#include "ui/settingsform.h"
#include "ui/settingslocationspage.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ui {

using models::SettingKind;
using models::ShopSettings;

namespace {

// The page a settings key is edited on, as errors name it.
QString pageOf(const QString &key)
{
    const QString prefix = key.section(QLatin1Char('.'), 0, 0);
    if (prefix == QLatin1String("shop"))
        return QObject::tr("Shop");
    if (prefix == QLatin1String("allocation"))
        return QObject::tr("Allocation");
    if (prefix == QLatin1String("picking"))
        return QObject::tr("Picking and packing");
    if (prefix == QLatin1String("returns"))
        return QObject::tr("Returns");
    return QObject::tr("Channels");
}

// The words a choice is shown with; the stored codes stay as they are.
QList<QPair<QString, QString>> choiceWords(const QString &key)
{
    if (key == QLatin1String("allocation.split"))
        return {{QStringLiteral("allow"), QObject::tr("Split when it helps")},
                {QStringLiteral("ask"), QObject::tr("Ask me first (hold the order)")},
                {QStringLiteral("never"), QObject::tr("Never split an order")}};
    if (key == QLatin1String("allocation.shortfall"))
        return {{QStringLiteral("backorder"), QObject::tr("Backorder: wait for stock")},
                {QStringLiteral("hold"), QObject::tr("Hold the order for me to look at")}};
    if (key == QLatin1String("picking.short_pick"))
        return {{QStringLiteral("hold"), QObject::tr("Hold the order for me to look at")},
                {QStringLiteral("backorder"), QObject::tr("Backorder: wait for stock")}};
    return {};
}

const QString kFlagStyle = QStringLiteral("color: #7d4e00; background: #fff8c5;"
                                          "border: 1px solid #eac54f; border-radius: 4px;"
                                          "padding: 4px 10px;");
const QString kDoneStyle = QStringLiteral("color: #1a7f37; padding: 4px 10px;");

} // namespace

SettingsScreen::SettingsScreen(models::SettingsSource *source, QWidget *parent)
    : QWidget(parent), m_source(source), m_header(new ScreenHeader(tr("Settings"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    if (!m_source) {
        auto *none = new QLabel(
            tr("No database is open: the shop's settings appear here once one is."), this);
        none->setObjectName(QStringLiteral("settingsNoDatabase"));
        none->setWordWrap(true);
        layout->addWidget(none);
        layout->addStretch(1);
        m_header->setError(tr("No settings: no database is open."));
        return;
    }

    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("settingsSections"));
    m_sections->setFixedWidth(210);
    m_sections->setSpacing(2);
    m_sections->setStyleSheet(
        QStringLiteral("QListWidget { border: none; border-right: 1px solid #d8dee4; "
                       "background: #ffffff; font-size: 11pt; }"
                       "QListWidget::item { padding: 6px 10px; border-radius: 4px; }"
                       "QListWidget::item:selected { background: #ddf4ff; color: #0969da; }"));
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("settingsPages"));
    m_locations = new SettingsLocationsPage(m_pages);
    m_locations->setObjectName(QStringLiteral("settingsLocations"));
    addPage(ShopSection, tr("Shop"), buildShopPage());
    addPage(AllocationSection, tr("Allocation"), buildAllocationPage());
    addPage(PickingSection, tr("Picking and packing"), buildPickingPage());
    addPage(ReturnsSection, tr("Returns"), buildReturnsPage());
    addPage(ChannelsSection, tr("Channels"), buildChannelsPage());
    addPage(LocationsSection, tr("Locations"), m_locations, false);

    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    body->addWidget(m_sections);
    body->addWidget(m_pages, 1);
    layout->addLayout(body, 1);

    auto *bar = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("settingsRevert"));
    m_revert->setToolTip(tr("Put back the settings as they were last saved"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("settingsSave"));
    m_save->setDefault(true);
    m_save->setToolTip(
        tr("Save every change on every page (%1)")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    bar->addWidget(m_status, 0, Qt::AlignVCenter);
    bar->addStretch(1);
    bar->addWidget(m_revert);
    bar->addWidget(m_save);
    layout->addLayout(bar);

    // Ctrl+S saves from whichever field has focus on this screen.
    auto *saveAction = new QAction(this);
    saveAction->setObjectName(QStringLiteral("settingsSaveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, [this] { save(); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_revert, &QPushButton::clicked, this, &SettingsScreen::revert);
    connect(m_sections, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_locations, &SettingsLocationsPage::changed, this, [this] {
        updateReturnAddress();
        updateFlags();
    });
    connect(m_locations, &SettingsLocationsPage::namesChanged, this,
            &SettingsScreen::refillReturnsLocations);
    connect(m_returnsLocation, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling)
            return;
        m_locations->setDefaultReturns(m_returnsLocation->itemData(index).toInt());
    });

    setFocusProxy(m_sections);
    m_sections->setCurrentRow(0);
    load();
}

void SettingsScreen::addPage(Section section, const QString &title, QWidget *page, bool scroll)
{
    Q_ASSERT(section == m_pages->count());
    m_titles.append(title);
    m_sections->addItem(title);
    if (!scroll) {
        m_pages->addWidget(page);
        return;
    }
    auto *area = new QScrollArea(m_pages);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(page);
    // The page shows the screen's white through it, like the other screens.
    page->setAutoFillBackground(false);
    area->viewport()->setAutoFillBackground(false);
    m_pages->addWidget(area);
}

QWidget *SettingsScreen::settingField(const QString &key)
{
    const std::optional<models::SettingSpec> spec = models::settingSpec(key);
    Q_ASSERT(spec);
    QWidget *field = nullptr;
    if (spec->kind == SettingKind::Choice) {
        auto *combo = new QComboBox(this);
        for (const auto &[code, words] : choiceWords(key))
            combo->addItem(words, code);
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsScreen::updateFlags);
        field = combo;
    } else if (spec->kind == SettingKind::Priority) {
        auto *order = new PriorityOrderEdit(this);
        connect(order, &PriorityOrderEdit::changed, this, &SettingsScreen::updateFlags);
        field = order;
    } else {
        auto *edit = new QLineEdit(this);
        if (spec->kind == SettingKind::Currency)
            edit->setMaxLength(3);
        edit->setProperty(settingsform::kNarrow, spec->kind == SettingKind::Currency ||
                                                     spec->kind == SettingKind::Count ||
                                                     spec->kind == SettingKind::Amount);
        connect(edit, &QLineEdit::textChanged, this, &SettingsScreen::updateFlags);
        field = edit;
    }
    field->setObjectName(key);
    m_fields.insert(key, field);
    return field;
}

void SettingsScreen::addSetting(QFormLayout *form, const QString &key, const QString &help)
{
    QWidget *field = settingField(key);
    settingsform::addField(form, models::settingSpec(key)->label, field, help);
}

QWidget *SettingsScreen::buildShopPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = settingsform::makeForm(page);
    settingsform::addHeading(form, tr("Your shop"));
    addSetting(form, QStringLiteral("shop.name"),
               tr("Printed at the top of packing slips, purchase orders and RMA slips."));
    addSetting(form, QStringLiteral("shop.currency"),
               tr("Three letters, e.g. GBP, EUR or USD. The amounts on these pages are in "
                  "this currency."));
    m_returnAddress = new QLabel(page);
    m_returnAddress->setObjectName(QStringLiteral("shopReturnAddress"));
    m_returnAddress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    settingsform::addField(form, tr("Return address"), m_returnAddress,
                           tr("Where customers send returns: the address of the default "
                              "returns location. Choose that location under Returns; change "
                              "its address under Locations."));
    return page;
}

QWidget *SettingsScreen::buildAllocationPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = settingsform::makeForm(page);
    settingsform::addHeading(form, tr("Which orders get stock, and from where"),
                             tr("Backroom reserves stock for new orders and picks the "
                                "location to ship each one from. These rules decide how."));
    addSetting(form, QStringLiteral("allocation.split"),
               tr("When no single location has the whole order: ship it in parts from several "
                  "places, hold it for you to decide, or wait until one place has it all."));
    addSetting(form, QStringLiteral("allocation.shortfall"),
               tr("When there is not enough stock anywhere: let the order wait for stock, or "
                  "put it on hold for a person to look at."));
    addSetting(form, QStringLiteral("allocation.wait_cost_per_day_minor"),
               tr("What a day of a customer waiting is worth to you, weighed against the extra "
                  "cost of shipping from farther away or in parts."));
    addSetting(form, QStringLiteral("allocation.restock_days"),
               tr("How many days missing stock usually takes to arrive, used with the cost "
                  "above."));
    settingsform::addHeading(form, tr("Who goes first"));
    addSetting(form, QStringLiteral("allocation.priority"),
               tr("When stock is scarce, the first ticked rule decides which order is served "
                  "first; the next settles a tie, and so on. Unticked rules are not used. "
                  "Alt+Up and Alt+Down move the chosen rule; Space ticks it."));
    addSetting(form, QStringLiteral("allocation.high_value_minor"),
               tr("An order worth this much or more counts as high value in the rule above."));
    settingsform::addHeading(form, tr("Orders held for a look"),
                             tr("Orders that look wrong are put on hold before any stock is "
                                "reserved for them."));
    addSetting(form, QStringLiteral("allocation.quantity_factor"),
               tr("A line is unusual when its quantity is more than this many times what the "
                  "product usually sells in one order..."));
    addSetting(form, QStringLiteral("allocation.quantity_minimum"),
               tr("...and more than this many units, so small orders are never held for it."));
    addSetting(form, QStringLiteral("allocation.duplicate_window_minutes"),
               tr("The same customer ordering the same things again within this many minutes "
                  "is held as a possible duplicate."));
    return page;
}

QWidget *SettingsScreen::buildPickingPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = settingsform::makeForm(page);
    settingsform::addHeading(form, tr("Picking"));
    addSetting(form, QStringLiteral("picking.short_pick"),
               tr("When a picker finds fewer units in the bin than expected, the orders left "
                  "without stock are held for a person, or wait for stock as backorders."));
    settingsform::addHeading(
        form, tr("Packing"),
        tr("The label printer and label size belong to each computer, not to the shop: "
           "choose them on the Pack bench of the computer at the bench."));
    return page;
}

QWidget *SettingsScreen::buildReturnsPage()
{
    auto *page = new QWidget(this);
    QFormLayout *form = settingsform::makeForm(page);
    settingsform::addHeading(form, tr("Returns"));
    addSetting(form, QStringLiteral("returns.restocking_fee_percent"),
               tr("Taken off the refund for items sent back through no fault of the shop "
                  "(changed mind, doesn't fit). 0 takes nothing."));
    addSetting(form, QStringLiteral("returns.inspection_days"),
               tr("A received return waiting longer than this for inspection is listed as "
                  "overdue on the Returns screen."));
    m_returnsLocation = new QComboBox(page);
    m_returnsLocation->setObjectName(QStringLiteral("defaultReturnsLocation"));
    settingsform::addField(form, tr("Default returns location"), m_returnsLocation,
                           tr("Where returns go unless another location is short of the "
                              "items; its address is the return address on RMA slips."));
    return page;
}

QWidget *SettingsScreen::buildChannelsPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    m_channelsBox = new QWidget(page);
    m_channelsBox->setObjectName(QStringLiteral("channelsForm"));
    outer->addWidget(m_channelsBox);
    auto *rest = new QWidget(page);
    QFormLayout *form = settingsform::makeForm(rest);
    settingsform::addHeading(form, tr("Shopify"));
    addSetting(form, QStringLiteral("shopify.location"),
               tr("The name of your location in Shopify that stock files are for. Empty: the "
                  "name of your first active warehouse."));
    outer->addWidget(rest);
    outer->addStretch(1);
    return page;
}

void SettingsScreen::fillChannels()
{
    // One row per channel the database has; rebuilt on each load.
    qDeleteAll(m_channelsBox->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    delete m_channelsBox->layout();
    m_channelBuffers.clear();
    QFormLayout *form = settingsform::makeForm(m_channelsBox);
    settingsform::addHeading(form, tr("Stock held back"),
                             tr("Each channel is told how many of each product you can sell. "
                                "Holding a few back stops a late sale on one channel from "
                                "overselling on another."));
    if (m_channels.isEmpty()) {
        auto *none = new QLabel(tr("No sales channels yet: they appear once orders are "
                                   "imported."),
                                m_channelsBox);
        form->addRow(none);
    }
    for (const models::ChannelSettings &c : std::as_const(m_channels)) {
        auto *edit = new QLineEdit(QString::number(c.stockBuffer), m_channelsBox);
        edit->setObjectName(QStringLiteral("channelBuffer_") + c.code);
        edit->setProperty(settingsform::kNarrow, true);
        connect(edit, &QLineEdit::textChanged, this, &SettingsScreen::updateFlags);
        m_channelBuffers.append(edit);
        settingsform::addField(
            form, tr("%1: units held back").arg(c.name), edit,
            tr("Taken off every product's quantity in %1's stock file.").arg(c.name));
    }
}

void SettingsScreen::load()
{
    const models::Result<models::SettingsSnapshot> snapshot = m_source->loadSettings();
    if (!snapshot.ok()) {
        m_header->setError(tr("Settings could not be read: %1").arg(snapshot.error()));
        m_pages->setEnabled(false);
        m_save->setEnabled(false);
        return;
    }
    m_header->setError({});
    m_pages->setEnabled(true);
    m_save->setEnabled(true);
    fill(snapshot.value());
}

void SettingsScreen::fill(const models::SettingsSnapshot &snapshot)
{
    const ShopSettings &s = snapshot.settings;
    m_filling = true;
    m_currency = s.value(QStringLiteral("shop.currency"));
    for (const models::SettingSpec &spec : models::settingSpecs()) {
        const QString value = s.value(spec.key);
        QWidget *field = m_fields.value(spec.key);
        if (auto *combo = qobject_cast<QComboBox *>(field)) {
            combo->setCurrentIndex(std::max(0, combo->findData(value)));
        } else if (auto *order = qobject_cast<PriorityOrderEdit *>(field)) {
            order->setCriteria(value);
        } else if (auto *edit = qobject_cast<QLineEdit *>(field)) {
            if (spec.kind == SettingKind::Amount)
                edit->setText(models::amountText(value.toLongLong(), m_currency));
            else
                edit->setText(value);
        }
    }
    m_channels = s.channels;
    fillChannels();
    m_locations->setLocations(s.locations);
    m_filling = false;
    refillReturnsLocations();
    updateReturnAddress();

    if (snapshot.savedAtUtc.isValid())
        m_header->setSummary(
            tr("Last saved %1 by %2")
                .arg(QLocale().toString(snapshot.savedAtUtc.toLocalTime(), QLocale::ShortFormat),
                     snapshot.savedBy.isEmpty() ? tr("someone") : snapshot.savedBy));
    else
        m_header->setSummary(tr("Not changed on this screen yet"));
    m_loadedState.clear();
    for (int i = 0; i < SectionCount; ++i)
        m_loadedState.append(sectionState(i));
    updateFlags();
}

void SettingsScreen::refillReturnsLocations()
{
    const bool wasFilling = m_filling;
    m_filling = true;
    m_returnsLocation->clear();
    m_returnsLocation->addItem(tr("None chosen"), -1);
    const QStringList names = m_locations->names();
    for (int i = 0; i < names.size(); ++i)
        m_returnsLocation->addItem(names.at(i), i);
    m_returnsLocation->setCurrentIndex(
        std::max(0, m_returnsLocation->findData(m_locations->defaultReturns())));
    m_filling = wasFilling;
    updateReturnAddress();
}

void SettingsScreen::updateReturnAddress()
{
    if (!m_returnAddress)
        return;
    const QString address = m_locations->defaultReturnsAddress();
    m_returnAddress->setText(
        address.isEmpty() ? tr("No default returns location is chosen (see Returns).") : address);
}

QString SettingsScreen::fieldText(const QString &key) const
{
    QWidget *field = m_fields.value(key);
    if (auto *combo = qobject_cast<QComboBox *>(field))
        return combo->currentData().toString();
    if (auto *order = qobject_cast<PriorityOrderEdit *>(field))
        return order->criteria();
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        return edit->text();
    return {};
}

QString SettingsScreen::sectionState(int section) const
{
    if (section == LocationsSection)
        return m_locations->state();
    QStringList parts;
    for (const models::SettingSpec &spec : models::settingSpecs())
        if (pageOf(spec.key) == m_titles.value(section))
            parts.append(fieldText(spec.key));
    if (section == ChannelsSection)
        for (const QLineEdit *e : m_channelBuffers)
            parts.append(e->text());
    if (section == ReturnsSection)
        parts.append(QString::number(m_locations->defaultReturns()));
    return parts.join(QChar(0x1f));
}

void SettingsScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_source && m_pages && !hasUnsavedChanges()) {
        const int section = m_sections->currentRow();
        load();
        m_sections->setCurrentRow(section);
    }
}

bool SettingsScreen::hasUnsavedChanges() const
{
    if (!m_source || m_loadedState.size() != SectionCount)
        return false;
    for (int i = 0; i < SectionCount; ++i)
        if (sectionState(i) != m_loadedState.at(i))
            return true;
    return false;
}

void SettingsScreen::updateFlags()
{
    if (m_filling || m_loadedState.size() != SectionCount)
        return;
    bool any = false;
    for (int i = 0; i < SectionCount; ++i) {
        const bool changed = sectionState(i) != m_loadedState.at(i);
        any = any || changed;
        // A dot after a section's name: something on that page is not saved yet.
        m_sections->item(i)->setText(changed ? m_titles.at(i) + QStringLiteral("  •")
                                             : m_titles.at(i));
        QFont f = m_sections->item(i)->font();
        f.setBold(changed);
        m_sections->item(i)->setFont(f);
    }
    if (any) {
        m_status->setText(tr("Unsaved changes"));
        m_status->setStyleSheet(kFlagStyle);
    } else if (m_status->text() == tr("Unsaved changes")) {
        m_status->clear();
        m_status->setStyleSheet({});
    }
    m_revert->setEnabled(any);
}

models::Result<ShopSettings> SettingsScreen::gather() const
{
    ShopSettings s;
    const QString currencyLabel = models::settingSpec(u"shop.currency")->label;
    const models::Result<QString> currency =
        models::parseCurrencyCode(fieldText(QStringLiteral("shop.currency")));
    if (!currency.ok())
        return models::Error{
            QStringLiteral("%1 › %2: %3").arg(tr("Shop"), currencyLabel, currency.error())};
    for (const models::SettingSpec &spec : models::settingSpecs()) {
        const QString text = fieldText(spec.key);
        if (spec.kind == SettingKind::Amount) {
            const models::Result<qint64> minor = models::parseAmountMinor(text, currency.value());
            if (!minor.ok())
                return models::Error{
                    QStringLiteral("%1 › %2: %3").arg(pageOf(spec.key), spec.label, minor.error())};
            s.values.insert(spec.key, QString::number(minor.value()));
        } else {
            s.values.insert(spec.key, text);
        }
    }
    for (int i = 0; i < m_channels.size(); ++i) {
        models::ChannelSettings c = m_channels.at(i);
        const models::Result<int> buffer =
            models::parseWholeNumber(m_channelBuffers.at(i)->text(), 0, 100'000);
        if (!buffer.ok())
            return models::Error{
                tr("Channels › %1: units held back: %2").arg(c.name, buffer.error())};
        c.stockBuffer = buffer.value();
        s.channels.append(c);
    }
    models::Result<QList<models::LocationSettings>> locations = m_locations->locations();
    if (!locations.ok())
        return models::Error{locations.error()};
    s.locations = locations.value();
    if (models::Status valid = models::validateSettings(s); !valid)
        return models::Error{valid.error()};
    return s;
}

void SettingsScreen::showProblem(const QString &message)
{
    m_header->setError(tr("Not saved, nothing was changed. %1").arg(message));
    m_status->setText(tr("Unsaved changes"));
    m_status->setStyleSheet(kFlagStyle);
    // Take the owner to the page the problem is on, and into the field when it is one.
    for (int i = 0; i < m_titles.size(); ++i)
        if (message.startsWith(m_titles.at(i) + QStringLiteral(" ›"))) {
            m_sections->setCurrentRow(i);
            break;
        }
    for (const models::SettingSpec &spec : models::settingSpecs())
        if (message.startsWith(QStringLiteral("%1 › %2:").arg(pageOf(spec.key), spec.label))) {
            if (QWidget *field = m_fields.value(spec.key))
                field->setFocus(Qt::OtherFocusReason);
            break;
        }
}

bool SettingsScreen::save()
{
    if (!m_source)
        return false;
    const models::Result<ShopSettings> settings = gather();
    if (!settings.ok()) {
        showProblem(settings.error());
        return false;
    }
    const models::Status saved = m_source->saveSettings(settings.value());
    if (!saved.ok()) {
        showProblem(saved.error());
        return false;
    }
    const int section = m_sections->currentRow();
    load();
    m_sections->setCurrentRow(section);
    m_status->setText(tr("Saved"));
    m_status->setStyleSheet(kDoneStyle);
    return true;
}

void SettingsScreen::revert()
{
    if (!m_source)
        return;
    const int section = m_sections->currentRow();
    load();
    m_sections->setCurrentRow(section);
    m_status->clear();
    m_status->setStyleSheet({});
}

bool SettingsScreen::confirmLeave()
{
    if (!hasUnsavedChanges())
        return true;
    QMessageBox ask(QMessageBox::Question, tr("Unsaved settings"),
                    tr("The settings have changes that are not saved yet."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.setObjectName(QStringLiteral("settingsLeaveQuestion"));
    ask.setInformativeText(tr("Save them before leaving the Settings screen?"));
    ask.setDefaultButton(QMessageBox::Save);
    switch (ask.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        revert();
        return true;
    default:
        return false;
    }
}

int SettingsScreen::sectionCount() const
{
    return m_pages ? m_pages->count() : 0;
}

QString SettingsScreen::sectionTitle(int index) const
{
    return m_titles.value(index);
}

void SettingsScreen::showSection(int index)
{
    if (m_sections)
        m_sections->setCurrentRow(index);
}

int SettingsScreen::currentSection() const
{
    return m_sections ? m_sections->currentRow() : -1;
}

} // namespace ui
