#include "ui/stockscreen.h"

#include "models/stocklevelmodel.h"
#include "ui/countformat.h"
#include "ui/cyclecountdialog.h"
#include "ui/lazytableview.h"
#include "ui/producteditordialog.h"
#include "ui/reconciliationdialog.h"
#include "ui/screenheader.h"
#include "ui/stockadjustdialog.h"
#include "ui/stockfilterbar.h"
#include "ui/stockledgerdialog.h"
#include "ui/transferdialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

using models::StockLevelModel;

namespace {

// Typical widest values, so widths are set without fetching rows to measure them.
QList<ColumnLayout> columnLayouts()
{
    QList<ColumnLayout> columns(StockLevelModel::ColumnCount);
    const QString figure = QStringLiteral("100,000");
    columns[StockLevelModel::SkuColumn] = {.sample = QStringLiteral("SKU-ABC-12345-XL")};
    columns[StockLevelModel::NameColumn] = {.sample = {}, .numeric = false, .stretch = true};
    columns[StockLevelModel::LocationColumn] = {.sample = QStringLiteral("WH-MAIN")};
    columns[StockLevelModel::BinColumn] = {.sample = QStringLiteral("A-12-03-4, B-03-1")};
    for (int c : {StockLevelModel::OnHandColumn, StockLevelModel::ReservedColumn,
                  StockLevelModel::AvailableColumn, StockLevelModel::InboundColumn,
                  StockLevelModel::InTransitColumn, StockLevelModel::PromiseColumn})
        columns[c] = {.sample = figure, .numeric = true};
    columns[StockLevelModel::LastMovedColumn] = {.sample = QStringLiteral("2026-12-31")};
    return columns;
}

} // namespace

StockScreen::StockScreen(models::StockLevelSource *source, QWidget *parent)
    : StockScreen(source, nullptr, parent)
{}

StockScreen::StockScreen(models::StockLevelSource *source, models::StockOperations *operations,
                         QWidget *parent)
    : QWidget(parent), m_operations(operations), m_header(new ScreenHeader(tr("Stock"), this)),
      m_filters(new StockFilterBar(this)), m_table(new LazyTableView(this)),
      m_status(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("stockTable"));
    setFocusProxy(m_table); // switching to the screen puts the keyboard in the table
    m_status->setObjectName(QStringLiteral("stockStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setMinimumWidth(1);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(10);
    layout->addWidget(m_header);
    layout->addWidget(m_filters);
    auto *actionRow = new QHBoxLayout;
    actionRow->setSpacing(6);
    layout->addLayout(actionRow);
    m_kitBanner = new QLabel(this);
    m_kitBanner->setObjectName(QStringLiteral("stockKitBanner"));
    m_kitBanner->setWordWrap(true);
    m_kitBanner->setTextFormat(Qt::RichText);
    connect(m_kitBanner, &QLabel::linkActivated, this, &StockScreen::editKit);
    m_kitBanner->setStyleSheet(QStringLiteral("background: #eef4fb; border: 1px solid #c5d8ee; "
                                              "border-radius: 4px; padding: 6px 10px;"));
    m_kitBanner->hide();
    layout->addWidget(m_kitBanner);
    layout->addWidget(m_table, 1);

    if (!source) {
        m_filters->setEnabled(false);
        m_header->setError(tr("No stock data is available: no database is open."));
        return;
    }

    if (m_operations)
        m_kitSource = std::make_unique<models::KitSearchSource>(
            source, [operations = m_operations](const QString &code) {
                return operations->kitByCode(code);
            });
    m_model = new StockLevelModel(m_kitSource ? m_kitSource.get() : source, this);
    m_table->setModel(m_model);
    m_table->setColumnLayouts(columnLayouts());

    const models::Result<QList<models::StockChoice>> locations = source->locations();
    const models::Result<QList<models::StockChoice>> suppliers = source->suppliers();
    m_filters->setChoices(locations.ok() ? locations.value() : QList<models::StockChoice>(),
                          suppliers.ok() ? suppliers.value() : QList<models::StockChoice>());
    connect(m_filters, &StockFilterBar::filterChanged, m_model, &StockLevelModel::setFilter);
    connect(m_filters, &StockFilterBar::searchEntered, this, &StockScreen::onSearchEntered);
    auto *find =
        new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filters->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filters->searchEdit()->selectAll();
    });

    connect(m_model, &QAbstractItemModel::modelReset, this, &StockScreen::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StockScreen::updateKitBanner);
    connect(m_model, &StockLevelModel::errorOccurred, m_header, &ScreenHeader::setError,
            Qt::QueuedConnection);

    if (m_operations) {
        buildActions();
        for (QAction *a : actions()) {
            auto *button = new QToolButton(this);
            button->setDefaultAction(a);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            actionRow->addWidget(button);
        }
        actionRow->addSpacing(12);
        connect(m_table, &QAbstractItemView::activated, this, &StockScreen::editProduct);
    }
    actionRow->addWidget(m_status, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StockScreen::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StockScreen::updateActions);
    updateSummary();
    updateActions();
}

