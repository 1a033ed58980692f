#include "ui/producteditordialog.h"

#include "models/money.h"
#include "models/stockoperationrules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

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
      m_general(new QLabel(this))
{
    setObjectName(QStringLiteral("productEditorDialog"));
    setWindowTitle(tr("Product"));
    resize(640, 600);
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

    auto *cost = new QWidget(this);
    auto *costRow = new QHBoxLayout(cost);
    costRow->setContentsMargins(0, 0, 0, 0);
    costRow->addWidget(m_cost, 1);
    costRow->addWidget(m_currency);

    auto *form = new QFormLayout;
    form->addRow(tr("&SKU"), withError(m_sku, errorLabel(QStringLiteral("sku")), this));
    form->addRow(tr("&Name"), withError(m_name, errorLabel(QStringLiteral("name")), this));
    form->addRow(tr("&Barcodes"),
                 withError(m_barcodes, errorLabel(QStringLiteral("barcodes")), this));
    form->addRow(tr("B&ins"), withError(m_bins, errorLabel(QStringLiteral("bins")), this));
    form->addRow(tr("Su&pplier"),
                 withError(m_supplier, errorLabel(QStringLiteral("supplier")), this));
    form->addRow(tr("&Cost"), withError(cost, errorLabel(QStringLiteral("cost")), this));
    form->addRow(tr("&Lead time"),
                 withError(m_leadTime, errorLabel(QStringLiteral("lead_time")), this));
    form->addRow(tr("Sa&fety stock"),
                 withError(m_safety, errorLabel(QStringLiteral("safety_stock")), this));
    form->addRow(tr("&Min (reorder point)"),
                 withError(m_min, errorLabel(QStringLiteral("min")), this));
    form->addRow(tr("Ma&x"), withError(m_max, errorLabel(QStringLiteral("max")), this));
    form->addRow(tr("Pac&k size"),
                 withError(m_pack, errorLabel(QStringLiteral("pack_size")), this));
    form->addRow(tr("Supplier min&imum"),
                 withError(m_supplierMin, errorLabel(QStringLiteral("supplier_min")), this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("productSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_general);
    layout->addWidget(buttons);

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
    setWindowTitle(tr("Product %1").arg(m_record.sku));
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

    const QList<models::FieldError> problems = models::validateProduct(r);
    for (const models::FieldError &e : problems)
        showError(e.field, e.message);
    if (!problems.isEmpty() || !costOk)
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
