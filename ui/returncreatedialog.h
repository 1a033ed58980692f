#pragma once

#include "models/returnssource.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace ui {

// A new return from an order: the order number (typed or scanned, then Enter), its
// lines with what each may still send back, a quantity per line, the reason and the
// customer's note. OK creates and authorises it (one transaction); refusals (more
// than returnable, nothing chosen) show in the dialog and nothing is written.
class ReturnCreateDialog : public QDialog
{
    Q_OBJECT
public:
    ReturnCreateDialog(models::ReturnsSource *source, QWidget *parent = nullptr);

    // The return created, after accept().
    const models::ReturnAuthorisation &created() const { return m_created; }
    // Fills the order number and looks it up, as if typed and Enter pressed.
    void lookUp(const QString &orderNumber);

    void accept() override;

private:
    void showOrder();

    models::ReturnsSource *m_source;
    models::ReturnableOrder m_order;
    models::ReturnAuthorisation m_created;
    QLineEdit *m_orderNumber;
    QLabel *m_orderInfo;
    QTableWidget *m_lines;
    QComboBox *m_reason;
    QPlainTextEdit *m_note;
    QLabel *m_error;
};

} // namespace ui
