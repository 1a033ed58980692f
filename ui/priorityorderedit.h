#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace ui {

// The allocation priority as a list the owner puts in order: each rule in plain words,
// ticked when it counts, first at the top. Move up / Move down, or Alt+Up / Alt+Down in
// the list; Space ticks and unticks. Reads and gives the stored form,
// "placed,manual,expedited".
class PriorityOrderEdit : public QWidget
{
    Q_OBJECT
public:
    explicit PriorityOrderEdit(QWidget *parent = nullptr);

    // The ticked rules in order; empty when none is ticked.
    QString criteria() const;
    // Rules named in `criteria` first, in that order and ticked; the others after them.
    void setCriteria(const QString &criteria);
    QListWidget *list() const { return m_list; }

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void move(int by);

    QListWidget *m_list;
    QPushButton *m_up;
    QPushButton *m_down;
};

} // namespace ui
