#pragma once

#include "models/result.h"
#include "models/shopsettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ui {

// Settings › Locations: the warehouses, stores and 3PLs that hold stock, one at a time
// in a form beside the list, and Add location. Numbers are kept as typed until the
// Save, which reads them through locations() and names the location and field of the
// first one that is wrong.
class SettingsLocationsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsLocationsPage(QWidget *parent = nullptr);

    void setLocations(const QList<models::LocationSettings> &locations);
    models::Result<QList<models::LocationSettings>> locations() const;
    // Everything as typed, to tell whether anything changed since setLocations().
    QString state() const;

    // "LDS · Leeds" per location, in list order, for the Returns page's choice.
    QStringList names() const;
    // The location returns go to by default: an index into names(), -1 for none.
    int defaultReturns() const;
    void setDefaultReturns(int index);
    // The address of the default returns location as one line, or empty.
    QString defaultReturnsAddress() const;

    void addLocation();
    void selectLocation(int index);

signals:
    void changed();
    void namesChanged();

private:
    struct Draft
    {
        models::LocationSettings location; // booleans, texts and id as edited
        QString storeBuffer;
        QString dailyCapacity; // empty: no limit
        QString routingPriority;
    };

    void buildForm(QWidget *formPage);
    void showDraft(int index);
    void edited();
    QString itemText(const Draft &d) const;

    QList<Draft> m_drafts;
    int m_current = -1;
    bool m_filling = false;

    QListWidget *m_list;
    QPushButton *m_add;
    QWidget *m_form = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_active = nullptr;
    QCheckBox *m_shipsFromStore = nullptr;
    QLineEdit *m_storeBuffer = nullptr;
    QLineEdit *m_capacity = nullptr;
    QLineEdit *m_priority = nullptr;
    QCheckBox *m_backorders = nullptr;
    QLineEdit *m_line1 = nullptr;
    QLineEdit *m_line2 = nullptr;
    QLineEdit *m_city = nullptr;
    QLineEdit *m_region = nullptr;
    QLineEdit *m_postcode = nullptr;
    QLineEdit *m_country = nullptr;
};

} // namespace ui
