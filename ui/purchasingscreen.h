#pragma once

#include "models/purchasingsource.h"
#include "ui/lazytableview.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace ui {

class ReceivingPanel;
class ScreenHeader;

// Purchase orders to suppliers: the list (status, expected date and an overdue flag,
// filtered by status or supplier), one order's lines and discrepancies, and what can
// be done with it: edit a draft, send it, cancel or close it, receive a delivery by
// scanning items, export it as CSV or save it as a PDF for the supplier.
class PurchasingScreen : public QWidget
{
    Q_OBJECT
public:
    // A null source (no database): the screen says so.
    PurchasingScreen(models::PurchasingSource *source, QString userName, QWidget *parent = nullptr);

    // Reads the list again, keeping the selected order when it is still listed.
    void reload();
    bool selectPurchaseOrder(qint64 id);
    std::optional<qint64> selectedId() const;
    const std::optional<models::PurchaseOrderDetail> &current() const { return m_current; }

    // What the buttons do, after their dialogs.
    void sendSelected();
    void cancelSelected();
    void closeSelected();
    void postReceipt();
    models::Status exportCsv(const QString &path);
    models::Status savePdf(const QString &path);

    QTableView *table() const { return m_table; }
    QStandardItemModel *model() const { return m_model; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *supplierFilter() const { return m_supplier; }
    ReceivingPanel *receiving() const { return m_receiving; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *discrepancies() const { return m_discrepancies; }
    ScreenHeader *header() const { return m_header; }

signals:
    void receiptPosted(qint64 purchaseOrderId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildFilters();
    void showDetail();
    void fillLines(const models::PurchaseOrderDetail &d);
    void fillDiscrepancies(const models::PurchaseOrderDetail &d);
    void updateActions();
    void edit(bool newOrder);
    void move(models::PurchaseOrder::Status to);
    void chooseCsv();
    void choosePdf();

    models::PurchasingSource *m_source;
    QString m_userName;
    ScreenHeader *m_header;
    QStackedWidget *m_pages;
    QComboBox *m_status;
    QComboBox *m_supplier;
    QPushButton *m_new;
    LazyTableView *m_table;
    QStandardItemModel *m_model;
    QLabel *m_title;
    QPushButton *m_edit;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QPushButton *m_close;
    QPushButton *m_csv;
    QPushButton *m_pdf;
    QTabWidget *m_tabs;
    QTableWidget *m_lines;
    ReceivingPanel *m_receiving;
    QTableWidget *m_discrepancies;
    std::optional<models::PurchaseOrderDetail> m_current;
    bool m_loadedOnce = false;
};

} // namespace ui
