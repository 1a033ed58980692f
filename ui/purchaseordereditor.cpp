#include "ui/purchaseordereditor.h"

#include "models/money.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum Column
{
    ProductColumn,
    QuantityColumn,
    CostColumn,
    ColumnCount
};

constexpr int kMaxQuantity = 1'000'000;

} // namespace

PurchaseOrderEditor::PurchaseOrderEditor(models::PurchasingSource *source,
                                         const std::optional<models::PurchaseOrderDetail> &existing,
                                         QWidget *parent)
    : QDialog(parent), m_source(source), m_existing(existing), m_supplier(new QComboBox(this)),
      m_location(new QComboBox(this)), m_hasExpected(new QCheckBox(tr("E&xpected on"), this)),
      m_expected(new QDateEdit(this)), m_notes(new QLineEdit(this)),
      m_lines(new QTableWidget(0, ColumnCount, this)),
      m_add(new QPushButton(tr("&Add line"), this)),
      m_remove(new QPushButton(tr("&Remove line"), this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("purchaseOrderEditor"));
    setWindowTitle(existing ? tr("Purchase order %1").arg(existing->header.poNumber)
                            : tr("New purchase order"));
    m_supplier->setObjectName(QStringLiteral("poSupplier"));
    m_location->setObjectName(QStringLiteral("poLocation"));
    m_expected->setObjectName(QStringLiteral("poExpected"));
    m_lines->setObjectName(QStringLiteral("poLines"));
    m_error->setObjectName(QStringLiteral("poEditorError"));
    m_add->setObjectName(QStringLiteral("poAddLine"));
    m_remove->setObjectName(QStringLiteral("poRemoveLine"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #cf222e;"));
    m_error->hide();
    m_expected->setCalendarPopup(true);
    m_expected->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_lines->setHorizontalHeaderLabels({tr("Product"), tr("Quantity"), tr("Unit cost")});
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(ProductColumn, QHeaderView::Stretch);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);

    if (m_source) {
        if (auto suppliers = m_source->suppliers(); suppliers.ok())
            for (const models::PurchasingChoice &c : suppliers.value())
                m_supplier->addItem(QStringLiteral("%1 (%2)").arg(c.name, c.currency), c.id);
        if (auto locations = m_source->locations(); locations.ok())
            for (const models::PurchasingChoice &c : locations.value())
                m_location->addItem(QStringLiteral("%1 — %2").arg(c.code, c.name), c.id);
        if (auto products = m_source->products(); products.ok())
            m_products = products.value();
    }

    const QDate today = QDate::currentDate();
    m_expected->setDate(today.addDays(14));
    m_hasExpected->setChecked(true);
    if (existing) {
        const models::PurchaseOrderSummary &h = existing->header;
        m_supplier->setCurrentIndex(m_supplier->findData(h.supplierId));
        m_location->setCurrentIndex(m_location->findData(h.locationId));
        m_hasExpected->setChecked(h.expected.isValid());
        if (h.expected.isValid())
            m_expected->setDate(h.expected);
        m_notes->setText(existing->notes);
        for (const models::PurchaseOrderLineDetail &l : existing->lines)
            addLine(l.productId, l.ordered, l.unitCostMinor);
    }
    connect(m_hasExpected, &QCheckBox::toggled, m_expected, &QWidget::setEnabled);
    m_expected->setEnabled(m_hasExpected->isChecked());

    // A sent order keeps what the supplier was sent; only its expected date moves.
    const bool whole =
        !existing || models::PurchaseOrderRules::linesEditable(existing->header.status);
    for (QWidget *w : std::initializer_list<QWidget *>{m_supplier, m_location, m_notes, m_lines,
                                                       m_add, m_remove})
        w->setEnabled(whole);

    auto *form = new QFormLayout;
    form->addRow(tr("&Supplier:"), m_supplier);
    form->addRow(tr("&Deliver to:"), m_location);
    auto *expectedRow = new QHBoxLayout;
    expectedRow->addWidget(m_hasExpected);
    expectedRow->addWidget(m_expected);
    expectedRow->addStretch(1);
    form->addRow(tr("Expected:"), expectedRow);
    form->addRow(tr("&Notes:"), m_notes);

    auto *lineButtons = new QHBoxLayout;
    lineButtons->addWidget(m_add);
    lineButtons->addWidget(m_remove);
    lineButtons->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PurchaseOrderEditor::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] { addLine(); });
    connect(m_remove, &QPushButton::clicked, this, &PurchaseOrderEditor::removeLine);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_lines, 1);
    layout->addLayout(lineButtons);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(720, 480);
}

