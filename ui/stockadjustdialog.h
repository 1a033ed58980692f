#pragma once

#include "models/stocklevelrow.h"
#include "models/stockoperations.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ui {

// A hand adjustment of one product at one location: a signed quantity, a reason
// (damaged, lost, found, count correction, sample, write-off) and a note. Recording
// goes through StockOperations, which refuses one without a reason or one that would
// take on hand below what is reserved; the refusal is shown here and the dialog stays
// open to put it right.
class StockAdjustDialog : public QDialog
{
    Q_OBJECT
public:
    StockAdjustDialog(models::StockOperations *operations, const models::StockLevelRow &row,
                      QWidget *parent = nullptr);

    // "MUG-01 at WH1: -2 (Damaged), 8 on hand" once recorded.
    const QString &resultMessage() const { return m_message; }
    QString error() const;

    void record();

private:
    void updatePreview();

    models::StockOperations *m_operations;
    models::StockLevelRow m_row;
    QSpinBox *m_quantity;
    QComboBox *m_reason;
    QLineEdit *m_note;
    QLabel *m_preview;
    QLabel *m_error;
    QPushButton *m_ok;
    QString m_message;
};

} // namespace ui