void StockScreen::buildActions()
{
    const auto make = [this](const QString &text, const QKeySequence &key, const QString &name,
                             void (StockScreen::*slot)(), bool needsRow) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(
            QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
            key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        if (needsRow)
            m_rowActions.append(a);
        return a;
    };
    make(tr("Adjust…"), QKeySequence(Qt::CTRL | Qt::Key_J), QStringLiteral("adjustAction"),
         &StockScreen::adjustCurrent, true);
    make(tr("Ledger"), QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("ledgerAction"),
         &StockScreen::showLedger, true);
    make(tr("Edit product…"), QKeySequence(Qt::CTRL | Qt::Key_E),
         QStringLiteral("editProductAction"), &StockScreen::editProduct, true);
    make(tr("New product…"), QKeySequence(Qt::CTRL | Qt::Key_N), QStringLiteral("newProductAction"),
         &StockScreen::newProduct, false);
    make(tr("Transfers…"), QKeySequence(Qt::CTRL | Qt::Key_T), QStringLiteral("transferAction"),
         &StockScreen::transfer, false);
    make(tr("Cycle counts…"), QKeySequence(Qt::CTRL | Qt::Key_K), QStringLiteral("countAction"),
         &StockScreen::cycleCount, false);
    make(tr("Reconciliation…"), QKeySequence(Qt::CTRL | Qt::Key_R),
         QStringLiteral("reconcileAction"), &StockScreen::reconcile, false);
}

const models::StockLevelRow *StockScreen::currentRow() const
{
    if (!m_model)
        return nullptr;
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->rowAt(current.row()) : nullptr;
}

void StockScreen::updateActions()
{
    const bool row = currentRow() != nullptr;
    for (QAction *a : m_rowActions)
        a->setEnabled(row);
}

// Runs after each reset, when lastError() is about the count.
void StockScreen::updateSummary()
{
    const int n = m_model->rowCount();
    if (!m_model->lastError().isEmpty())
        m_header->setSummary({});
    else
        m_header->setSummary(n == 1 ? tr("1 product × location row")
                                    : tr("%1 product × location rows").arg(formatCount(n)));
    m_header->setError(m_model->lastError());
}

// A scan (or a typed SKU and Enter) puts the first match under the cursor and leaves
// the search text selected, so the next scan replaces it.
void StockScreen::onSearchEntered()
{
    if (m_model->rowCount() > 0) {
        m_table->setCurrentIndex(m_model->index(0, StockLevelModel::SkuColumn));
        const models::StockLevelRow *r = currentRow();
        m_status->setText(r && m_model->rowCount() <= 10 ? tr("%1 %2: %3 available at %4")
                                                               .arg(r->sku, r->productName)
                                                               .arg(r->available())
                                                               .arg(r->locationCode)
                                                         : QString());
    } else {
        m_status->setText(tr("Nothing matches \"%1\"").arg(m_filters->filter().search));
    }
    if (!kitBanner().isEmpty())
        m_status->clear(); // the banner says what the kit is and makes
    m_filters->searchEdit()->selectAll();
}

void StockScreen::reload(const QString &message)
{
    const int row = m_table->currentIndex().row();
    const int column = std::max(0, m_table->currentIndex().column());
    m_model->refresh();
    if (row >= 0 && row < m_model->rowCount())
        m_table->setCurrentIndex(m_model->index(row, column));
    if (!message.isEmpty())
        m_status->setText(message);
}

