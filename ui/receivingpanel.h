#pragma once

#include "models/purchasingsource.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ui {

// Receiving one delivery against a purchase order at the bench. A barcode scanner
// types the code and Enter into the scan field: each scan adds one to the line whose
// product has that barcode (or SKU) and says so in green; a code that is not on the
// order is refused in red and nothing is counted. Counts and damaged units can also be
// typed. Each line goes into the product's bin at the order's location unless another
// bin is scanned or typed in its Bin field (Enter there returns to the scan field).
// Post receipt hands the counts to the source; nothing is booked before that.
class ReceivingPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReceivingPanel(QWidget *parent = nullptr);

    // Starts a new delivery for this order: every count back to 0.
    void setOrder(const models::PurchaseOrderDetail &order);
    void clear();

    // The delivery as counted so far, for lines with anything counted.
    models::Receipt receipt() const;
    int countedUnits() const;

    QLineEdit *scanField() const { return m_scan; }
    QTableWidget *table() const { return m_table; }
    QPushButton *postButton() const { return m_post; }
    QSpinBox *countedBox(int row) const;
    QSpinBox *damagedBox(int row) const;
    // The bin the line is put away in; empty: the product's bin here, shown in grey.
    QLineEdit *binField(int row) const;
    QString message() const;
    bool messageIsError() const { return m_messageIsError; }

    // The outcome of posting, shown under the scan field.
    void showMessage(const QString &text, bool error);

signals:
    void postRequested();

private:
    void scan();
    void updatePost();

    QLineEdit *m_scan;
    QLabel *m_message;
    QTableWidget *m_table;
    QPushButton *m_post;
    models::PurchaseOrderDetail m_order;
    QList<models::ReceivingLine> m_lines;
    bool m_messageIsError = false;
};

} // namespace ui
