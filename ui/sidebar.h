#pragma once

#include <QWidget>

class QListWidget;

namespace ui {

// The navigation column on the left: the app's name and one entry per screen.
// It only reports which entry was chosen; the main window switches screens.
class Sidebar : public QWidget
{
    Q_OBJECT
public:
    explicit Sidebar(QWidget *parent = nullptr);

    void addEntry(const QIcon &icon, const QString &title, const QString &toolTip);
    int currentIndex() const;
    void setCurrentIndex(int index);
    QListWidget *list() const { return m_list; }

signals:
    void currentIndexChanged(int index);

private:
    QListWidget *m_list;
};

} // namespace ui
