#pragma once

#include "models/orderdetail.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace ui {

// The current order beside the queue: lines with stock per location, ship-to,
// payment and totals, hold reason, notes and the timeline. It shows what it is given;
// the screen reads the order through an OrderDetailSource.
class OrderDetailPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OrderDetailPanel(QWidget *parent = nullptr);

    void showDetail(const models::OrderDetail &detail);
    // Nothing selected, or more than one order.
    void showMessage(const QString &message);
    // The text as shown, for tests and screen readers.
    QString plainText() const;
    qint64 orderId() const { return m_orderId; }

private:
    QLabel *m_title;
    QTextBrowser *m_body;
    qint64 m_orderId = 0;
};

} // namespace ui
