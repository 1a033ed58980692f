#include "ui/producteditordialog.h"

#include "models/kit.h"
#include "models/money.h"
#include "models/stockoperationrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum ComponentColumn
{
    SkuColumn,
    NameColumn,
    QuantityColumn
};

QSpinBox *spin(const QString &name, int min, int max, QWidget *parent)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(min, max);
    return s;
}

// A field with its error line underneath.
QWidget *withError(QWidget *field, QLabel *error, QWidget *parent)
{
    auto *box = new QWidget(parent);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    v->addWidget(error);
    return box;
}

QLabel *note(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #555b66;"));
    return label;
}

} // namespace

ProductEditorDialog::ProductEditorDialog(models::StockOperations *operations, qint64 productId,
                                         QWidget *parent)
    : QDialog(parent), m_operations(operations), m_sku(new QLineEdit(this)),
      m_name(new QLineEdit(this)), m_barcodes(new QPlainTextEdit(this)),
      m_bins(new QTableWidget(0, 2, this)), m_supplier(new QComboBox(this)),
      m_cost(new QLineEdit(this)), m_currency(new QLineEdit(this)),
      m_leadTime(spin(QStringLiteral("productLeadTime"), -1, 365, this)),
      m_safety(spin(QStringLiteral("productSafetyStock"), 0, 1'000'000, this)),
      m_min(spin(QStringLiteral("productMin"), 0, 1'000'000, this)),
      m_max(spin(QStringLiteral("productMax"), 0, 1'000'000, this)),
      m_pack(spin(QStringLiteral("productPackSize"), 1, 100'000, this)),
      m_supplierMin(spin(QStringLiteral("productSupplierMin"), 1, 1'000'000, this)),
      m_kit(new QCheckBox(tr("This is a ki&t: sold as one SKU, stocked as its components"), this)),
      m_kitPanel(new QWidget(this)), m_componentCode(new QLineEdit(this)),
      m_components(new QTableWidget(0, 3, this)), m_remove(new QPushButton(tr("&Remove"), this)),
      m_makes(note(QStringLiteral("kitMakes"), this)),
      m_kitReason(note(QStringLiteral("kitStockReason"), this)), m_general(new QLabel(this))
{
    setObjectName(QStringLiteral("productEditorDialog"));
    setWindowTitle(tr("Product"));
    resize(1000, 640);
    m_sku->setObjectName(QStringLiteral("productSku"));
    m_name->setObjectName(QStringLiteral("productName"));
    m_barcodes->setObjectName(QStringLiteral("productBarcodes"));
    m_barcodes->setPlaceholderText(tr("One per line; the first is printed on labels"));
    m_barcodes->setTabChangesFocus(true);
    m_barcodes->setFixedHeight(m_barcodes->fontMetrics().height() * 4 + 12);
    m_bins->setObjectName(QStringLiteral("productBins"));
    m_bins->setHorizontalHeaderLabels({tr("Location"), tr("Bins (first is primary)")});
    m_bins->verticalHeader()->hide();
    m_bins->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_bins->verticalHeader()->setDefaultSectionSize(m_bins->fontMetrics().height() + 8);
    // Room for five locations before it scrolls.
    m_bins->setFixedHeight((m_bins->fontMetrics().height() + 8) * 6 + 4);
    m_supplier->setObjectName(QStringLiteral("productSupplier"));
    m_cost->setObjectName(QStringLiteral("productCost"));
    m_currency->setObjectName(QStringLiteral("productCurrency"));
    m_currency->setMaxLength(3);
    m_currency->setFixedWidth(m_currency->fontMetrics().horizontalAdvance(QStringLiteral("WWWW")) +
                              12);
    m_leadTime->setSpecialValueText(tr("Supplier's"));
    m_leadTime->setSuffix(tr(" days"));
    m_general->setObjectName(QStringLiteral("productError"));
    m_general->setWordWrap(true);
    m_general->setStyleSheet(QStringLiteral("color: #a40e26;"));
    m_general->hide();

    // The kit: its switch, its components and what they make.
    m_kit->setObjectName(QStringLiteral("productIsKit"));
    m_kitPanel->setObjectName(QStringLiteral("kitPanel"));
    m_componentCode->setObjectName(QStringLiteral("kitComponentCode"));
    m_componentCode->setPlaceholderText(tr("Type or scan a component's SKU or barcode, Enter"));
    m_componentCode->setClearButtonEnabled(true);
    m_componentCode->installEventFilter(this);
    m_components->setObjectName(QStringLiteral("kitComponents"));
    m_components->setHorizontalHeaderLabels({tr("Component SKU"), tr("Name"), tr("Per kit")});
    m_components->verticalHeader()->hide();
    m_components->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_components->setSelectionMode(QAbstractItemView::SingleSelection);
    m_components->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_components->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_components->horizontalHeader()->setSectionResizeMode(SkuColumn,
                                                           QHeaderView::ResizeToContents);
    m_components->horizontalHeader()->setSectionResizeMode(QuantityColumn,
                                                           QHeaderView::ResizeToContents);
    m_components->verticalHeader()->setDefaultSectionSize(m_components->fontMetrics().height() + 8);
    m_components->setMinimumHeight((m_components->fontMetrics().height() + 8) * 6 + 4);
    m_components->installEventFilter(this);
    m_remove->setObjectName(QStringLiteral("kitRemove"));
    m_remove->setAutoDefault(false);
    m_remove->setToolTip(tr("Remove the selected component (Delete)"));
    m_kitReason->setText(tr("A kit has no stock of its own: bins, reorder levels and the "
                            "supplier belong to its components."));
    m_kitReason->hide();

    auto *addRow = new QHBoxLayout;
    addRow->setContentsMargins(0, 0, 0, 0);
    addRow->addWidget(m_componentCode, 1);
    addRow->addWidget(m_remove);
    auto *kitLayout = new QVBoxLayout(m_kitPanel);
    kitLayout->setContentsMargins(0, 0, 0, 0);
    kitLayout->setSpacing(4);
    kitLayout->addLayout(addRow);
    kitLayout->addWidget(m_components, 1);
    kitLayout->addWidget(errorLabel(QStringLiteral("components")));
    kitLayout->addWidget(m_makes);
    m_kitPanel->hide();

    auto *cost = new QWidget(this);
    auto *costRow = new QHBoxLayout(cost);
    costRow->setContentsMargins(0, 0, 0, 0);
    costRow->addWidget(m_cost, 1);
    costRow->addWidget(m_currency);

    // What the product is on the left; how it is stocked and bought on the right.
    auto *what = new QFormLayout;
    what->addRow(tr("&SKU"), withError(m_sku, errorLabel(QStringLiteral("sku")), this));
    what->addRow(tr("&Name"), withError(m_name, errorLabel(QStringLiteral("name")), this));
    what->addRow(tr("&Barcodes"),
                 withError(m_barcodes, errorLabel(QStringLiteral("barcodes")), this));
    what->addRow(tr("&Cost"), withError(cost, errorLabel(QStringLiteral("cost")), this));
    what->addRow(QString(), m_kit);
    what->addRow(tr("Components"), m_kitPanel);
    what->labelForField(m_kitPanel)->setObjectName(QStringLiteral("kitPanelLabel"));
    what->labelForField(m_kitPanel)->hide();

    auto *stocked = new QFormLayout;
    stocked->addRow(QString(), m_kitReason);
    stocked->addRow(tr("B&ins"), withError(m_bins, errorLabel(QStringLiteral("bins")), this));
    stocked->addRow(tr("Su&pplier"),
                    withError(m_supplier, errorLabel(QStringLiteral("supplier")), this));
    stocked->addRow(tr("&Lead time"),
                    withError(m_leadTime, errorLabel(QStringLiteral("lead_time")), this));
    stocked->addRow(tr("Sa&fety stock"),
                    withError(m_safety, errorLabel(QStringLiteral("safety_stock")), this));
    stocked->addRow(tr("&Min (reorder point)"),
                    withError(m_min, errorLabel(QStringLiteral("min")), this));
    stocked->addRow(tr("Ma&x"), withError(m_max, errorLabel(QStringLiteral("max")), this));
    stocked->addRow(tr("Pac&k size"),
                    withError(m_pack, errorLabel(QStringLiteral("pack_size")), this));
    stocked->addRow(tr("Supplier min&imum"),
                    withError(m_supplierMin, errorLabel(QStringLiteral("supplier_min")), this));

    auto *columns = new QHBoxLayout;
    columns->setSpacing(24);
    auto *left = new QVBoxLayout;
    left->addLayout(what);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addLayout(stocked);
    right->addStretch(1);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("productSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_general);
    layout->addWidget(buttons);

    connect(m_kit, &QCheckBox::toggled, this, &ProductEditorDialog::setKit);
    connect(m_remove, &QPushButton::clicked, this, &ProductEditorDialog::removeComponent);
    connect(m_components, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_filling && item->column() == QuantityColumn)
            updateMakes();
    });

    m_supplier->addItem(tr("None"), qint64(0));
    if (const auto suppliers = m_operations->suppliers(); suppliers.ok())
        for (const models::StockChoice &s : suppliers.value())
            m_supplier->addItem(s.label, s.id);
    load(productId);
}

QLabel *ProductEditorDialog::errorLabel(const QString &field)
{
    auto *label = new QLabel(this);
    label->setObjectName(QStringLiteral("error_%1").arg(field));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #a40e26;"));
    label->hide();
    m_errors.insert(field, label);
    return label;
}

QString ProductEditorDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    if (!label)
        return field.isEmpty() && !m_general->isHidden() ? m_general->text() : QString();
    return label->isHidden() ? QString() : label->text();
}

