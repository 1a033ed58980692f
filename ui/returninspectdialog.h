#pragma once

#include "models/returnssource.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace ui {

// One line of a received return at the inspection bench: its condition, then either
// restock (location and bin; an empty bin means the product's usual one there) or
// write off with a reason. Damaged suggests a write-off; the person decides.
class ReturnInspectDialog : public QDialog
{
    Q_OBJECT
public:
    ReturnInspectDialog(const models::ReturnLine &line,
                        const QList<models::ReturnLocationChoice> &locations,
                        std::optional<qint64> returnLocation, QWidget *parent = nullptr);

    models::LineInspection inspection() const;

private:
    void updateEnabled();

    qint64 m_lineId;
    QComboBox *m_condition;
    QRadioButton *m_restock;
    QRadioButton *m_writeOff;
    QComboBox *m_location;
    QLineEdit *m_bin;
    QLineEdit *m_writeOffReason;
};

} // namespace ui
