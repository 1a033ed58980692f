#include "ui/stockscreen.h"

#include "models/stocklevelmodel.h"
#include "ui/countformat.h"
#include "ui/lazytableview.h"
#include "ui/screenheader.h"

#include <QVBoxLayout>

namespace ui {

using models::StockLevelModel;

namespace {

// Typical widest values, so widths are set without fetching rows to measure them.
QList<ColumnLayout> columnLayouts()
{
    QList<ColumnLayout> columns(StockLevelModel::ColumnCount);
    columns[StockLevelModel::SkuColumn] = {.sample = QStringLiteral("SKU-ABC-12345-XL")};
    columns[StockLevelModel::NameColumn] = {.sample = {}, .numeric = false, .stretch = true};
    columns[StockLevelModel::LocationColumn] = {.sample = QStringLiteral("WH-MAIN")};
    columns[StockLevelModel::BinColumn] = {.sample = QStringLiteral("A-12-03-4")};
    columns[StockLevelModel::OnHandColumn] = {.sample = QStringLiteral("100,000"), .numeric = true};
    columns[StockLevelModel::ReservedColumn] = {.sample = QStringLiteral("100,000"),
                                                .numeric = true};
    columns[StockLevelModel::AvailableColumn] = {.sample = QStringLiteral("100,000"),
                                                 .numeric = true};
    return columns;
}

} // namespace

StockScreen::StockScreen(models::StockLevelSource *source, QWidget *parent)
    : QWidget(parent), m_header(new ScreenHeader(tr("Stock"), this)),
      m_table(new LazyTableView(this))
{
    m_table->setObjectName(QStringLiteral("stockTable"));
    setFocusProxy(m_table); // switching to the screen puts the keyboard in the table

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 18);
    layout->setSpacing(14);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);

    if (!source) {
        m_header->setError(tr("No stock data is available: no database is open."));
        return;
    }

    m_model = new StockLevelModel(source, this);
    m_table->setModel(m_model);
    m_table->setColumnLayouts(columnLayouts());

    connect(m_model, &QAbstractItemModel::modelReset, this, &StockScreen::updateSummary);
    // Fetch errors are raised while the table paints; queue them so the header's
    // layout does not change in the middle of a paint.
    connect(m_model, &StockLevelModel::errorOccurred, m_header, &ScreenHeader::setError,
            Qt::QueuedConnection);
    updateSummary();
}

// Runs after each reset, when lastError() is about the count.
void StockScreen::updateSummary()
{
    const int n = m_model->rowCount();
    if (!m_model->lastError().isEmpty())
        m_header->setSummary({}); // the error line says what is wrong
    else
        m_header->setSummary(n == 1 ? tr("1 product × location row")
                                    : tr("%1 product × location rows").arg(formatCount(n)));
    m_header->setError(m_model->lastError());
}

} // namespace ui
