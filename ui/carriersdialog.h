#pragma once

#include "models/carriersetupsource.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace ui {

// "Carriers and rates…": the carriers (add, rename, switch off), the chosen
// carrier's services (name, service level, transit working days, pickup cut-off)
// and the chosen service's rate card (country, postcode prefix, weight band,
// price). Save checks every row and writes what changed; saved() follows.
class CarriersDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CarriersDialog(models::CarrierSetupSource *source, QWidget *parent = nullptr);

    QString message() const;

    // Columns of the three tables.
    enum CarrierColumn
    {
        CarrierName,
        CarrierActive
    };
    enum ServiceColumn
    {
        ServiceName,
        ServiceLevel,
        ServiceTransit,
        ServiceCutoff,
        ServiceActive
    };
    enum RateColumn
    {
        RateCountry,
        RatePrefix,
        RateWeight,
        RatePrice,
        RateCurrency
    };

signals:
    void saved();

private:
    struct RateDraft
    {
        QString country;
        QString prefix;
        QString weight;
        QString price;
        QString currency;
        QString fromCountry;
        int transitDays = -1; // -1: the service's
    };
    struct ServiceDraft
    {
        qint64 id = 0;
        QString name;
        QString level = QStringLiteral("standard");
        QString transit = QStringLiteral("2");
        QString cutoff = QStringLiteral("16:00");
        bool active = true; // switched off: kept for the history, never offered
        QList<RateDraft> rates;
        bool dirty = false;
    };
    struct CarrierDraft
    {
        models::CarrierEntry entry;
        QList<ServiceDraft> services;
        bool loaded = false;
        bool dirty = false;
    };

    void load();
    void fillCarriers();
    void fillServices();
    void fillRates();
    void carrierEdited(QTableWidgetItem *item);
    void serviceEdited(QTableWidgetItem *item);
    void rateEdited(QTableWidgetItem *item);
    void addCarrier();
    void addService();
    void addRate();
    void removeRate();
    void save();
    bool ensureServices(int carrierRow);
    QString problem() const;
    void setMessage(const QString &text, bool failed);
    void updateButtons();
    CarrierDraft *currentCarrier();
    ServiceDraft *currentService();

    models::CarrierSetupSource *m_source;
    QList<CarrierDraft> m_drafts;
    bool m_filling = false;

    QTableWidget *m_carriers;
    QTableWidget *m_services;
    QTableWidget *m_rates;
    QPushButton *m_addCarrier;
    QPushButton *m_addService;
    QPushButton *m_addRate;
    QPushButton *m_removeRate;
    QPushButton *m_save;
    QLabel *m_message;
};

} // namespace ui
