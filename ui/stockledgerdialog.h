#pragma once

#include "models/stockoperations.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;

namespace models {
class StockLedgerModel;
class StockLedgerSource;
} // namespace models

namespace ui {

class LazyTableView;

// A product's ledger: every movement, oldest first, with its reason, what it refers
// to (order, PO, RMA, adjustment, transfer, count), the note, who and when, and the
// running balance at its location and across the locations shown. It opens on the
// newest movements; older pages are read as the table is scrolled up to them, so a
// product with hundreds of thousands of movements opens as fast as one with ten.
class StockLedgerDialog : public QDialog
{
    Q_OBJECT
public:
    StockLedgerDialog(models::StockOperations *operations, qint64 productId, qint64 locationId,
                      QWidget *parent = nullptr);
    ~StockLedgerDialog() override;

    LazyTableView *table() const { return m_table; }
    models::StockLedgerModel *model() const { return m_model; }
    QString summary() const;
    void setLocation(qint64 locationId);

private:
    void load();

    models::StockOperations *m_operations;
    qint64 m_productId;
    QComboBox *m_location;
    QLabel *m_summary;
    LazyTableView *m_table;
    std::unique_ptr<models::StockLedgerSource> m_source;
    models::StockLedgerModel *m_model = nullptr;
};

} // namespace ui