void ProductEditorDialog::load(qint64 productId)
{
    const models::Result<models::ProductRecord> r = m_operations->product(productId);
    if (!r.ok()) {
        showError(QString(), r.error());
        return;
    }
    m_record = r.value();
    setWindowTitle(productId == 0 ? tr("New product") : tr("Product %1").arg(m_record.sku));
    m_sku->setText(m_record.sku);
    m_name->setText(m_record.name);
    m_barcodes->setPlainText(m_record.barcodes.join(QLatin1Char('\n')));
    m_bins->setRowCount(static_cast<int>(m_record.bins.size()));
    for (int row = 0; row < m_record.bins.size(); ++row) {
        const models::ProductBinInput &b = m_record.bins.at(row);
        auto *location = new QTableWidgetItem(b.locationCode);
        location->setFlags(Qt::ItemIsEnabled);
        m_bins->setItem(row, 0, location);
        m_bins->setItem(row, 1, new QTableWidgetItem(b.binCodes.join(QStringLiteral(", "))));
    }
    m_supplier->setCurrentIndex(std::max(0, m_supplier->findData(m_record.supplierId)));
    m_currency->setText(m_record.costCurrency);
    m_cost->setText(models::Money(m_record.costMinor, m_record.costCurrency).toPlainString());
    m_leadTime->setValue(m_record.leadTimeDays.value_or(-1));
    m_safety->setValue(m_record.safetyStock);
    m_min->setValue(m_record.reorderMin);
    m_max->setValue(m_record.reorderMax);
    m_pack->setValue(m_record.packSize);
    m_supplierMin->setValue(m_record.supplierMinQty);
    m_components->setRowCount(0);
    for (const models::KitComponent &c : std::as_const(m_record.components))
        addComponentRow(c);
    m_kit->setChecked(m_record.isKit);
    setKit(m_record.isKit);
}

