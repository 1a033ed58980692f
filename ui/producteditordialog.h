#pragma once

#include "models/stockoperations.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace ui {

// The product editor: SKU, name, barcodes (one per line, the first is primary; GTIN
// check digits checked), bins per location, supplier, cost, lead time, safety stock,
// min/max, pack size and the supplier's minimum order. Saved in one transaction; a
// problem is shown under the field it is about and nothing is saved.
class ProductEditorDialog : public QDialog
{
    Q_OBJECT
public:
    ProductEditorDialog(models::StockOperations *operations, qint64 productId,
                        QWidget *parent = nullptr);

    // The message shown under a field ("sku", "barcodes", "bins", "cost", "lead_time",
    // "safety_stock", "min", "max", "pack_size", "supplier_min", "supplier", "name");
    // empty when there is none.
    QString fieldError(const QString &field) const;
    const QString &savedSku() const { return m_savedSku; }

    bool save();

private:
    void load(qint64 productId);
    void clearErrors();
    void showError(const QString &field, const QString &message);
    QLabel *errorLabel(const QString &field);

    models::StockOperations *m_operations;
    models::ProductRecord m_record;
    QLineEdit *m_sku;
    QLineEdit *m_name;
    QPlainTextEdit *m_barcodes;
    QTableWidget *m_bins;
    QComboBox *m_supplier;
    QLineEdit *m_cost;
    QLineEdit *m_currency;
    QSpinBox *m_leadTime;
    QSpinBox *m_safety;
    QSpinBox *m_min;
    QSpinBox *m_max;
    QSpinBox *m_pack;
    QSpinBox *m_supplierMin;
    QLabel *m_general;
    QHash<QString, QLabel *> m_errors;
    QString m_savedSku;
};

} // namespace ui
