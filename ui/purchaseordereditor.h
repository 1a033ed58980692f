#pragma once

#include "models/purchasingsource.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ui {

// Raising or changing a purchase order: supplier, receiving location, expected date,
// notes and lines (product, quantity, unit cost in the supplier's currency). A draft
// can be changed whole; a sent order only its expected date. Saving writes through
// the source in one step; an error is shown in the dialog, which stays open.
class PurchaseOrderEditor : public QDialog
{
    Q_OBJECT
public:
    // `existing` empty: a new draft.
    PurchaseOrderEditor(models::PurchasingSource *source,
                        const std::optional<models::PurchaseOrderDetail> &existing,
                        QWidget *parent = nullptr);

    qint64 savedId() const { return m_savedId; }

    QComboBox *supplier() const { return m_supplier; }
    QComboBox *location() const { return m_location; }
    QTableWidget *lines() const { return m_lines; }
    // Adds a line for the product, with its usual cost.
    void addLine(qint64 productId = 0, int quantity = 1, std::optional<qint64> costMinor = {});
    void save();

private:
    void removeLine();
    QString currency() const;

    models::PurchasingSource *m_source;
    std::optional<models::PurchaseOrderDetail> m_existing;
    QList<models::PurchasingChoice> m_products;
    QComboBox *m_supplier;
    QComboBox *m_location;
    QCheckBox *m_hasExpected;
    QDateEdit *m_expected;
    QLineEdit *m_notes;
    QTableWidget *m_lines;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_error;
    qint64 m_savedId = 0;
};

} // namespace ui
