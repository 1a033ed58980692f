#pragma once

#include "models/stockoperations.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace ui {

// Cycle counts: start a count sheet for a bin or a whole location, print it (PDF or
// printer), enter the counts by hand or by scanning (each scan counts one), see the
// variance per line, and post the corrections in one go.
class CycleCountDialog : public QDialog
{
    Q_OBJECT
public:
    CycleCountDialog(models::StockOperations *operations, qint64 locationId,
                     QWidget *parent = nullptr);

    bool changed() const { return m_changed; }
    const QString &resultMessage() const { return m_message; }
    QString error() const;
    QTableWidget *table() const { return m_table; }
    const models::StockCount &current() const { return m_count; }

    void startCount();
    void selectCount(qint64 countId);
    void scan(const QString &code);
    bool savePdf(const QString &path);
    void printSheet();
    void post();

private:
    void loadBins();
    void loadOpenCounts(qint64 select);
    void showCount();
    void onCellChanged(int row, int column);
    void fail(const QString &message);

    models::StockOperations *m_operations;
    QComboBox *m_location;
    QComboBox *m_bin;
    QComboBox *m_counts;
    QLineEdit *m_scan;
    QTableWidget *m_table;
    QLabel *m_summary;
    QLabel *m_error;
    models::StockCount m_count;
    bool m_filling = false;
    bool m_changed = false;
    QString m_message;
};

} // namespace ui