void ProductEditorDialog::setKit(bool kit)
{
    m_kitPanel->setVisible(kit);
    if (QWidget *label = findChild<QWidget *>(QStringLiteral("kitPanelLabel")))
        label->setVisible(kit);
    m_kitReason->setVisible(kit);
    const QString why = kit ? m_kitReason->text() : QString();
    for (QWidget *w : std::initializer_list<QWidget *>{m_bins, m_supplier, m_leadTime, m_safety,
                                                       m_min, m_max, m_pack, m_supplierMin}) {
        w->setEnabled(!kit);
        w->setToolTip(why);
    }
    if (kit) {
        updateMakes();
        m_componentCode->setFocus(Qt::OtherFocusReason);
    }
}

QList<models::KitComponent> ProductEditorDialog::components() const
{
    QList<models::KitComponent> out;
    for (int row = 0; row < m_components->rowCount(); ++row) {
        const QTableWidgetItem *sku = m_components->item(row, SkuColumn);
        const QTableWidgetItem *name = m_components->item(row, NameColumn);
        const QTableWidgetItem *quantity = m_components->item(row, QuantityColumn);
        if (!sku || !name || !quantity)
            continue;
        models::KitComponent c;
        c.productId = sku->data(Qt::UserRole).toLongLong();
        c.sku = sku->text();
        c.name = name->text();
        c.quantity = quantity->data(Qt::EditRole).toInt();
        out.append(c);
    }
    return out;
}

