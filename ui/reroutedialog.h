#pragma once

#include "models/orderqueuerow.h"

#include <QDialog>

class QComboBox;
class QPushButton;

namespace ui {

// Asks where to move the selected orders and why. The location list is typed into
// (first letters of a name) or picked; the reason is typed or picked from common ones.
class RerouteDialog : public QDialog
{
    Q_OBJECT
public:
    RerouteDialog(const QString &question, const QList<models::OrderFilterChoice> &locations,
                  QWidget *parent = nullptr);
    qint64 locationId() const;
    QString locationName() const;
    QString reason() const;

private:
    QComboBox *m_location;
    QComboBox *m_reason;
    QPushButton *m_ok;
};

} // namespace ui
