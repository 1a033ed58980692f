#pragma once

#include "models/returnssource.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace ui {

class DocumentPrinter;
class ScreenHeader;

// Returns (RMA), from the request to the refund. On the left, the lists: every
// return (with a status filter), the ones waiting for inspection longer than N days,
// the refunds still owed, the return rate by SKU and reason, and the time from
// receipt to refund. On the right, the selected return and what can happen to it
// next. The scan field takes an RMA slip's barcode or an order number and Enter:
// the return opens with the arrived counts set to what was authorised, and Enter
// again receives it, so a parcel is booked in without the mouse.
class ReturnsScreen : public QWidget
{
    Q_OBJECT
public:
    // A null source: the screen says no database is open.
    explicit ReturnsScreen(models::ReturnsSource *source, QWidget *parent = nullptr);

    void refresh();
    qint64 currentReturnId() const { return m_currentId; }

private:
    void buildDetail(QWidget *panel);
    void reloadList();
    void reloadViews();
    void reloadRates();
    void showDetail(qint64 returnId);
    void updateButtons();
    void onScan();
    void newReturn();
    void authorise();
    void receive();
    void inspectLine();
    void approveRefund();
    void recordRefund();
    void closeReturn();
    void exchange();
    void rejectReturn();
    void cancelReturn();
    void changeLocation();
    void printSlip();
    void savePdf();
    // Shows the outcome; on success reloads everything and keeps the return open.
    bool report(const models::Status &status, const QString &done);
    void setMessage(const QString &text, bool error);

    models::ReturnsSource *m_source;
    ScreenHeader *m_header;
    QLineEdit *m_scan = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_list = nullptr;
    QTableWidget *m_waiting = nullptr;
    QSpinBox *m_waitingDays = nullptr;
    QTableWidget *m_owed = nullptr;
    QTableWidget *m_rates = nullptr;
    QLabel *m_timesSummary = nullptr;
    QTableWidget *m_times = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QTableWidget *m_lines = nullptr;
    QPushButton *m_authorise = nullptr;
    QPushButton *m_receive = nullptr;
    QPushButton *m_inspect = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_refund = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_exchange = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_location = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_pdf = nullptr;
    DocumentPrinter *m_printer = nullptr;
    qint64 m_currentId = 0;
    bool m_ratesStale = true; // read when its tab is opened: it sums every shipped line
    models::ReturnAuthorisation m_current;
};

} // namespace ui