void ProductEditorDialog::addComponentRow(const models::KitComponent &component)
{
    m_filling = true;
    const int row = m_components->rowCount();
    m_components->insertRow(row);
    auto *sku = new QTableWidgetItem(component.sku);
    sku->setData(Qt::UserRole, component.productId);
    sku->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    auto *name = new QTableWidgetItem(component.name);
    name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    auto *quantity = new QTableWidgetItem;
    quantity->setData(Qt::EditRole, component.quantity);
    quantity->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_components->setItem(row, SkuColumn, sku);
    m_components->setItem(row, NameColumn, name);
    m_components->setItem(row, QuantityColumn, quantity);
    m_filling = false;
}

// A scanned or typed code: the product joins the kit, or, already in it, counts one
// more per kit (scanning a part twice means two of it).
void ProductEditorDialog::addComponent()
{
    const QString code = m_componentCode->text().trimmed();
    if (code.isEmpty())
        return;
    m_errors.value(QStringLiteral("components"))->hide();
    m_componentCode->selectAll();
    const models::Result<std::optional<models::KitPartChoice>> found = m_operations->kitPart(code);
    if (!found.ok()) {
        showError(QStringLiteral("components"), found.error());
        return;
    }
    if (!found.value()) {
        showError(QStringLiteral("components"),
                  tr("No product has the SKU or barcode %1").arg(code));
        return;
    }
    const models::KitPartChoice &choice = *found.value();
    if (choice.isKit) {
        showError(QStringLiteral("components"),
                  tr("%1 is a kit itself, and kits do not nest").arg(choice.component.sku));
        return;
    }
    if (m_record.id != 0 && choice.component.productId == m_record.id) {
        showError(QStringLiteral("components"),
                  tr("%1 is this product: a kit cannot contain itself").arg(choice.component.sku));
        return;
    }
    for (int row = 0; row < m_components->rowCount(); ++row) {
        QTableWidgetItem *sku = m_components->item(row, SkuColumn);
        if (sku->data(Qt::UserRole).toLongLong() != choice.component.productId)
            continue;
        QTableWidgetItem *quantity = m_components->item(row, QuantityColumn);
        m_filling = true;
        quantity->setData(Qt::EditRole, quantity->data(Qt::EditRole).toInt() + 1);
        m_filling = false;
        m_components->selectRow(row);
        updateMakes();
        m_componentCode->clear();
        return;
    }
    addComponentRow(choice.component);
    m_components->selectRow(m_components->rowCount() - 1);
    m_componentCode->clear();
    updateMakes();
}

void ProductEditorDialog::removeComponent()
{
    const int row = m_components->currentRow();
    if (row < 0 || row >= m_components->rowCount())
        return;
    m_components->removeRow(row);
    if (m_components->rowCount() > 0)
        m_components->selectRow(std::min(row, m_components->rowCount() - 1));
    updateMakes();
}

void ProductEditorDialog::updateMakes()
{
    const QList<models::KitComponent> parts = components();
    if (parts.isEmpty()) {
        m_makes->setText(tr("Add the parts this kit is made of: type or scan their SKU or "
                            "barcode."));
        return;
    }
    const models::Result<models::KitStock> stock = m_operations->kitStock(parts);
    if (!stock.ok()) {
        m_makes->setText(tr("What it makes cannot be worked out: %1").arg(stock.error()));
        return;
    }
    QStringList at;
    for (const models::KitMakesAt &l : stock->making())
        at.append(tr("%1 at %2").arg(l.kits).arg(l.locationName));
    const QString scarcest =
        parts.size() > 1 ? tr("; %1 is the scarcest").arg(stock->scarcestSku) : QString();
    m_makes->setText(at.isEmpty() ? tr("Makes none anywhere now%1").arg(scarcest)
                                  : tr("Makes %1%2").arg(at.join(QStringLiteral(", ")), scarcest));
}

