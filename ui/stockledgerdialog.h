#pragma once

#include "models/stockoperations.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace ui {

// A product's ledger: every movement, oldest first, with its reason, what it refers
// to (order, PO, RMA, adjustment, transfer, count), the note, who and when, and the
// running balance at its location and across the locations shown.
class StockLedgerDialog : public QDialog
{
    Q_OBJECT
public:
    StockLedgerDialog(models::StockOperations *operations, qint64 productId, qint64 locationId,
                      QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    void setLocation(qint64 locationId);

private:
    void load();

    models::StockOperations *m_operations;
    qint64 m_productId;
    QComboBox *m_location;
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace ui
