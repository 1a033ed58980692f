#include "ui/stockfilterbar.h"

#include "ui/filterbarparts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>

namespace ui {

StockFilterBar::StockFilterBar(QWidget *parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_location(new QComboBox(this)),
      m_supplier(new QComboBox(this)), m_below(new QCheckBox(tr("&Below reorder point"), this)),
      m_out(new QCheckBox(tr("&Out of stock"), this)),
      m_still(new QCheckBox(tr("&No movement in"), this)), m_days(new QSpinBox(this)),
      m_clear(new QToolButton(this)), m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("stockFilterBar"));
    setUpFilterSearch(m_search, QStringLiteral("stockSearch"),
                      tr("Search SKU or name, or scan a barcode (Ctrl+F)"));
    setUpFilterChoice(m_location, QStringLiteral("stockLocationFilter"), 14);
    setUpFilterChoice(m_supplier, QStringLiteral("stockSupplierFilter"), 14);
    m_below->setObjectName(QStringLiteral("belowReorderFilter"));
    m_below->setToolTip(tr("Available below the product's reorder point"));
    m_out->setObjectName(QStringLiteral("outOfStockFilter"));
    m_out->setToolTip(tr("Nothing available: on hand all reserved, or none"));
    m_still->setObjectName(QStringLiteral("noMovementFilter"));
    m_days->setObjectName(QStringLiteral("noMovementDays"));
    m_days->setRange(1, 3650);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    setUpFilterClear(m_clear, QStringLiteral("clearStockFilters"),
                     tr("Show every product at every location"));
    setChoices({}, {});

    const auto [first, second] = filterRows(this);
    first->addWidget(m_search, 1);
    first->addWidget(m_location);
    first->addWidget(m_supplier);
    second->addWidget(m_below);
    second->addWidget(m_out);
    second->addSpacing(8);
    second->addWidget(m_still);
    second->addWidget(m_days);
    second->addWidget(m_clear);
    second->addStretch(1);

    const auto changed = [this] { emitChanged(); };
    connectFilterSearch(this, m_search, m_searchDelay, kSearchDelayMs, changed,
                        [this] { emit searchEntered(); });
    connect(m_location, &QComboBox::currentIndexChanged, this, changed);
    connect(m_supplier, &QComboBox::currentIndexChanged, this, changed);
    connect(m_below, &QCheckBox::toggled, this, changed);
    connect(m_out, &QCheckBox::toggled, this, changed);
    connect(m_still, &QCheckBox::toggled, this, changed);
    connect(m_days, &QSpinBox::valueChanged, this, [this] {
        if (m_still->isChecked())
            emitChanged();
    });
    connect(m_clear, &QToolButton::clicked, this, [this] { setFilter({}); });
}

void StockFilterBar::setChoices(const QList<models::StockChoice> &locations,
                                const QList<models::StockChoice> &suppliers)
{
    fillFilterChoice(m_location, tr("All locations"), locations);
    fillFilterChoice(m_supplier, tr("All suppliers"), suppliers);
}

models::StockFilter StockFilterBar::filter() const
{
    models::StockFilter f;
    f.locationId = m_location->currentData().toLongLong();
    f.supplierId = m_supplier->currentData().toLongLong();
    f.belowReorderPoint = m_below->isChecked();
    f.outOfStock = m_out->isChecked();
    f.noMovementDays = m_still->isChecked() ? m_days->value() : 0;
    f.search = m_search->text().trimmed();
    return f;
}

void StockFilterBar::setFilter(const models::StockFilter &f)
{
    m_quiet = true;
    m_location->setCurrentIndex(std::max(0, m_location->findData(f.locationId)));
    m_supplier->setCurrentIndex(std::max(0, m_supplier->findData(f.supplierId)));
    m_below->setChecked(f.belowReorderPoint);
    m_out->setChecked(f.outOfStock);
    m_still->setChecked(f.noMovementDays > 0);
    if (f.noMovementDays > 0)
        m_days->setValue(f.noMovementDays);
    m_search->setText(f.search);
    m_quiet = false;
    emitChanged();
}

void StockFilterBar::emitChanged()
{
    if (!m_quiet)
        emit filterChanged(filter());
}

} // namespace ui
