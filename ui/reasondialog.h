#pragma once

#include <QDialog>

class QComboBox;
class QPushButton;

namespace ui {

// Asks why (a hold, a cancellation) before an action that needs a reason. The
// reason is typed or picked from common ones; the action's button stays disabled
// until there is one, and its label says what will happen ("Cancel 3 orders").
class ReasonDialog : public QDialog
{
    Q_OBJECT
public:
    ReasonDialog(const QString &title, const QString &question, const QString &actionLabel,
                 const QStringList &commonReasons, QWidget *parent = nullptr);
    QString reason() const;

private:
    QComboBox *m_reason;
    QPushButton *m_ok;
};

} // namespace ui