QString ProductEditorDialog::makesText() const
{
    return m_kitPanel->isVisible() || m_kit->isChecked() ? m_makes->text() : QString();
}

bool ProductEditorDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Enter in the code box adds the part (a scanner ends every code with it); it
        // never saves the dialog.
        if (watched == m_componentCode &&
            (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            addComponent();
            return true;
        }
        // Keys typed while a quantity is edited go to its editor, not here.
        if (watched == m_components && key->key() == Qt::Key_Delete) {
            removeComponent();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ProductEditorDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
    m_general->hide();
}

void ProductEditorDialog::showError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field, m_general);
    if (!label->isHidden() && !label->text().isEmpty())
        label->setText(label->text() + QLatin1Char('\n') + message);
    else
        label->setText(message);
    label->show();
}

bool ProductEditorDialog::save()
{
    clearErrors();
    models::ProductRecord r = m_record;
    r.sku = m_sku->text().trimmed();
    r.name = m_name->text().trimmed();
    r.barcodes.clear();
    for (const QString &line : m_barcodes->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            r.barcodes.append(line.trimmed());
    for (int row = 0; row < r.bins.size() && row < m_bins->rowCount(); ++row) {
        r.bins[row].binCodes.clear();
        for (const QString &code : m_bins->item(row, 1)->text().split(QLatin1Char(',')))
            if (!code.trimmed().isEmpty())
                r.bins[row].binCodes.append(code.trimmed());
    }
    r.supplierId = m_supplier->currentData().toLongLong();
    r.costCurrency = m_currency->text().trimmed().toUpper();
    bool costOk = true;
    const models::Result<models::Money> cost = models::Money::parse(m_cost->text(), r.costCurrency);
    if (!cost.ok()) {
        showError(QStringLiteral("cost"), cost.error());
        costOk = false;
    } else {
        r.costMinor = cost->minorUnits();
    }
    r.leadTimeDays =
        m_leadTime->value() < 0 ? std::nullopt : std::optional<int>(m_leadTime->value());
    r.safetyStock = m_safety->value();
    r.reorderMin = m_min->value();
    r.reorderMax = m_max->value();
    r.packSize = m_pack->value();
    r.supplierMinQty = m_supplierMin->value();
    r.isKit = m_kit->isChecked();
    r.components = r.isKit ? components() : QList<models::KitComponent>();
    if (r.isKit) {
        // Stocked, binned and bought as its components, never as itself.
        for (models::ProductBinInput &b : r.bins)
            b.binCodes.clear();
        r.supplierId = 0;
        r.leadTimeDays.reset();
        r.safetyStock = r.reorderMin = r.reorderMax = 0;
        r.packSize = r.supplierMinQty = 1;
    }

    const QList<models::FieldError> problems = models::validateProduct(r);
    for (const models::FieldError &e : problems)
        showError(e.field, e.message);
    bool kitOk = true;
    if (r.isKit) {
        if (const models::Status s = models::KitRules::validate(r.id, r.components, {}); !s) {
            showError(QStringLiteral("components"), s.error());
            kitOk = false;
        }
    }
    if (!problems.isEmpty() || !costOk || !kitOk)
        return false;

    const models::Result<qint64> saved = m_operations->saveProduct(r);
    if (!saved.ok()) {
        // One line per problem, each starting with the field it is about.
        for (const QString &line : saved.error().split(QLatin1Char('\n'))) {
            const qsizetype colon = line.indexOf(QStringLiteral(": "));
            const QString field = colon > 0 ? line.left(colon) : QString();
            if (m_errors.contains(field))
                showError(field, line.mid(colon + 2));
            else
                showError(QString(), line);
        }
        return false;
    }
    m_record = r;
    m_record.id = saved.value();
    m_savedSku = r.sku;
    return true;
}

} // namespace ui
