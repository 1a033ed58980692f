#pragma once

#include "models/stockoperations.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace ui {

// The product editor: SKU, name, barcodes (one per line, the first is primary; GTIN
// check digits checked), bins per location, supplier, cost, lead time, safety stock,
// min/max, pack size and the supplier's minimum order. Product 0 is a new product.
// "This is a kit" turns it into a kit: its components (typed or scanned by SKU or
// barcode, Enter; Delete removes the selected one) and what they make at each location
// now; the stock fields that belong to the components are then disabled. Saved in one
// transaction; a problem is shown under the field it is about and nothing is saved.
class ProductEditorDialog : public QDialog
{
    Q_OBJECT
public:
    ProductEditorDialog(models::StockOperations *operations, qint64 productId,
                        QWidget *parent = nullptr);

    // The message shown under a field ("sku", "barcodes", "bins", "cost", "lead_time",
    // "safety_stock", "min", "max", "pack_size", "supplier_min", "supplier", "name",
    // "components"); empty when there is none.
    QString fieldError(const QString &field) const;
    const QString &savedSku() const { return m_savedSku; }
    bool savedKit() const { return m_record.isKit; }
    // The kit's components as the table shows them now.
    QList<models::KitComponent> components() const;
    // "Makes 7 at Leeds warehouse, 2 at Bristol shop; COASTER-01 is the scarcest".
    QString makesText() const;

    bool save();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load(qint64 productId);
    void clearErrors();
    void showError(const QString &field, const QString &message);
    QLabel *errorLabel(const QString &field);

    void setKit(bool kit);
    void addComponent();
    void removeComponent();
    void addComponentRow(const models::KitComponent &component);
    void updateMakes();

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
    QCheckBox *m_kit;
    QWidget *m_kitPanel;
    QLineEdit *m_componentCode;
    QTableWidget *m_components;
    QPushButton *m_remove;
    QLabel *m_makes;
    QLabel *m_kitReason;
    QLabel *m_general;
    QHash<QString, QLabel *> m_errors;
    QString m_savedSku;
    bool m_filling = false;
};

} // namespace ui