void StockScreen::adjustCurrent()
{
    const models::StockLevelRow *r = currentRow();
    if (!m_operations || !r)
        return;
    StockAdjustDialog dialog(m_operations, *r, this);
    if (dialog.exec() == QDialog::Accepted)
        reload(dialog.resultMessage());
}

void StockScreen::showLedger()
{
    const models::StockLevelRow *r = currentRow();
    if (!m_operations || !r)
        return;
    StockLedgerDialog dialog(m_operations, r->productId, r->locationId, this);
    dialog.exec();
}

void StockScreen::editProduct()
{
    const models::StockLevelRow *r = currentRow();
    if (!m_operations || !r)
        return;
    ProductEditorDialog dialog(m_operations, r->productId, this);
    if (dialog.exec() == QDialog::Accepted)
        reload(tr("Product %1 saved").arg(dialog.savedSku()));
}

// The new product is shown at once: the search is set to its SKU (for a kit, that
// lists its components under the banner).
void StockScreen::newProduct()
{
    if (!m_operations || !m_model)
        return;
    ProductEditorDialog dialog(m_operations, 0, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    models::StockFilter filter; // every other filter off, so nothing hides it
    filter.search = dialog.savedSku();
    m_filters->setFilter(filter);
    m_model->setFilter(m_filters->filter());
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, StockLevelModel::SkuColumn));
    m_status->setText(dialog.savedKit() ? tr("Kit %1 created").arg(dialog.savedSku())
                                        : tr("Product %1 created").arg(dialog.savedSku()));
    m_table->setFocus(Qt::OtherFocusReason);
}

QString StockScreen::kitBanner() const
{
    return m_kitBanner->isHidden() ? QString() : m_kitBannerText;
}

void StockScreen::editKit()
{
    if (!m_operations || !m_kitSource || !m_kitSource->kit())
        return;
    ProductEditorDialog dialog(m_operations, m_kitSource->kit()->productId, this);
    if (dialog.exec() == QDialog::Accepted)
        reload(tr("Product %1 saved").arg(dialog.savedSku()));
}

// "GIFT-01 is a kit of 1 × MUG-01 and 2 × COASTER-01: makes 7 at LDS, 2 at BRS"
void StockScreen::updateKitBanner()
{
    const std::optional<models::KitOverview> kit =
        m_kitSource ? m_kitSource->kit() : std::optional<models::KitOverview>();
    if (!kit) {
        m_kitBanner->hide();
        m_kitBanner->clear();
        m_kitBannerText.clear();
        return;
    }
    QStringList parts;
    for (const models::KitComponent &c : kit->components)
        parts.append(QStringLiteral("%1 × %2").arg(c.quantity).arg(c.sku));
    QString made;
    if (parts.isEmpty())
        made = tr("no components yet");
    else if (parts.size() == 1)
        made = parts.first();
    else
        made = tr("%1 and %2")
                   .arg(parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")), parts.last());
    QStringList at;
    for (const models::KitMakesAt &l : kit->stock.making())
        at.append(tr("%1 at %2").arg(l.kits).arg(l.locationCode));
    const QString makes = at.isEmpty() ? tr("makes none at any location now")
                                       : tr("makes %1").arg(at.join(QStringLiteral(", ")));
    m_kitBannerText = tr("%1 is a kit of %2: %3").arg(kit->sku, made, makes);
    m_kitBanner->setText(QStringLiteral("%1 &nbsp; <a href=\"edit\">%2</a>")
                             .arg(m_kitBannerText.toHtmlEscaped(), tr("Edit kit…")));
    m_kitBanner->setToolTip(kit->name);
    m_kitBanner->show();
}

void StockScreen::transfer()
{
    if (!m_operations)
        return;
    const models::StockLevelRow *r = currentRow();
    TransferDialog dialog(m_operations, r ? r->locationId : 0, this);
    dialog.exec();
    if (dialog.changed())
        reload(dialog.resultMessage());
}

void StockScreen::cycleCount()
{
    if (!m_operations)
        return;
    const models::StockLevelRow *r = currentRow();
    CycleCountDialog dialog(m_operations, r ? r->locationId : 0, this);
    dialog.exec();
    if (dialog.changed())
        reload(dialog.resultMessage());
}

void StockScreen::reconcile()
{
    if (!m_operations)
        return;
    ReconciliationDialog dialog(m_operations, this);
    dialog.exec();
}

} // namespace ui
