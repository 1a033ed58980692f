#pragma once

#include "models/stocklevelrow.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTimer;
class QToolButton;

namespace ui {

// The row of filters above the stock list: search (SKU, name or a scanned barcode),
// location, supplier, below reorder point, out of stock and "no movement in N days".
// It only gathers what the user chose into a StockFilter.
class StockFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit StockFilterBar(QWidget *parent = nullptr);

    void setChoices(const QList<models::StockChoice> &locations,
                    const QList<models::StockChoice> &suppliers);
    models::StockFilter filter() const;
    void setFilter(const models::StockFilter &filter);
    QLineEdit *searchEdit() const { return m_search; }
    static constexpr int kSearchDelayMs = 200;

signals:
    void filterChanged(const models::StockFilter &filter);
    // Enter in the search box (a scanner ends every code with it).
    void searchEntered();

private:
    void emitChanged();

    QLineEdit *m_search;
    QComboBox *m_location;
    QComboBox *m_supplier;
    QCheckBox *m_below;
    QCheckBox *m_out;
    QCheckBox *m_still;
    QSpinBox *m_days;
    QToolButton *m_clear;
    QTimer *m_searchDelay;
    bool m_quiet = false;
};

} // namespace ui
