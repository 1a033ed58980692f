#pragma once

#include "models/servicechoice.h"
#include "models/shippingsource.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ui {

class ScreenHeader;

// The carrier hand-over: packed orders waiting to ship, each with the suggested
// service and its price and why; the parcels (weight, size, tracking number); a
// scan field (a scanned tracking number fills the next parcel, a scanned order
// number chooses that order); Mark shipped (Ctrl+Return); and what shipped today.
class ShippingScreen : public QWidget
{
    Q_OBJECT
public:
    // `source` may be null (no database): the screen then says so.
    explicit ShippingScreen(models::ShippingSource *source, QWidget *parent = nullptr);

    // Reads the waiting orders, services and today's shipments again.
    void refresh();
    // Tests pin the clock (local time at the bench).
    void setClock(std::function<QDateTime()> now);
    // Opens "Carriers and rates…" (Ctrl+Shift+C); saving there refreshes the services.
    void editCarriers();

    QString message() const;
    qint64 currentOrderId() const;
    int waitingCount() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void chooseOrder();
    void fillServices();
    void serviceChosen();
    void addParcel(int grams, const QString &tracking = {});
    void removeParcel();
    void scanned();
    void markShipped();
    void loadShippedToday();
    void setMessage(const QString &text, bool failed);
    void updateButtons();
    const models::OrderToShip *currentOrder() const;
    QList<models::Parcel> parcels(QString *problem) const;

    models::ShippingSource *m_source;
    std::function<QDateTime()> m_now;
    QList<models::OrderToShip> m_orders;
    QList<models::CarrierService> m_services;
    QList<models::Carrier> m_carriers;
    models::ServiceChoice m_choice;

    ScreenHeader *m_header;
    QTableWidget *m_waiting;
    QLabel *m_orderTitle;
    QComboBox *m_service;
    QLabel *m_why;
    QTableWidget *m_parcels;
    QLineEdit *m_scan;
    QPushButton *m_addParcel;
    QPushButton *m_removeParcel;
    QPushButton *m_ship;
    QLabel *m_message;
    QLabel *m_todayTitle;
    QTableWidget *m_today;
};

} // namespace ui