QString PurchaseOrderEditor::currency() const
{
    const QString text = m_supplier->currentText();
    const qsizetype open = text.lastIndexOf(QLatin1Char('('));
    return open >= 0 ? text.mid(open + 1, 3) : QStringLiteral("GBP");
}

void PurchaseOrderEditor::addLine(qint64 productId, int quantity, std::optional<qint64> costMinor)
{
    const int row = m_lines->rowCount();
    m_lines->insertRow(row);
    auto *product = new QComboBox(m_lines);
    product->setObjectName(QStringLiteral("poLineProduct%1").arg(row));
    for (const models::PurchasingChoice &p : std::as_const(m_products))
        product->addItem(QStringLiteral("%1 — %2").arg(p.code, p.name), p.id);
    auto *count = new QSpinBox(m_lines);
    count->setObjectName(QStringLiteral("poLineQuantity%1").arg(row));
    count->setRange(1, kMaxQuantity);
    count->setValue(std::max(1, quantity));
    auto *cost = new QLineEdit(m_lines);
    cost->setObjectName(QStringLiteral("poLineCost%1").arg(row));
    cost->setAlignment(Qt::AlignRight);
    const auto costOf = [this](int index) -> qint64 {
        return index >= 0 && index < m_products.size() ? m_products.at(index).costMinor : 0;
    };
    if (productId != 0)
        product->setCurrentIndex(product->findData(productId));
    cost->setText(models::Money(costMinor.value_or(costOf(product->currentIndex())), currency())
                      .toPlainString());
    // Choosing another product brings its usual cost.
    connect(product, &QComboBox::currentIndexChanged, cost, [this, cost, costOf](int index) {
        cost->setText(models::Money(costOf(index), currency()).toPlainString());
    });
    m_lines->setCellWidget(row, ProductColumn, product);
    m_lines->setCellWidget(row, QuantityColumn, count);
    m_lines->setCellWidget(row, CostColumn, cost);
}

void PurchaseOrderEditor::removeLine()
{
    const int row = m_lines->currentRow();
    m_lines->removeRow(row >= 0 ? row : m_lines->rowCount() - 1);
}

void PurchaseOrderEditor::save()
{
    if (!m_source)
        return;
    const QDate expected = m_hasExpected->isChecked() ? m_expected->date() : QDate();
    if (m_existing && !models::PurchaseOrderRules::linesEditable(m_existing->header.status)) {
        if (models::Status s = m_source->setExpectedDate(m_existing->header.id, expected); !s) {
            m_error->setText(s.error());
            m_error->show();
            return;
        }
        m_savedId = m_existing->header.id;
        accept();
        return;
    }
    models::PurchaseOrderDraft draft;
    draft.id = m_existing ? m_existing->header.id : 0;
    draft.supplierId = m_supplier->currentData().toLongLong();
    draft.locationId = m_location->currentData().toLongLong();
    draft.expected = expected;
    draft.notes = m_notes->text().trimmed();
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const auto *product = qobject_cast<QComboBox *>(m_lines->cellWidget(row, ProductColumn));
        const auto *count = qobject_cast<QSpinBox *>(m_lines->cellWidget(row, QuantityColumn));
        const auto *cost = qobject_cast<QLineEdit *>(m_lines->cellWidget(row, CostColumn));
        const models::Result<models::Money> money = models::Money::parse(cost->text(), currency());
        if (!money.ok() || money->isNegative()) {
            m_error->setText(
                tr("Line %1: \"%2\" is not a unit cost").arg(row + 1).arg(cost->text()));
            m_error->show();
            return;
        }
        draft.lines.append(
            {product->currentData().toLongLong(), count->value(), money->minorUnits()});
    }
    const models::Result<qint64> id = m_source->saveDraft(draft);
    if (!id.ok()) {
        m_error->setText(id.error());
        m_error->show();
        return;
    }
    m_savedId = id.value();
    accept();
}

} // namespace ui
