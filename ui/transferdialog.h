#pragma once

#include "models/stockoperations.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace ui {

// Transfers between locations. Send: pick the two locations, scan or type products
// with their quantities, and ship now (the stock leaves the source, in transit).
// Receive: pick a transfer in transit and enter what arrived (all of it by default,
// or part: the rest stays in transit), each line into the product's bin there unless
// another bin is scanned or typed in its Bin field.
class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(models::StockOperations *operations, qint64 fromLocationId,
                   QWidget *parent = nullptr);

    bool changed() const { return m_changed; }
    const QString &resultMessage() const { return m_message; }
    QString error() const;

    QTabWidget *tabs() const { return m_tabs; }
    void addLine(const QString &code, int quantity);
    void ship();
    void receive();
    // The bin a received line is put away in; empty: the product's bin at the
    // destination, shown in grey.
    QLineEdit *binField(int row) const;

private:
    void loadOpenTransfers();
    void showTransfer();
    void fail(const QString &message);

    models::StockOperations *m_operations;
    QTabWidget *m_tabs;
    QComboBox *m_from;
    QComboBox *m_to;
    QLineEdit *m_code;
    QSpinBox *m_quantity;
    QTableWidget *m_lines;
    QComboBox *m_open;
    QTableWidget *m_arrived;
    QLabel *m_error;
    QList<models::TransferLineInput> m_pending;
    QList<models::Transfer> m_transfers;
    bool m_changed = false;
    QString m_message;
};

} // namespace ui
